// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type Config } from '@/lib/config/config';
import { T5_SIZES } from '@/lib/config/models';
import { parseConfig } from '@/lib/config/url';
import { attainableFlopsPerSecond, evaluate, ridgeFlopsPerByte, roofline, type CostResult, type OperationName } from '@/lib/cost';
import { crossCacheBytes } from '@/lib/cost/memory';
import { PRESET_SIZES } from './arbitraries';

function configOf(query: string): Config {
  const { config, notices } = parseConfig(query);
  expect(notices, query).toEqual([]);
  return config;
}

function op(result: CostResult, name: OperationName) {
  const found = result.operations.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`operation ${name} not found`);
  return found;
}

/** Relative tolerance for sums of the same terms taken in a different order. */
const FLOAT_TOLERANCE = 1e-12;

function expectRelativelyClose(actual: number, expected: number, tolerance = FLOAT_TOLERANCE): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe('parameter counts', () => {
  it.each(PRESET_SIZES)('matches the published T5.1.1 %s count within 1%%', (size) => {
    const { params } = evaluate(configOf(`?enc=${size}&dec=${size}`));
    const published = T5_SIZES[size].publishedParams;

    expect(Math.abs(params.total / published - 1)).toBeLessThan(0.01);
    expect(params.encoder + params.decoder).toBe(params.total);
  });
});

