/**
 * Number formats of the playground: three significant digits, SI prefixes before the
 * unit ("9.19 ms", "1.84 TFLOPs", "31.5 GB"), decimal (not binary) byte prefixes.
 */
import { format } from 'd3';

const threeDigits = format('.3~r');

/** Shown where a value does not exist, such as a time when not even batch 1 fits. */
export const MISSING = 'n/a';

const PREFIXES: [number, string][] = [
  [1e15, 'P'],
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
  [1, ''],
];

/** Formats `value` with an SI prefix glued to `unit`: 1.837e12 and "FLOPs" read "1.84 TFLOPs". */
export function formatSi(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  if (value === 0) return `0 ${unit}`;
  const magnitude = Math.abs(value);
  const [factor, prefix] = PREFIXES.find(([f]) => magnitude >= f * 0.9995) ?? PREFIXES[PREFIXES.length - 1];
  return `${threeDigits(value / factor)} ${prefix}${unit}`;
}

/** Formats seconds as s, ms, µs or ns. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return MISSING;
  const scales: [number, string][] = [[1, 's'], [1e-3, 'ms'], [1e-6, 'µs'], [1e-9, 'ns']];
  const [factor, unit] = scales.find(([f]) => Math.abs(seconds) >= f * 0.9995) ?? scales[scales.length - 1];
  return `${threeDigits(seconds / factor)} ${unit}`;
}

export function formatBytes(bytes: number | null): string {
  return formatSi(bytes, 'B');
}

export function formatFlops(flops: number | null): string {
  return formatSi(flops, 'FLOPs');
}

/** Formats a parameter count: 247577856 reads "248 M". */
export function formatCount(count: number | null): string {
  return formatSi(count, '').trimEnd();
}

/** Formats a fraction as a whole percentage, or with one decimal below 10%. */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return MISSING;
  return Math.abs(fraction) < 0.1 && fraction !== 0 ? format('.1%')(fraction) : format('.0%')(fraction);
}

/** Formats a ratio as "2.21x". */
export function formatRatio(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return MISSING;
  return `${format('.3r')(ratio)}x`;
}
