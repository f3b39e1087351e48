/**
 * Numbers of the multi-query attention section: the reader's key/value heads g against
 * multi-head attention (g = h) at the same sizes and workload.
 */
import type { Config } from '../config/config';
import { normalizeConfig } from '../config/url';
import { evaluate, type CostResult } from '../cost';
import { crossCacheBytes, selfCacheBytes } from '../cost/memory';

export interface MultiQueryNumbers {
  heads: number;
  kvHeads: number;
  /** Query heads sharing one key/value head. */
  groupSize: number;
  /** Key/value cache per sample (cross-attention plus self-attention), in bytes. */
  cacheBytes: number;
  multiHeadCacheBytes: number;
  maxBatch: number;
  multiHeadMaxBatch: number;
  effectiveBatch: number;
  multiHeadEffectiveBatch: number;
  decoderSeconds: number | null;
  multiHeadDecoderSeconds: number | null;
}

/** Divisors of `heads` in increasing order: the key/value head counts that split the heads evenly. */
export function kvHeadChoices(heads: number): number[] {
  const choices: number[] = [];
  for (let g = 1; g <= heads; g++) if (heads % g === 0) choices.push(g);
  return choices;
}

export function multiHead(config: Config): Config {
  return normalizeConfig({ ...config, kvHeads: 0 }).config;
}

function cacheBytes(result: CostResult): number {
  return crossCacheBytes(result.shape) + selfCacheBytes(result.shape);
}

export function multiQueryNumbers(result: CostResult, mha: CostResult = evaluate(multiHead(result.config))): MultiQueryNumbers {
  const heads = result.shape.decoder.heads;
  return {
    heads,
    kvHeads: result.shape.kvHeads,
    groupSize: heads / result.shape.kvHeads,
    cacheBytes: cacheBytes(result),
    multiHeadCacheBytes: cacheBytes(mha),
    maxBatch: result.batch.max,
    multiHeadMaxBatch: mha.batch.max,
    effectiveBatch: result.batch.effective,
    multiHeadEffectiveBatch: mha.batch.effective,
    decoderSeconds: result.seconds?.decoder ?? null,
    multiHeadDecoderSeconds: mha.seconds?.decoder ?? null,
  };
}
