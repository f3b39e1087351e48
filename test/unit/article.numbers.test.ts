// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { asymmetricLineup, asymmetricNumbers } from '@/lib/article/asymmetric';
import { rooflineNumbers } from '@/lib/article/bandwidth';
import { flopsNumbers, formatFraction } from '@/lib/article/flops';
import { layerSparseNumbers } from '@/lib/article/layerSparse';
import { kvHeadChoices, multiQueryNumbers } from '@/lib/article/multiQuery';
import { readingNumbers } from '@/lib/article/reading';
import { SHARE_GRID, shareCurves } from '@/lib/article/shareCurves';
import { DEFAULT_CONFIG, type Config } from '@/lib/config/config';
import { presetById, withModel } from '@/lib/config/presets';
import { evaluate, type CostResult, type OperationName } from '@/lib/cost';

const FID_BASE: Config = { ...DEFAULT_CONFIG };
const FIDO_BASE: Config = { ...DEFAULT_CONFIG, crossAttentionPeriod: 6, kvHeads: 1 };

function opFlops(result: CostResult, names: OperationName[]): number {
  return result.operations.filter((op) => names.includes(op.name)).reduce((sum, op) => sum + op.flops, 0);
}

describe('readingNumbers', () => {
  it('counts encoder and decoder vectors', () => {
    const n = readingNumbers(evaluate({ ...FID_BASE, passages: 40, passageTokens: 256 }));
    expect(n.encoderVectors).toBe(10_240);
    expect(n.decoderVectors).toBe(10_240);
  });

  it('counts first-k vectors for FiD-Light', () => {
    const n = readingNumbers(evaluate({ ...FID_BASE, firstK: 32 }));
    expect(n.decoderVectorsPerPassage).toBe(32);
    expect(n.decoderVectors).toBe(40 * 32);
  });
});

describe('flopsNumbers', () => {
  for (const [name, config] of [
    ['FiD-Base', FID_BASE],
    ['FiDO-Large-XXL', withModel(FID_BASE, presetById('fido-large-xxl').model)],
    ['FiD-Light-Base', { ...FID_BASE, firstK: 32 }],
  ] as const) {
    it(`encoder layer formula matches evaluate for ${name}`, () => {
      const result = evaluate(config);
      const n = flopsNumbers(result);
      const layerOps = opFlops(result, ['encoder.attention.projections', 'encoder.attention.scores', 'encoder.mlp']);
      expect(n.symbols.layersEnc * n.encoderLayerFlops).toBeCloseTo(layerOps, -3);
    });

    it(`key/value projection formula matches evaluate for ${name}`, () => {
      const result = evaluate(config);
      const n = flopsNumbers(result);
      expect(n.symbols.layersCross * n.kvProjectionLayerFlops).toBeCloseTo(n.kvProjectionFlops, -3);
    });

    it(`decoder formulas add up to evaluate for ${name}`, () => {
      const result = evaluate(config);
      const n = flopsNumbers(result);
      const { nT, layersDec, layersCross } = n.symbols;
      const fromFormulas =
        layersDec * nT * n.decoderLayerTokenFlops +
        layersCross * nT * n.crossAttentionTokenFlops +
        layersDec * n.selfAttentionFlopsPerLayer +
        nT * n.outputTokenFlops +
        n.kvProjectionFlops;
      const norms = opFlops(result, ['decoder.norms']);
      expect(fromFormulas + norms).toBeCloseTo(result.flops.decoder, -3);
    });
  }

  it('puts vanilla FiD-Base near one sixth', () => {
    const n = flopsNumbers(evaluate(FID_BASE));
    expect(n.decoderToEncoder).toBeGreaterThan(1 / 7);
    expect(n.decoderToEncoder).toBeLessThan(1 / 5);
    expect(formatFraction(n.decoderToEncoder)).toBe('1/6');
  });

  it('shares time between encoder and decoder', () => {
    const n = flopsNumbers(evaluate(FID_BASE));
    expect((n.encoderTimeShare ?? 0) + (n.decoderTimeShare ?? 0)).toBeCloseTo(1, 12);
  });

  it('has no time shares when nothing fits', () => {
    const n = flopsNumbers(evaluate({ ...FID_BASE, encoderSize: 'xxl', decoderSize: 'xxl', hardware: 'custom', customHardware: { ...FID_BASE.customHardware, memoryBytes: 1e9 } }));
    expect(n.decoderTimeShare).toBeNull();
  });
});

describe('rooflineNumbers', () => {
  it('keeps cross-attention intensity fixed as the batch grows', () => {
    const small = rooflineNumbers(evaluate({ ...FID_BASE, batchSize: 1 }));
    const large = rooflineNumbers(evaluate({ ...FID_BASE, batchSize: 64 }));
    expect(large.crossAttention.flopsPerByte).toBeCloseTo(small.crossAttention.flopsPerByte, 6);
    expect(large.crossAttention.bound).toBe('memory');
  });

  it('raises decoder MLP intensity with the batch', () => {
    const small = rooflineNumbers(evaluate({ ...FID_BASE, batchSize: 1 }));
    const large = rooflineNumbers(evaluate({ ...FID_BASE, batchSize: 64 }));
    expect(large.decoderMlp.flopsPerByte).toBeGreaterThan(10 * small.decoderMlp.flopsPerByte);
  });

  it('puts the TPU v4 ridge at peak over bandwidth', () => {
    expect(rooflineNumbers(evaluate(FID_BASE)).ridgeFlopsPerByte).toBeCloseTo(275e12 / 1200e9, 9);
  });

  it('reports the batch memory allows', () => {
    const n = rooflineNumbers(evaluate({ ...FID_BASE, batchSize: 4096 }));
    expect(n.limitedByMemory).toBe(true);
    expect(n.effectiveBatch).toBe(n.maxBatch);
  });

  it('multiplies cross-attention intensity by h/g with multi-query attention', () => {
    const mha = rooflineNumbers(evaluate(FID_BASE));
    const mqa = rooflineNumbers(evaluate({ ...FID_BASE, kvHeads: 1 }));
    expect(mqa.headsPerKvHead).toBe(12);
    expect(mqa.crossAttention.flopsPerByte / mha.crossAttention.flopsPerByte).toBeGreaterThan(8);
  });
});

