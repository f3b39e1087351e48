/**
 * Numbers of the "Where the time goes" section: operational intensity of the decoder's
 * operations against the ridge of the accelerator, from one evaluate() result.
 */
import type { CostResult, OperationCost, OperationName } from '../cost';

export interface OperationIntensity {
  flopsPerByte: number;
  bound: OperationCost['bound'];
  seconds: number;
}

export interface RooflineNumbers {
  deviceLabel: string;
  ridgeFlopsPerByte: number;
  requestedBatch: number;
  effectiveBatch: number;
  maxBatch: number;
  limitedByMemory: boolean;
  fits: boolean;
  crossAttention: OperationIntensity;
  decoderMlp: OperationIntensity;
  encoderMlp: OperationIntensity;
  /** Query heads over key/value heads: the cross-attention intensity per byte of cache element. */
  headsPerKvHead: number;
  /** Share of the decoder's time spent in cross-attention (attention, Q/O and K/V projections). */
  crossAttentionShareOfDecoder: number | null;
  decoderShare: number | null;
  totalSeconds: number | null;
}

function operation(result: CostResult, name: OperationName): OperationCost {
  const op = result.operations.find((o) => o.name === name);
  if (!op) throw new Error(`operation ${name} is missing from the cost result`);
  return op;
}

function intensity(op: OperationCost): OperationIntensity {
  return { flopsPerByte: op.flopsPerByte, bound: op.bound, seconds: op.seconds };
}

/** Seconds per sample of every cross-attention operation: attention, Q/O and K/V projections. */
export function crossAttentionSeconds(result: CostResult): number {
  return (
    operation(result, 'decoder.crossAttention.attention').seconds +
    operation(result, 'decoder.crossAttention.projections').seconds +
    operation(result, 'decoder.crossAttention.kvProjection').seconds
  );
}

export function rooflineNumbers(result: CostResult): RooflineNumbers {
  const seconds = result.seconds;
  const decoderSeconds = seconds?.decoder ?? 0;
  return {
    deviceLabel: result.device.label,
    ridgeFlopsPerByte: result.device.ridgeFlopsPerByte,
    requestedBatch: result.batch.requested,
    effectiveBatch: result.batch.effective,
    maxBatch: result.batch.max,
    limitedByMemory: result.batch.limitedByMemory,
    fits: result.batch.fits,
    crossAttention: intensity(operation(result, 'decoder.crossAttention.attention')),
    decoderMlp: intensity(operation(result, 'decoder.mlp')),
    encoderMlp: intensity(operation(result, 'encoder.mlp')),
    headsPerKvHead: result.shape.decoder.heads / result.shape.kvHeads,
    crossAttentionShareOfDecoder: decoderSeconds > 0 ? crossAttentionSeconds(result) / decoderSeconds : null,
    decoderShare: seconds && seconds.total > 0 ? seconds.decoder / seconds.total : null,
    totalSeconds: seconds?.total ?? null,
  };
}
