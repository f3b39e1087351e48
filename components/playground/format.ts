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