describe('FLOP counts', () => {
  // The 1/6 rule takes the decoder's work as the cross-attention K/V projection alone
  // (2 of the 12 d² matmuls an encoder layer does per token, with d_ff = 8d/3). The
  // model also counts what the rule drops: attention within each passage (+2% to +5%
  // encoder FLOPs at 256 tokens), T5.1.1's d_ff of 2.5d to 2.75d (up to -6% encoder MLP
  // FLOPs for XL) and the decoder's per-token work (+1%). Together they move the ratio by
  // at most about 6%, so 8% catches a missing or doubled term without flagging these.
  const RATIO_TOLERANCE = 0.08;

  it.each(['base', 'large', 'xl'])('gives FiD-%s a decoder/encoder ratio near 1/6', (size) => {
    const { flops } = evaluate(configOf(`?enc=${size}&dec=${size}&passages=40&ptokens=256`));
    const ratio = flops.decoder / flops.encoder;

    expect(Math.abs(ratio * 6 - 1)).toBeLessThan(RATIO_TOLERANCE);
  });

  // Encoder: d_model 16, d_ff 40, 2 heads of 8, 2 layers. Decoder: d_model 24, d_ff 48,
  // 4 heads of 6, 3 layers, 2 key/value heads. 3 passages of 5 tokens, 4 target tokens,
  // vocabulary 50. Every count below is 2·m·k·n per matmul, worked out by hand.
  const tiny = '?enc=custom&encd=16&encff=40&ench=2&encdkv=8&encl=2&dec=custom&decd=24&decff=48&dech=4&decdkv=6&decl=3' +
    '&kv=2&passages=3&ptokens=5&ttokens=4&vocab=50&batch=1';

  it('counts every matmul of a tiny model as 2·m·k·n', () => {
    const result = evaluate(configOf(tiny));
    const expected: [OperationName, number][] = [
      // 2 layers x 4 matrices x (15 x 16)(16 x 16).
      ['encoder.attention.projections', 2 * 4 * (2 * 15 * 16 * 16)],
      // 2 layers x 3 passages x 2 heads x [(5 x 8)(8 x 5) + (5 x 5)(5 x 8)].
      ['encoder.attention.scores', 2 * 3 * 2 * (2 * 5 * 8 * 5 + 2 * 5 * 5 * 8)],
      // 2 layers x [2 x (15 x 16)(16 x 40) + (15 x 40)(40 x 16)].
      ['encoder.mlp', 2 * (2 * (2 * 15 * 16 * 40) + 2 * 15 * 40 * 16)],
      // 3 layers x K and V: (15 x 16)(16 x 2·6).
      ['decoder.crossAttention.kvProjection', 3 * 2 * (2 * 15 * 16 * 12)],
      // 4 tokens x 3 layers x [Q, O: (1 x 24)(24 x 24); K, V: (1 x 24)(24 x 12)].
      ['decoder.selfAttention.projections', 4 * 3 * (2 * (2 * 24 * 24) + 2 * (2 * 24 * 12))],
      // 3 layers x 4 heads x sum over steps t = 0..3 of [(1 x 6)(6 x t+1) + (1 x t+1)(t+1 x 6)].
      ['decoder.selfAttention.attention', 3 * 4 * (2 * 2 * 6 * (1 + 2 + 3 + 4))],
      // 4 tokens x 3 layers x Q, O: (1 x 24)(24 x 24).
      ['decoder.crossAttention.projections', 4 * 3 * 2 * (2 * 24 * 24)],
      // 4 tokens x 3 layers x 4 heads x [(1 x 6)(6 x 15) + (1 x 15)(15 x 6)].
      ['decoder.crossAttention.attention', 4 * 3 * 4 * (2 * 6 * 15 + 2 * 15 * 6)],
      // 4 tokens x 3 layers x [2 x (1 x 24)(24 x 48) + (1 x 48)(48 x 24)].
      ['decoder.mlp', 4 * 3 * (2 * (2 * 24 * 48) + 2 * 48 * 24)],
      // 4 tokens x (1 x 24)(24 x 50).
      ['decoder.outputProjection', 4 * (2 * 24 * 50)],
    ];

    for (const [name, flops] of expected) expect(op(result, name).flops, name).toBe(flops);
  });

  it('counts the tiny model parameters by hand', () => {
    const { params } = evaluate(configOf(tiny));
    // Embedding 50x16; per layer Q,K,V,O 4·16·16, MLP 3·16·40, 2 norms of 16; final norm;
    // relative position bias 32 buckets x 2 heads.
    const encoder = 50 * 16 + 2 * (4 * 16 * 16 + 3 * 16 * 40 + 2 * 16) + 16 + 32 * 2;
    // Own embedding 50x24 (widths differ); per layer Q,O 2·24·24, K,V 2·24·12, MLP 3·24·48,
    // 2 norms; cross-attention Q,O 2·24·24, K,V from the encoder 2·16·12, 1 norm; final
    // norm; relative position bias 32 x 4; output layer 24x50.
    const decoder =
      50 * 24 + 3 * (2 * 24 * 24 + 2 * 24 * 12 + 3 * 24 * 48 + 2 * 24) + 3 * (2 * 24 * 24 + 2 * 16 * 12 + 24) + 24 + 32 * 4 + 24 * 50;

    expect(params.encoder).toBe(encoder);
    expect(params.decoder).toBe(decoder);
  });

  it('reads the cross-attention cache once per step and layer', () => {
    const result = evaluate(configOf(tiny));

    // 4 tokens x 3 layers x K and V of 15 vectors x 2 heads x 6 wide, 2 bytes each (bf16).
    expect(op(result, 'decoder.crossAttention.attention').cacheReadBytes).toBe(4 * 3 * 2 * 15 * 12 * 2);
    // Written once per layer by the projection.
    expect(op(result, 'decoder.crossAttention.kvProjection').cacheWriteBytes).toBe(3 * 2 * 15 * 12 * 2);
  });

  it('puts training at three times the forward FLOPs', () => {
    for (const query of ['', '?k=6&kv=1', tiny, '?enc=large&dec=xxl&k=6&kv=1&firstk=32']) {
      const { flops } = evaluate(configOf(query));
      expect(flops.trainingPerSample, query).toBe(3 * flops.total);
    }
  });
});

