/**
 * Formats of the playground's headline figures. Times, FLOPs, bytes and percentages come
 * from the charts' formatter, so a number reads the same in a headline and in a chart.
 */
import { formatNumber, formatSI, MISSING } from '@/lib/charts/format';

export { formatBytes, formatFlops, formatPercent, formatSeconds, MISSING } from '@/lib/charts/format';

/** Formats a parameter count with an SI prefix: 247577856 reads "248 M". */
export function formatCount(count: number | null): string {
  return formatSI(count, '', { minExponent: 0 }).trimEnd();
}

/** Formats a ratio with three significant digits: "2.21x", "1x". */
export function formatRatio(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return MISSING;
  return `${formatNumber(ratio)}x`;
}

function relative(ratio: number | null, more: string, less: string, same: string): string {
  if (ratio === null || !Number.isFinite(ratio) || ratio <= 0) return MISSING;
  if (formatNumber(ratio) === '1') return same;
  return ratio > 1 ? `${formatNumber(ratio)}x ${more}` : `${formatNumber(1 / ratio)}x ${less}`;
}

/**
 * Formats a time against a reference time, `ratio` being time / reference, with the
 * direction in words: 1.67 reads "1.67x slower", 0.16 reads "6.25x faster".
 */
export function formatTimeRatio(ratio: number | null): string {
  return relative(ratio, 'slower', 'faster', 'same time');
}

/** Formats a quantity against a reference, `ratio` being value / reference: "2x larger", "16x smaller". */
export function formatSizeRatio(ratio: number | null): string {
  return relative(ratio, 'larger', 'smaller', 'same');
}
