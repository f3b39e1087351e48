/**
 * Number formatting for the cost command line: SI prefixes with a unit, plain text
 * tables. Four significant digits everywhere, so a reader can compare two runs by eye.
 */

const SI_PREFIXES: [number, string][] = [
  [1e18, 'E'],
  [1e15, 'P'],
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
  [1, ''],
  [1e-3, 'm'],
  [1e-6, 'µ'],
  [1e-9, 'n'],
];

const SIGNIFICANT_DIGITS = 4;

/** Shown where a value does not exist (a time when not even batch 1 fits). */
export const MISSING = 'n/a';

function round(value: number): number {
  return Number(value.toPrecision(SIGNIFICANT_DIGITS));
}

/** Formats `value` with an SI prefix before `unit`: 1.837e12 FLOPs reads "1.837 TFLOPs". */
export function formatSi(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  if (value === 0) return `0 ${unit}`.trim();
  const magnitude = Math.abs(round(value));
  const [factor, prefix] = SI_PREFIXES.find(([f]) => magnitude >= f) ?? SI_PREFIXES[SI_PREFIXES.length - 1];
  return `${round(value / factor)} ${prefix}${unit}`.trim();
}

/** Formats a plain number with thousands separators and at most four significant digits. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return MISSING;
  const rounded = Math.abs(value) >= 10 ** SIGNIFICANT_DIGITS ? Math.round(value) : round(value);
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 20 });
}

/** Formats a fraction in [0, 1] as a percentage with one decimal. */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return MISSING;
  return `${(fraction * 100).toFixed(1)}%`;
}

export function formatSeconds(seconds: number | null): string {
  return formatSi(seconds, 's');
}

export function formatBytes(bytes: number | null): string {
  return formatSi(bytes, 'B');
}

export function formatFlops(flops: number | null): string {
  return formatSi(flops, 'FLOPs');
}

export type Align = 'left' | 'right';

/** Lays out rows as columns separated by two spaces; `align` gives each column's side. */
export function renderTable(rows: string[][], align: Align[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (align[i] === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
