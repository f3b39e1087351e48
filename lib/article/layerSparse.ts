/**
 * Numbers of the layer-sparse cross-attention section: the reader's configuration
 * against the same configuration with cross-attention in every decoder layer (K = 1).
 */
import type { Config } from '../config/config';
import { normalizeConfig } from '../config/url';
import { evaluate, type CostResult } from '../cost';
import { crossCacheBytes } from '../cost/memory';
import { crossAttentionSeconds } from './bandwidth';

export interface LayerSparseNumbers {
  period: number;
  layers: number;
  /** 0-based indices of the decoder layers that keep cross-attention. */
  keptLayers: number[];
  /** Cross-attention key/value cache per sample, in bytes. */
  cacheBytes: number;
  denseCacheBytes: number;
  /** Cross-attention cache bytes read per sample over all generated tokens. */
  readBytes: number;
  denseReadBytes: number;
  /** Seconds per sample in cross-attention (attention, Q/O and K/V projections). */
  crossSeconds: number | null;
  denseCrossSeconds: number | null;
  totalSeconds: number | null;
  denseTotalSeconds: number | null;
  /** Time per sample with K = 1 over the time with the reader's K; null when either does not fit. */
  speedup: number | null;
}

/** Returns the configuration with cross-attention in every decoder layer. */
export function denseCrossAttention(config: Config): Config {
  return normalizeConfig({ ...config, crossAttentionPeriod: 1 }).config;
}

function readBytes(result: CostResult): number {
  return result.operations.find((op) => op.name === 'decoder.crossAttention.attention')?.cacheReadBytes ?? 0;
}

export function layerSparseNumbers(result: CostResult, dense: CostResult = evaluate(denseCrossAttention(result.config))): LayerSparseNumbers {
  const fits = result.seconds !== null;
  const denseFits = dense.seconds !== null;
  const totalSeconds = result.seconds?.total ?? null;
  const denseTotalSeconds = dense.seconds?.total ?? null;
  return {
    period: result.config.crossAttentionPeriod,
    layers: result.shape.decoder.layers,
    keptLayers: result.crossAttentionLayers,
    cacheBytes: crossCacheBytes(result.shape),
    denseCacheBytes: crossCacheBytes(dense.shape),
    readBytes: readBytes(result),
    denseReadBytes: readBytes(dense),
    crossSeconds: fits ? crossAttentionSeconds(result) : null,
    denseCrossSeconds: denseFits ? crossAttentionSeconds(dense) : null,
    totalSeconds,
    denseTotalSeconds,
    speedup: totalSeconds && denseTotalSeconds ? denseTotalSeconds / totalSeconds : null,
  };
}
