/** Number formats of the live bench, each with its unit. */
import { format } from 'd3';

const threeDigits = format('.3~r');

/** Seconds in the unit that keeps 1 to 3 digits before the point: µs, ms or s. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const magnitude = Math.abs(seconds);
  if (magnitude === 0) return '0 s';
  if (magnitude < 1e-3) return `${threeDigits(seconds * 1e6)} µs`;
  if (magnitude < 1) return `${threeDigits(seconds * 1e3)} ms`;
  return `${threeDigits(seconds)} s`;
}

/** A rate with an SI prefix, such as "12.3 GFLOP/s" or "8.1 GB/s". */
function formatRate(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '–';
  const prefixes: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [scale, prefix] of prefixes) {
    if (Math.abs(value) >= scale) return `${threeDigits(value / scale)} ${prefix}${unit}`;
  }
  return `${threeDigits(value)} ${unit}`;
}

export function formatFlopsPerSecond(flopsPerSecond: number): string {
  return formatRate(flopsPerSecond, 'FLOP/s');
}

export function formatBytesPerSecond(bytesPerSecond: number): string {
  return formatRate(bytesPerSecond, 'B/s');
}

export function formatFlops(flops: number): string {
  return formatRate(flops, 'FLOP');
}

export function formatFlopsPerByte(flopsPerByte: number): string {
  return Number.isFinite(flopsPerByte) ? `${threeDigits(flopsPerByte)} FLOP/B` : '–';
}

/** A speedup or ratio such as "2.41×". */
export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${format('.3~r')(ratio)}×` : '–';
}

export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? format('.0%')(fraction) : '–';
}

/**
 * Tick values for a log axis over [low, high]: powers of ten, plus 2 and 5 times them when
 * the axis spans fewer than three decades, so labels never crowd.
 */
export function logTickValues(low: number, high: number): number[] {
  if (!(low > 0) || !(high > 0)) return [];
  const [from, to] = low <= high ? [low, high] : [high, low];
  const decades = Math.log10(to / from);
  const mantissas = decades < 3 ? [1, 2, 5] : [1];
  const step = decades > 8 ? 2 : 1;
  const ticks: number[] = [];
  for (let exponent = Math.floor(Math.log10(from)); exponent <= Math.ceil(Math.log10(to)); exponent += step) {
    for (const mantissa of mantissas) {
      const value = mantissa * 10 ** exponent;
      if (value >= from * (1 - 1e-9) && value <= to * (1 + 1e-9)) ticks.push(value);
    }
  }
  return ticks;
}
