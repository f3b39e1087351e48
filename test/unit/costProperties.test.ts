// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decoderDims, type Config } from '@/lib/config/config';
import { WORKLOAD_LIMITS } from '@/lib/config/schema';
import { normalizeConfig } from '@/lib/config/url';
import { evaluate, type CostResult } from '@/lib/cost';
import { anyConfig, realisticConfig } from './arbitraries';

// Per-sample seconds divide a whole batch's time by the batch, so two configurations that
// do the same work at different batches can differ in the last bit. Comparisons of
// seconds allow that much and no more.
const FLOAT_TOLERANCE = 1e-12;

function expectNotLess(larger: number, smaller: number, what: string): void {
  expect(larger, what).toBeGreaterThanOrEqual(smaller * (1 - FLOAT_TOLERANCE));
}

function withChange(config: Config, change: Partial<Config>): Config {
  return normalizeConfig({ ...config, ...change }).config;
}

function decoderBytes(result: CostResult): number {
  return result.operations.filter((op) => op.phase === 'decoder').reduce((sum, op) => sum + op.bytes, 0);
}

function expectCostsNotLess(more: CostResult, less: CostResult): void {
  expectNotLess(more.flops.encoder, less.flops.encoder, 'encoder FLOPs');
  expectNotLess(more.flops.decoder, less.flops.decoder, 'decoder FLOPs');
  expectNotLess(more.flops.total, less.flops.total, 'total FLOPs');
  if (less.seconds === null) {
    // Needing more memory than a configuration that does not fit cannot fit either.
    expect(more.seconds).toBeNull();
    return;
  }
  if (more.seconds === null) return;
  expectNotLess(more.seconds.encoder, less.seconds.encoder, 'encoder seconds');
  expectNotLess(more.seconds.decoder, less.seconds.decoder, 'decoder seconds');
  expectNotLess(more.seconds.total, less.seconds.total, 'total seconds');
}

/** The same configuration at batch 1, so that the effective batch cannot move. */
const atBatchOne = realisticConfig.map((config) => ({ ...config, batchSize: 1 }));

/**
 * The same configuration at the largest batch the URL allows, so the effective batch is
 * whatever fits. More work per sample then also lowers the batch, which raises the weight
 * reads per sample: per-sample time still never drops, because each operation's time is
 * max(FLOPs / peak, (weight bytes / batch + sample bytes) / bandwidth).
 */
const adaptiveBatch = realisticConfig.map((config) => ({ ...config, batchSize: WORKLOAD_LIMITS.batchSize.max }));

describe('cost monotonicity', () => {
  it('never costs less with more passages at a fixed batch', () => {
    fc.assert(
      fc.property(atBatchOne, fc.integer({ min: 1, max: 100 }), (config, extra) => {
        const less = evaluate(config);
        const more = evaluate(withChange(config, { passages: config.passages + extra }));

        expect(more.batch.effective).toBe(less.batch.effective);
        expectCostsNotLess(more, less);
      }),
      { numRuns: 300 },
    );
  });

  it('never costs less with more passages when the batch adapts', () => {
    fc.assert(
      fc.property(adaptiveBatch, fc.integer({ min: 1, max: 100 }), (config, extra) => {
        const less = evaluate(config);
        const more = evaluate(withChange(config, { passages: config.passages + extra }));

        expect(more.batch.effective).toBeLessThanOrEqual(less.batch.effective);
        expectCostsNotLess(more, less);
      }),
      { numRuns: 300 },
    );
  });

  it('never costs less with more target tokens', () => {
    fc.assert(
      fc.property(fc.oneof(atBatchOne, adaptiveBatch), fc.integer({ min: 1, max: 256 }), (config, extra) => {
        const less = evaluate(config);
        const more = evaluate(withChange(config, { targetTokens: config.targetTokens + extra }));

        expect(more.batch.effective).toBeLessThanOrEqual(less.batch.effective);
        expectCostsNotLess(more, less);
      }),
      { numRuns: 300 },
    );
  });

  it('never adds decoder bytes with a larger K', () => {
    fc.assert(
      fc.property(fc.oneof(atBatchOne, adaptiveBatch), fc.nat(), (config, step) => {
        const layers = decoderDims(config).layers;
        const larger = config.crossAttentionPeriod + (step % (layers - config.crossAttentionPeriod + 1));
        const dense = evaluate(config);
        const sparse = evaluate(withChange(config, { crossAttentionPeriod: larger }));

        expect(decoderBytes(sparse)).toBeLessThanOrEqual(decoderBytes(dense) * (1 + FLOAT_TOLERANCE));
        expect(sparse.flops.decoder).toBeLessThanOrEqual(dense.flops.decoder);
      }),
      { numRuns: 300 },
    );
  });
});

describe('cost results', () => {
  function expectFiniteAndNonNegative(value: unknown, path: string): void {
    if (typeof value === 'number') {
      expect(Number.isFinite(value), path).toBe(true);
      expect(value, path).toBeGreaterThanOrEqual(0);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => expectFiniteAndNonNegative(item, `${path}[${i}]`));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) expectFiniteAndNonNegative(item, `${path}.${key}`);
    }
  }

  it('are finite and non-negative for any valid configuration', () => {
    fc.assert(
      fc.property(anyConfig, (config) => {
        const result = evaluate(config);
        expectFiniteAndNonNegative(result, 'result');
        expect(result.seconds === null).toBe(!result.batch.fits);
      }),
      { numRuns: 300 },
    );
  });

  it('never exceed the memory at the effective batch', () => {
    fc.assert(
      fc.property(fc.oneof(anyConfig, realisticConfig, adaptiveBatch), (config) => {
        const { batch, memory } = evaluate(config);
        if (!batch.fits) {
          expect(memory.weightBytes + memory.bytesPerSample).toBeGreaterThan(memory.capacityBytes);
          return;
        }

        expect(batch.effective).toBeLessThanOrEqual(batch.max);
        expect(batch.effective).toBeLessThanOrEqual(batch.requested);
        expect(memory.weightBytes + batch.effective * memory.bytesPerSample).toBeLessThanOrEqual(memory.capacityBytes);
        if (batch.limitedByMemory) {
          expect(memory.weightBytes + (batch.effective + 1) * memory.bytesPerSample).toBeGreaterThan(memory.capacityBytes);
        } else {
          expect(batch.effective).toBe(batch.requested);
        }
      }),
      { numRuns: 500 },
    );
  });
});
