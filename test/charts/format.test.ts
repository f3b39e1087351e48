import { describe, expect, it } from 'vitest';
import {
  MISSING,
  columnUnit,
  formatBytes,
  formatFlops,
  formatFlopsPerByte,
  formatFlopsPerSecond,
  formatNumber,
  formatPercent,
  formatSeconds,
  formatSI,
} from '@/lib/charts/format';

describe('formatSI', () => {
  it('prints three significant digits with a prefix', () => {
    expect(formatSeconds(1.234e-3)).toBe('1.23 ms');
    expect(formatFlopsPerSecond(4.56e12)).toBe('4.56 TFLOP/s');
    expect(formatBytes(12.34e9)).toBe('12.3 GB');
  });

  it('prints zero with its unit', () => {
    expect(formatSeconds(0)).toBe('0 s');
    expect(formatBytes(0)).toBe('0 B');
  });

  it('keeps sub-nanosecond times distinct from zero', () => {
    expect(formatSeconds(5e-10)).toBe('500 ps');
    expect(formatSeconds(1.5e-13)).toBe('150 fs');
  });

  it('carries 999.5 into the next prefix', () => {
    expect(formatBytes(999.5)).toBe('1 kB');
    expect(formatSeconds(999.5e-6)).toBe('1 ms');
    expect(formatBytes(999.4)).toBe('999 B');
  });

  it('prints 1e15 with the peta prefix', () => {
    expect(formatFlops(1e15)).toBe('1 PFLOPs');
    expect(formatFlopsPerSecond(1e15)).toBe('1 PFLOP/s');
  });

  it('prints missing values as n/a', () => {
    expect(formatSeconds(NaN)).toBe(MISSING);
    expect(formatBytes(null)).toBe(MISSING);
    expect(formatFlops(undefined)).toBe(MISSING);
    expect(formatFlopsPerSecond(Infinity)).toBe(MISSING);
  });

  it('gives counts no prefix below one', () => {
    expect(formatFlopsPerByte(0.8)).toBe('0.8 FLOPs/byte');
    expect(formatFlopsPerByte(0.98452)).toBe('0.985 FLOPs/byte');
    expect(formatBytes(0.5)).toBe('0.5 B');
  });

  it('keeps long times in seconds', () => {
    expect(formatSeconds(1234)).toBe('1,230 s');
  });

  it('keeps the sign of negative values', () => {
    expect(formatSI(-2.5e-3, 's')).toBe('-2.5 ms');
  });

  it('uses exponent notation past the largest prefix', () => {
    expect(formatSI(1e30, 'B', { minExponent: 0 })).toBe('1e6 YB');
  });
});

describe('formatNumber', () => {
  it('drops trailing zeros', () => {
    expect(formatNumber(0.8)).toBe('0.8');
    expect(formatNumber(2)).toBe('2');
    expect(formatNumber(12.345)).toBe('12.3');
  });

  it('groups thousands and switches to exponents at the extremes', () => {
    expect(formatNumber(12345)).toBe('12,300');
    expect(formatNumber(2.5e9)).toBe('2.5e9');
    expect(formatNumber(3e-7)).toBe('3e-7');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(NaN)).toBe(MISSING);
  });
});

describe('formatPercent', () => {
  it('keeps one decimal and drops a trailing zero', () => {
    expect(formatPercent(0.8567)).toBe('85.7%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('marks tiny shares instead of printing zero', () => {
    expect(formatPercent(0.0567)).toBe('5.7%');
    expect(formatPercent(0.0004)).toBe('<0.1%');
    expect(formatPercent(0.0006)).toBe('0.1%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(NaN)).toBe(MISSING);
  });
});

describe('columnUnit', () => {
  it('picks the prefix of the largest value', () => {
    expect(columnUnit([2e-5, 0.0123], 's', { maxExponent: 0 })).toEqual({ unit: 'ms', divisor: 1e-3 });
    expect(columnUnit([34.4e9, 1e6], 'B', { minExponent: 0 })).toEqual({ unit: 'GB', divisor: 1e9 });
  });

  it('falls back to the bare unit without values', () => {
    expect(columnUnit([], 's')).toEqual({ unit: 's', divisor: 1 });
    expect(columnUnit([NaN, 0], 's')).toEqual({ unit: 's', divisor: 1 });
  });
});
