/**
 * Domain helpers shared by the charts: what counts as a drawable value, and domains
 * that stay valid for degenerate data (no values, one value, zeros on a log axis).
 */

/** A finite number, or NaN for anything else (null, undefined, ±Infinity). */
export function finiteOrNaN(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : NaN;
}

/** A value a log axis can show: finite and above zero, or NaN. */
export function positiveOrNaN(value: number | null | undefined): number {
  const v = finiteOrNaN(value);
  return v > 0 ? v : NaN;
}

/**
 * A log domain covering every positive value, widened to whole decades. No values
 * gives [1, 10]; a single decade is widened by one decade each side so the point
 * sits mid-range.
 */
export function decadeDomain(values: readonly number[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const raw of values) {
    const v = positiveOrNaN(raw);
    if (Number.isNaN(v)) continue;
    low = Math.min(low, v);
    high = Math.max(high, v);
  }
  if (low === Infinity) return [1, 10];
  let lowExponent = Math.floor(Math.log10(low));
  let highExponent = Math.ceil(Math.log10(high));
  if (highExponent <= lowExponent) {
    lowExponent -= 1;
    highExponent += 1;
  }
  return [10 ** lowExponent, 10 ** highExponent];
}

/**
 * A linear domain from zero to the largest value; all zeros (or nothing) gives [0, 1]
 * so bars of zero length still sit on a valid axis.
 */
export function zeroBasedDomain(values: readonly number[]): [number, number] {
  let high = 0;
  for (const raw of values) {
    const v = finiteOrNaN(raw);
    if (v > high) high = v;
  }
  return [0, high > 0 ? high : 1];
}

/** Powers of ten inside a log domain, thinned to at most `maxCount` ticks. */
export function decadeTicks(domain: readonly [number, number], maxCount: number): number[] {
  const lowExponent = Math.ceil(Math.log10(domain[0]) - 1e-9);
  const highExponent = Math.floor(Math.log10(domain[1]) + 1e-9);
  const count = highExponent - lowExponent + 1;
  if (count <= 0) return [];
  const step = Math.max(1, Math.ceil(count / Math.max(1, maxCount)));
  const ticks: number[] = [];
  for (let e = lowExponent; e <= highExponent; e += step) ticks.push(10 ** e);
  return ticks;
}