describe('layer-sparse cross-attention', () => {
  // Base widths with a 6-layer decoder; batch 1 fits either way, so weight reads per
  // sample do not move with the memory the cache frees.
  const base = '?dec=custom&decl=6&batch=1&ttokens=16';
  const crossOperations: OperationName[] = [
    'decoder.crossAttention.kvProjection',
    'decoder.crossAttention.projections',
    'decoder.crossAttention.attention',
  ];

  it('keeps cross-attention in every K-th layer', () => {
    expect(evaluate(configOf(`${base}&k=3`)).crossAttentionLayers).toEqual([2, 5]);
    expect(evaluate(configOf('?enc=large&dec=xxl&k=6')).crossAttentionLayers).toEqual([5, 11, 17, 23]);
  });

  it('scales cross-attention by kept layers over all layers', () => {
    const all = evaluate(configOf(base));
    const sparse = evaluate(configOf(`${base}&k=3`));

    for (const name of crossOperations) {
      const full = op(all, name);
      const kept = op(sparse, name);
      for (const field of ['flops', 'weightBytes', 'activationBytes', 'cacheReadBytes', 'cacheWriteBytes', 'seconds'] as const) {
        expectRelativelyClose(kept[field], (full[field] * 2) / 6);
      }
    }
  });

  it('leaves every other operation unchanged', () => {
    const all = evaluate(configOf(base));
    const sparse = evaluate(configOf(`${base}&k=3`));
    const d = 768;
    const removedNorms = (6 - 2) * 16;

    for (const full of all.operations) {
      const kept = op(sparse, full.name);
      if (crossOperations.includes(full.name)) continue;
      if (full.name === 'decoder.norms') {
        // The norm in front of each removed cross-attention sublayer goes with it.
        expect(full.flops - kept.flops).toBe(removedNorms * 4 * d);
        expect(full.activationBytes - kept.activationBytes).toBe(removedNorms * 2 * d * 2);
        continue;
      }
      expect(kept, full.name).toEqual(full);
    }
  });

  it('drops exactly the removed sublayers from the parameters', () => {
    const all = evaluate(configOf(base));
    const sparse = evaluate(configOf(`${base}&k=3`));
    // Q and O (768 x 768), K and V (768 x 768 from the encoder), one norm of 768.
    const crossSublayer = 2 * 768 * 768 + 2 * 768 * 768 + 768;

    expect(all.params.encoder).toBe(sparse.params.encoder);
    expect(all.params.decoder - sparse.params.decoder).toBe(4 * crossSublayer);
  });
});

describe('key/value heads', () => {
  it('scales the cross-attention cache by g', () => {
    const one = evaluate(configOf('?kv=1&batch=1'));

    for (const g of [2, 3, 4, 6]) {
      const grouped = evaluate(configOf(`?kv=${g}&batch=1`));
      expect(crossCacheBytes(grouped.shape)).toBe(g * crossCacheBytes(one.shape));
      expect(op(grouped, 'decoder.crossAttention.attention').cacheReadBytes).toBe(
        g * op(one, 'decoder.crossAttention.attention').cacheReadBytes,
      );
      expect(op(grouped, 'decoder.crossAttention.kvProjection').cacheWriteBytes).toBe(
        g * op(one, 'decoder.crossAttention.kvProjection').cacheWriteBytes,
      );
    }
  });

  it('scales the cross-attention cache by g/h against multi-head', () => {
    const multiHead = evaluate(configOf('?batch=1'));
    const heads = multiHead.shape.decoder.heads;

    for (const g of [1, 2, 3, 4, 6]) {
      const grouped = evaluate(configOf(`?kv=${g}&batch=1`));
      expect(crossCacheBytes(grouped.shape)).toBe((crossCacheBytes(multiHead.shape) * g) / heads);
      expect(op(grouped, 'decoder.crossAttention.attention').cacheReadBytes).toBe(
        (op(multiHead, 'decoder.crossAttention.attention').cacheReadBytes * g) / heads,
      );
    }
  });
});

