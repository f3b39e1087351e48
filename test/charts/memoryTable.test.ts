import { describe, expect, it } from 'vitest';
import { encodeCsv } from '@/lib/charts/export';
import { memoryTable, PHASE_LABELS } from '@/lib/charts/memory';
import { DEFAULT_CONFIG, type Config } from '@/lib/config/config';
import { presetById, withModel } from '@/lib/config/presets';
import { crossCacheBytes, selfCacheBytes } from '@/lib/cost/memory';
import { evaluate, type CostResult } from '@/lib/cost/model';

/** Parses the CSV of a figure table back into rows of fields (no field here contains a comma or a quote). */
function csvRows(text: string): string[][] {
  return text
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
}

/** Looks up a column index by the start of its header, such as "Cross-attention cache". */
function column(columns: readonly string[], start: string): number {
  const index = columns.findIndex((c) => c.startsWith(start));
  expect(index, `column starting "${start}" in ${columns.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return index;
}

const fidoBase: Config = withModel({ ...DEFAULT_CONFIG }, presetById('fido-base').model);

function divisorOf(header: string): number {
  const unit = /\(([^)]*)B\)$/.exec(header)?.[1] ?? '';
  return { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12 }[unit] ?? NaN;
}

function checkPhaseRows(result: CostResult) {
  const table = memoryTable(result);
  const csv = csvRows(encodeCsv(table));
  const [header, ...body] = csv;
  const cross = column(header, 'Cross-attention cache');
  const self = column(header, 'Self-attention cache');
  const activations = column(header, 'Activations');
  const divisor = divisorOf(header[cross]);
  expect(divisor).not.toBeNaN();

  const batches = [...new Set(body.map((row) => Number(row[0])))];
  expect(body).toHaveLength(batches.length * 3);
  for (const batch of batches) {
    for (const phase of result.memory.phases) {
      const row = body.find((r) => Number(r[0]) === batch && r[1] === PHASE_LABELS[phase.phase]);
      expect(row, `row of batch ${batch}, ${phase.phase}`).toBeDefined();
      expect(Number(row![cross]) * divisor).toBeCloseTo(phase.crossCacheBytesPerSample * batch, -3);
      expect(Number(row![self]) * divisor).toBeCloseTo(phase.selfCacheBytesPerSample * batch, -3);
      expect(Number(row![activations]) * divisor).toBeCloseTo(phase.activationBytesPerSample * batch, -3);
    }
  }
  return { header, body, cross, self };
}

describe('memory table', () => {
  it('lists each phase with its own numbers', () => {
    checkPhaseRows(evaluate({ ...DEFAULT_CONFIG }));
    checkPhaseRows(evaluate(fidoBase));
  });

  it('shows the cross-attention cache when encoding peaks', () => {
    const result = evaluate(fidoBase);
    expect(result.memory.peakPhase).toBe('encode');
    const { header, body, cross, self } = checkPhaseRows(result);
    const divisor = divisorOf(header[cross]);
    const batch = result.batch.effective;

    const decoding = body.find((r) => Number(r[0]) === batch && r[1] === PHASE_LABELS.decode)!;
    expect(Number(decoding[cross]) * divisor).toBeCloseTo(crossCacheBytes(result.shape) * batch, -3);
    expect(Number(decoding[cross])).toBeGreaterThan(0);
    expect(Number(decoding[self]) * divisor).toBeCloseTo(selfCacheBytes(result.shape) * batch, -3);

    const encoding = body.find((r) => Number(r[0]) === batch && r[1] === PHASE_LABELS.encode)!;
    expect(Number(encoding[cross])).toBe(0);
    expect(encoding[column(header, 'Peak')]).toBe('yes');
    expect(decoding[column(header, 'Peak')]).toBe('no');
  });

  it('marks one peak row per batch', () => {
    const { header, body } = checkPhaseRows(evaluate({ ...DEFAULT_CONFIG }));
    const peak = column(header, 'Peak');
    const batches = new Set(body.map((row) => row[0]));
    for (const batch of batches) expect(body.filter((r) => r[0] === batch && r[peak] === 'yes')).toHaveLength(1);
  });

  it('keeps GB columns for every configuration', () => {
    const small = memoryTable(evaluate({ ...DEFAULT_CONFIG }));
    const large = evaluate({ ...DEFAULT_CONFIG, batchSize: 4096, precision: 'fp32' });
    const largeTable = memoryTable(large);
    expect(large.batch.limitedByMemory).toBe(true);
    expect(largeTable.columns).toEqual(small.columns);
    for (const start of ['Weights', 'Cross-attention cache', 'Self-attention cache', 'Activations', 'Total', 'Capacity']) {
      expect(largeTable.columns[column(largeTable.columns, start)]).toMatch(/\(GB\)$/);
    }
  });

  it('writes unrounded GB to the CSV', () => {
    const result = evaluate({ ...DEFAULT_CONFIG, batchSize: 4096, precision: 'fp32' });
    const [header, ...body] = csvRows(encodeCsv(memoryTable(result)));
    const total = column(header, 'Total');
    const requested = body.find((r) => Number(r[0]) === 4096 && r[1] === PHASE_LABELS[result.memory.peakPhase])!;
    const phase = result.memory.phases.find((p) => p.phase === result.memory.peakPhase)!;
    const bytes = result.memory.weightBytes + phase.bytesPerSample * 4096;
    expect(bytes).toBeGreaterThan(1e12);
    expect(Number(requested[total]) * 1e9).toBeCloseTo(bytes, -2);
  });
});