describe('layerSparseNumbers', () => {
  it('keeps layers 5 and 11 of Base at K = 6', () => {
    const n = layerSparseNumbers(evaluate({ ...FID_BASE, crossAttentionPeriod: 6 }));
    expect(n.keptLayers).toEqual([5, 11]);
  });

  it('divides the cross-attention cache by K', () => {
    const n = layerSparseNumbers(evaluate({ ...FID_BASE, crossAttentionPeriod: 6 }));
    expect(n.cacheBytes * 6).toBeCloseTo(n.denseCacheBytes, 0);
    expect(n.readBytes * 6).toBeCloseTo(n.denseReadBytes, 0);
  });

  it('speeds up sparse cross-attention', () => {
    const n = layerSparseNumbers(evaluate({ ...FID_BASE, crossAttentionPeriod: 6 }));
    expect(n.speedup).toBeGreaterThan(1);
    expect(n.totalSeconds).toBeCloseTo(evaluate({ ...FID_BASE, crossAttentionPeriod: 6 }).seconds!.total, 12);
  });

  it('reports no speedup at K = 1', () => {
    expect(layerSparseNumbers(evaluate(FID_BASE)).speedup).toBeCloseTo(1, 12);
  });
});

describe('multiQueryNumbers', () => {
  it('lists the divisors of the heads', () => {
    expect(kvHeadChoices(12)).toEqual([1, 2, 3, 4, 6, 12]);
    expect(kvHeadChoices(64)).toEqual([1, 2, 4, 8, 16, 32, 64]);
  });

  it('divides the cache by h with one key/value head', () => {
    const n = multiQueryNumbers(evaluate({ ...FID_BASE, kvHeads: 1 }));
    expect(n.groupSize).toBe(12);
    expect(n.cacheBytes * 12).toBeCloseTo(n.multiHeadCacheBytes, 0);
  });

  it('fits a larger batch with one key/value head', () => {
    const n = multiQueryNumbers(evaluate({ ...FID_BASE, kvHeads: 1 }));
    expect(n.maxBatch).toBeGreaterThan(n.multiHeadMaxBatch);
  });
});

describe('asymmetricNumbers', () => {
  it('compares the lineup with evaluate', () => {
    const lineup = asymmetricLineup(FID_BASE);
    const n = asymmetricNumbers(lineup);
    const fidBase = evaluate(FID_BASE).seconds!.total;
    const fidoBase = evaluate(FIDO_BASE).seconds!.total;
    const fidoBaseXl = evaluate({ ...FIDO_BASE, decoderSize: 'xl' }).seconds!.total;
    expect(lineup.map((e) => e.label)).toEqual(['FiD-Base', 'FiD-Large', 'FiDO-Base', 'FiDO-Base-XL', 'FiDO-Large-XXL']);
    expect(n.seconds['fid-base']).toBeCloseTo(fidBase, 12);
    expect(n.fidoBaseSpeedup).toBeCloseTo(fidBase / fidoBase, 9);
    expect(n.xlDecoderExtraTime).toBeCloseTo(fidoBaseXl / fidoBase - 1, 9);
  });

  it('keeps the reader workload', () => {
    const lineup = asymmetricLineup({ ...FID_BASE, targetTokens: 128, batchSize: 8 });
    for (const entry of lineup) {
      expect(entry.result.config.targetTokens).toBe(128);
      expect(entry.result.config.batchSize).toBe(8);
    }
  });
});

describe('shareCurves', () => {
  it('raises the FiD decoder share with output length', () => {
    const data = shareCurves(FID_BASE, 'targetTokens');
    const fid = data.curves.find((c) => c.id === 'fid')!;
    expect(fid.points.map((p) => p.x)).toEqual(SHARE_GRID.targetTokens);
    for (let i = 1; i < fid.points.length; i++) expect(fid.points[i].share).toBeGreaterThan(fid.points[i - 1].share);
  });

  it('keeps FiDO below FiD at every point', () => {
    for (const variable of ['targetTokens', 'batchSize'] as const) {
      const data = shareCurves(FID_BASE, variable);
      const [fid, fido] = data.curves;
      fido.points.forEach((p, i) => expect(p.share).toBeLessThan(fid.points[i].share));
    }
  });

  it('marks the reader at the share evaluate gives', () => {
    const config = { ...FID_BASE, targetTokens: 48 };
    const seconds = evaluate(config).seconds!;
    const data = shareCurves(config, 'targetTokens');
    expect(data.reader?.x).toBe(48);
    expect(data.reader?.share).toBeCloseTo(seconds.decoder / seconds.total, 12);
  });

  it('labels the curves with the reader sizes', () => {
    const data = shareCurves({ ...FID_BASE, encoderSize: 'large', decoderSize: 'xl' }, 'batchSize');
    expect(data.curves.map((c) => c.label)).toEqual(['FiD-Large-XL', 'FiDO-Large-XL']);
  });
});