describe('roofline', () => {
  const device = { flopsPerSecond: 100e12, bytesPerSecond: 1e12 };

  it('guards zero FLOPs and zero bytes', () => {
    expect(roofline(0, 0, device)).toEqual({ computeSeconds: 0, memorySeconds: 0, seconds: 0, bound: 'memory' });
    expect(roofline(5e12, 0, device)).toEqual({ computeSeconds: 0.05, memorySeconds: 0, seconds: 0.05, bound: 'compute' });
    expect(roofline(0, 3e9, device)).toEqual({ computeSeconds: 0, memorySeconds: 0.003, seconds: 0.003, bound: 'memory' });
  });

  it('caps attainable FLOP/s at the ridge point', () => {
    expect(ridgeFlopsPerByte(device)).toBe(100);
    expect(attainableFlopsPerSecond(0, device)).toBe(0);
    expect(attainableFlopsPerSecond(50, device)).toBe(50e12);
    expect(attainableFlopsPerSecond(100, device)).toBe(100e12);
    expect(attainableFlopsPerSecond(1000, device)).toBe(100e12);
  });

  it('gives an operation without FLOPs zero intensity', () => {
    const embedding = op(evaluate(configOf('')), 'encoder.embedding');

    expect(embedding.flops).toBe(0);
    expect(embedding.bytes).toBeGreaterThan(0);
    expect(embedding.flopsPerByte).toBe(0);
    expect(embedding.bound).toBe('memory');
  });

  it('reads weights once per batch and caches per sample', () => {
    const single = evaluate(configOf('?batch=1'));
    const batched = evaluate(configOf('?batch=8'));

    for (const name of ['decoder.mlp', 'decoder.crossAttention.attention', 'encoder.mlp'] as const) {
      const one = op(single, name);
      const eight = op(batched, name);
      expectRelativelyClose(eight.weightBytes, one.weightBytes / 8);
      expect(eight.activationBytes).toBe(one.activationBytes);
      expect(eight.cacheReadBytes).toBe(one.cacheReadBytes);
      expectRelativelyClose(eight.memorySeconds, eight.bytes / batched.device.bytesPerSecond);
    }
  });

  // Custom hardware with TPU v4 numbers, so only the rate under test changes.
  const hardware = '?hw=custom&peak=275&bw=1200&mem=34.359738368';

  function sameSide(a: CostResult, b: CostResult, side: 'computeSeconds' | 'memorySeconds') {
    return a.operations.filter((first) => {
      const second = op(b, first.name);
      return first.seconds === first[side] && second.seconds === second[side] && first.seconds > 0;
    });
  }

  it('halves memory-bound seconds at twice the bandwidth', () => {
    const slow = evaluate(configOf(hardware));
    const fast = evaluate(configOf('?hw=custom&peak=275&bw=2400&mem=34.359738368'));
    const memoryBound = sameSide(slow, fast, 'memorySeconds');

    expect(memoryBound.map((o) => o.name)).toEqual(expect.arrayContaining(['decoder.crossAttention.attention', 'decoder.mlp']));
    for (const before of memoryBound) expectRelativelyClose(op(fast, before.name).seconds, before.seconds / 2);
    for (const before of slow.operations) expectRelativelyClose(op(fast, before.name).memorySeconds, before.memorySeconds / 2);
  });

  it('halves compute-bound seconds at twice the peak', () => {
    const slow = evaluate(configOf(hardware));
    const fast = evaluate(configOf('?hw=custom&peak=550&bw=1200&mem=34.359738368'));
    const computeBound = sameSide(slow, fast, 'computeSeconds');

    expect(computeBound.map((o) => o.name)).toEqual(expect.arrayContaining(['encoder.mlp', 'encoder.attention.projections']));
    for (const before of computeBound) expectRelativelyClose(op(fast, before.name).seconds, before.seconds / 2);
    for (const before of slow.operations) expectRelativelyClose(op(fast, before.name).computeSeconds, before.computeSeconds / 2);
  });
});

describe('batch and memory', () => {
  it('lowers the batch to the largest that fits', () => {
    const { batch, memory } = evaluate(configOf('?enc=large&dec=large&batch=4096'));

    expect(batch.limitedByMemory).toBe(true);
    expect(batch.effective).toBe(batch.max);
    expect(batch.effective).toBeLessThan(4096);
    expect(memory.weightBytes + batch.effective * memory.bytesPerSample).toBeLessThanOrEqual(memory.capacityBytes);
    expect(memory.weightBytes + (batch.effective + 1) * memory.bytesPerSample).toBeGreaterThan(memory.capacityBytes);
  });

  it('keeps a batch that fits', () => {
    const { batch } = evaluate(configOf('?batch=8'));

    expect(batch.effective).toBe(8);
    expect(batch.limitedByMemory).toBe(false);
  });

  it('gives null seconds when the weights do not fit', () => {
    const result = evaluate(configOf('?enc=xxl&dec=xxl&hw=custom&mem=8'));

    expect(result.batch.fits).toBe(false);
    expect(result.batch.max).toBe(0);
    expect(result.seconds).toBeNull();
  });

  it('gives null seconds when one sample does not fit', () => {
    const result = evaluate(configOf('?passages=1000&ptokens=8192'));

    expect(result.memory.weightBytes).toBeLessThan(result.memory.capacityBytes);
    expect(result.batch.fits).toBe(false);
    expect(result.seconds).toBeNull();
  });
});
