/**
 * The one number formatter of the charts and their tables: SI prefixes with units,
 * three significant digits, trailing zeros dropped ("1.23 ms", "4.56 TFLOP/s",
 * "12.3 GB", "0.8 FLOPs/byte"). Bytes use decimal prefixes (1 GB = 1e9 bytes).
 * Missing values (NaN, null, ±Infinity) print as "n/a" rather than as zero.
 */

export const MISSING = 'n/a';

const PREFIXES: Record<number, string> = {
  [-24]: 'y',
  [-21]: 'z',
  [-18]: 'a',
  [-15]: 'f',
  [-12]: 'p',
  [-9]: 'n',
  [-6]: 'µ',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
  21: 'Z',
  24: 'Y',
};

interface SiOptions {
  /** Significant digits; 3 unless given. */
  digits?: number;
  /** Smallest prefix exponent allowed: counts such as FLOPs and bytes take no milli. */
  minExponent?: number;
  /** Largest prefix exponent allowed: seconds take no kilo. */
  maxExponent?: number;
  /** Text between the number and the unit; a space unless given. */
  separator?: string;
}

function isPresent(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Rounds to `digits` significant digits and drops trailing zeros: 0.800 → "0.8". */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (!isPresent(value)) return MISSING;
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-4) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    return `${String(Number(mantissa))}e${Number(exponent)}`;
  }
  const text = String(Number(value.toPrecision(digits)));
  return abs >= 1e3 ? Number(text).toLocaleString('en-US', { maximumFractionDigits: 20 }) : text;
}

/** Formats `value` in `unit` with the SI prefix that keeps the mantissa in [1, 1000). */
export function formatSI(value: number | null | undefined, unit: string, options: SiOptions = {}): string {
  if (!isPresent(value)) return MISSING;
  const { digits = 3, minExponent = -24, maxExponent = 24, separator = ' ' } = options;
  if (value === 0) return `0${separator}${unit}`;

  const abs = Math.abs(value);
  let exponent = Math.floor(Math.log10(abs) / 3) * 3;
  exponent = Math.min(maxExponent, Math.max(minExponent, exponent));
  let mantissa = Number((value / 10 ** exponent).toPrecision(digits));
  // Rounding can carry into the next prefix: 999.5 → 1000 → 1 k.
  if (Math.abs(mantissa) >= 1000 && exponent + 3 <= maxExponent) {
    exponent += 3;
    // Divide the rounded mantissa, not the value: 0.9995 would round down again.
    mantissa = Number((mantissa / 1000).toPrecision(digits));
  }
  const prefix = PREFIXES[exponent] ?? '';
  return `${formatNumber(mantissa, digits)}${separator}${prefix}${unit}`;
}

/** Formats seconds from "500 ps" up to "12.3 s"; longer times stay in seconds ("1,230 s"). */
export function formatSeconds(seconds: number | null | undefined): string {
  return formatSI(seconds, 's', { maxExponent: 0 });
}

/** Formats a FLOP count: "2.15 TFLOPs". */
export function formatFlops(flops: number | null | undefined): string {
  return formatSI(flops, 'FLOPs', { minExponent: 0 });
}

/** Formats a FLOP rate: "275 TFLOP/s". */
export function formatFlopsPerSecond(flopsPerSecond: number | null | undefined): string {
  return formatSI(flopsPerSecond, 'FLOP/s', { minExponent: 0 });
}

/** Formats a byte count with decimal prefixes: "12.3 GB". */
export function formatBytes(bytes: number | null | undefined): string {
  return formatSI(bytes, 'B', { minExponent: 0 });
}

/** Formats a bandwidth: "1.2 TB/s". */
export function formatBytesPerSecond(bytesPerSecond: number | null | undefined): string {
  return formatSI(bytesPerSecond, 'B/s', { minExponent: 0 });
}

/** Formats an operational intensity: "0.8 FLOPs/byte", "512 FLOPs/byte", "12.3 kFLOPs/byte". */
export function formatFlopsPerByte(flopsPerByte: number | null | undefined): string {
  return formatSI(flopsPerByte, 'FLOPs/byte', { minExponent: 0 });
}

/**
 * Formats a fraction as a percentage with one decimal and no trailing zero: 0.8567 →
 * "85.7%", 0.5 → "50%". A share above zero but below 0.05% prints "<0.1%", not "0%".
 */
export function formatPercent(fraction: number | null | undefined): string {
  if (!isPresent(fraction)) return MISSING;
  const percent = fraction * 100;
  if (percent > 0 && percent < 0.05) return '<0.1%';
  return `${Number(percent.toFixed(1))}%`;
}

/** A column unit for a table: one prefix for every value, chosen from the largest. */
export interface ColumnUnit {
  /** The unit with its prefix, for the column header: "ms". */
  unit: string;
  /** Divide a value by this to express it in `unit`. */
  divisor: number;
}

/** Picks the prefix that puts the largest of `values` in [1, 1000) of `unit`. */
export function columnUnit(values: readonly number[], unit: string, options: Pick<SiOptions, 'minExponent' | 'maxExponent'> = {}): ColumnUnit {
  const { minExponent = -24, maxExponent = 24 } = options;
  let largest = 0;
  for (const v of values) if (isPresent(v)) largest = Math.max(largest, Math.abs(v));
  if (largest === 0) return { unit, divisor: 1 };
  let exponent = Math.floor(Math.log10(largest) / 3) * 3;
  exponent = Math.min(maxExponent, Math.max(minExponent, exponent));
  return { unit: `${PREFIXES[exponent] ?? ''}${unit}`, divisor: 10 ** exponent };
}
