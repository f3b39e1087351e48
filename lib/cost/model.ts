/**
 * Evaluates the cost of one configuration: parameters, FLOPs, memory, the largest batch
 * that fits and roofline seconds per operation, all per sample.
 */
import {
  crossAttentionLayers,
  decoderDims,
  decoderTokensPerPassage,
  effectiveKvHeads,
  encoderDims,
  hardwareOf,
  type Config,
} from '../config/config';
import { PRECISIONS } from '../config/hardware';
import { WORKLOAD_LIMITS } from '../config/schema';
import { estimateMemory, type MemoryEstimate } from './memory';
import {
  OPERATION_LABELS,
  decoderOperations,
  encoderOperations,
  phaseOf,
  type OperationName,
  type OperationWork,
  type Phase,
  type WorkShape,
} from './operations';
import { countParams, type ParamCounts } from './params';
import { ridgeFlopsPerByte, roofline, type Bound, type Device } from './roofline';

export interface OperationCost {
  name: OperationName;
  label: string;
  phase: Phase;
  /** Runs per sample (layers times steps). */
  runs: number;
  /** All quantities below are per sample; weight bytes are the batch's reads divided by the batch. */
  flops: number;
  weightBytes: number;
  activationBytes: number;
  cacheReadBytes: number;
  cacheWriteBytes: number;
  bytes: number;
  flopsPerByte: number;
  computeSeconds: number;
  memorySeconds: number;
  seconds: number;
  bound: Bound;
}

export interface CostResult {
  config: Config;
  shape: WorkShape;
  crossAttentionLayers: number[];
  params: ParamCounts;
  flops: { encoder: number; decoder: number; total: number; trainingPerSample: number };
  memory: MemoryEstimate;
  batch: { requested: number; effective: number; max: number; fits: boolean; limitedByMemory: boolean };
  device: Device & { label: string; memoryBytes: number; ridgeFlopsPerByte: number };
  operations: OperationCost[];
  /** Per sample at the effective batch; null when not even batch 1 fits. */
  seconds: { encoder: number; decoder: number; total: number } | null;
}

export function workShape(config: Config): WorkShape {
  const encoder = encoderDims(config);
  const decoder = decoderDims(config);
  const precision = PRECISIONS[config.precision];
  return {
    encoder,
    decoder,
    vocabSize: config.vocabSize,
    kvHeads: effectiveKvHeads(config),
    crossAttentionLayerCount: Math.floor(decoder.layers / config.crossAttentionPeriod),
    passages: config.passages,
    passageTokens: config.passageTokens,
    decoderTokensPerPassage: decoderTokensPerPassage(config),
    targetTokens: config.targetTokens,
    weightBytesPerElement: precision.weightBytesPerElement,
    cacheBytesPerElement: precision.cacheBytesPerElement,
    activationBytesPerElement: precision.activationBytesPerElement,
  };
}

function costOperation(op: OperationWork, batch: number, device: Device): OperationCost {
  let runs = 0;
  let flops = 0;
  let weightBytes = 0;
  let activationBytes = 0;
  let cacheReadBytes = 0;
  let cacheWriteBytes = 0;
  let computeSeconds = 0;
  let memorySeconds = 0;
  let seconds = 0;

  for (const { runs: n, work } of op.groups) {
    const sampleBytes = work.activationBytes + work.cacheReadBytes + work.cacheWriteBytes;
    // One run for the whole batch: weights once, everything else per sample.
    const time = roofline(batch * work.flops, work.weightBytes + batch * sampleBytes, device);
    runs += n;
    flops += n * work.flops;
    weightBytes += (n * work.weightBytes) / batch;
    activationBytes += n * work.activationBytes;
    cacheReadBytes += n * work.cacheReadBytes;
    cacheWriteBytes += n * work.cacheWriteBytes;
    computeSeconds += (n * time.computeSeconds) / batch;
    memorySeconds += (n * time.memorySeconds) / batch;
    seconds += (n * time.seconds) / batch;
  }

  const bytes = weightBytes + activationBytes + cacheReadBytes + cacheWriteBytes;
  return {
    name: op.name,
    label: OPERATION_LABELS[op.name],
    phase: phaseOf(op.name),
    runs,
    flops,
    weightBytes,
    activationBytes,
    cacheReadBytes,
    cacheWriteBytes,
    bytes,
    flopsPerByte: bytes > 0 ? flops / bytes : 0,
    computeSeconds,
    memorySeconds,
    seconds,
    bound: computeSeconds >= memorySeconds && flops > 0 ? 'compute' : 'memory',
  };
}

export function evaluate(config: Config): CostResult {
  const shape = workShape(config);
  const hardware = hardwareOf(config);
  const device = {
    label: hardware.label,
    flopsPerSecond: hardware.peakFlopsPerSecond[config.precision] * config.computeEfficiency,
    bytesPerSecond: hardware.memoryBytesPerSecond * config.bandwidthEfficiency,
    memoryBytes: hardware.memoryBytes,
    ridgeFlopsPerByte: 0,
  };
  device.ridgeFlopsPerByte = ridgeFlopsPerByte(device);

  const params = countParams(shape);
  const memory = estimateMemory(
    shape,
    params.total * shape.weightBytesPerElement,
    hardware.memoryBytes,
    WORKLOAD_LIMITS.batchSize.max,
  );
  const fits = memory.maxBatch >= 1;
  const effective = fits ? Math.min(config.batchSize, memory.maxBatch) : 1;

  const works = [...encoderOperations(shape), ...decoderOperations(shape)];
  const operations = works.map((op) => costOperation(op, effective, device));

  let encoderFlops = 0;
  let decoderFlops = 0;
  let encoderSeconds = 0;
  let decoderSeconds = 0;
  for (const op of operations) {
    if (op.phase === 'encoder') {
      encoderFlops += op.flops;
      encoderSeconds += op.seconds;
    } else {
      decoderFlops += op.flops;
      decoderSeconds += op.seconds;
    }
  }

  return {
    config,
    shape,
    crossAttentionLayers: crossAttentionLayers(shape.decoder.layers, config.crossAttentionPeriod),
    params,
    flops: {
      encoder: encoderFlops,
      decoder: decoderFlops,
      total: encoderFlops + decoderFlops,
      // Forward with teacher forcing costs what inference does; backward costs twice that.
      trainingPerSample: 3 * (encoderFlops + decoderFlops),
    },
    memory,
    batch: {
      requested: config.batchSize,
      effective,
      max: memory.maxBatch,
      fits,
      limitedByMemory: fits && memory.maxBatch < config.batchSize,
    },
    device,
    operations,
    seconds: fits
      ? { encoder: encoderSeconds, decoder: decoderSeconds, total: encoderSeconds + decoderSeconds }
      : null,
  };
}
