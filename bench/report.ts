/**
 * Statistics and Markdown helpers shared by the benchmark modules.
 */

/** Sorts a copy in ascending order. */
function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty sample');
  const ordered = sorted(values);
  const middle = Math.floor(ordered.length / 2);
  return ordered.length % 2 ? ordered[middle] : (ordered[middle - 1] + ordered[middle]) / 2;
}

/** Nearest-rank percentile: the smallest value with at least `p` percent of the sample at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty sample');
  const ordered = sorted(values);
  const rank = Math.max(1, Math.ceil((p / 100) * ordered.length));
  return ordered[rank - 1];
}

/**
 * Compares a measured value with an upper-bound target: "met" or "missed by 3.2 ms
 * (+16%)", with one decimal below 10%. `format` renders a value with its unit.
 */
export function verdict(value: number, target: number, format: (value: number) => string): string {
  if (value <= target) return 'met';
  const over = value - target;
  const percent = (over / target) * 100;
  return `missed by ${format(over)} (+${percent.toFixed(percent < 10 ? 1 : 0)}%)`;
}

export function formatMicroseconds(seconds: number): string {
  return `${(seconds * 1e6).toFixed(2)} µs`;
}

export function formatMilliseconds(seconds: number): string {
  return `${(seconds * 1e3).toFixed(2)} ms`;
}

/** Kilobytes of 1,000 bytes, as Next.js and most bundle reports print them. */
export function formatKilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** Renders a GitHub-flavoured Markdown table; pipes inside cells are escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  const lines = [
    `| ${header.map(escape).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ];
  return lines.join('\n');
}
