/**
 * Accelerator memory: weights once, plus per sample the largest of three phases.
 * - encode: the working set of one encoder layer over all passages and the encoder output;
 * - project: the encoder output and the cross-attention cache being written;
 * - decode: the cross-attention cache, the full self-attention cache and one step's
 *   activations.
 * The encoder is assumed to run all passages of all samples of a batch at once.
 */
import type { WorkShape } from './operations';

export type MemoryPhase = 'encode' | 'project' | 'decode';

/** Memory one sample needs in one phase, in bytes. */
export interface PhaseMemory {
  phase: MemoryPhase;
  crossCacheBytesPerSample: number;
  selfCacheBytesPerSample: number;
  activationBytesPerSample: number;
  bytesPerSample: number;
}

export interface MemoryEstimate {
  weightBytes: number;
  /** Each phase's own per-sample memory, in the order encode, project, decode. */
  phases: PhaseMemory[];
  /** Per sample, in the phase that needs the most memory. */
  crossCacheBytesPerSample: number;
  selfCacheBytesPerSample: number;
  activationBytesPerSample: number;
  bytesPerSample: number;
  peakPhase: MemoryPhase;
  capacityBytes: number;
  /** Largest batch whose weights and per-sample memory fit; 0 when not even one does. */
  maxBatch: number;
}

/** Cross-attention cache per sample: K and V of n_x vectors in every cross-attention layer. */
export function crossCacheBytes(s: WorkShape): number {
  const kvWidth = s.kvHeads * s.decoder.dKv;
  return s.crossAttentionLayerCount * 2 * s.passages * s.decoderTokensPerPassage * kvWidth * s.cacheBytesPerElement;
}

/** Self-attention cache per sample after the last step: K and V of n_t tokens per layer. */
export function selfCacheBytes(s: WorkShape): number {
  const kvWidth = s.kvHeads * s.decoder.dKv;
  return s.decoder.layers * 2 * s.targetTokens * kvWidth * s.cacheBytesPerElement;
}

export function estimateMemory(s: WorkShape, weightBytes: number, capacityBytes: number, batchLimit: number): MemoryEstimate {
  const e = s.encoder;
  const d = s.decoder;
  const aB = s.activationBytesPerElement;
  const nS = s.passages * s.passageTokens;
  const encoderAttentionWidth = e.heads * e.dKv;

  const encoderOutputBytes = nS * e.dModel * aB;
  const encoderLayerBytes =
    nS * (2 * e.dModel + 3 * encoderAttentionWidth + 2 * e.dFf) * aB +
    s.passages * e.heads * s.passageTokens * s.passageTokens * aB;
  const nX = s.passages * s.decoderTokensPerPassage;
  const decoderStepBytes = (2 * d.dModel + 2 * d.heads * d.dKv + d.dFf + d.heads * Math.max(nX, s.targetTokens) + s.vocabSize) * aB;

  const cross = crossCacheBytes(s);
  const self = selfCacheBytes(s);
  const phases: { phase: MemoryPhase; cross: number; self: number; activations: number }[] = [
    { phase: 'encode', cross: 0, self: 0, activations: encoderLayerBytes + encoderOutputBytes },
    { phase: 'project', cross, self: 0, activations: encoderOutputBytes },
    { phase: 'decode', cross, self, activations: decoderStepBytes },
  ];
  let peak = phases[0];
  for (const p of phases) if (p.cross + p.self + p.activations > peak.cross + peak.self + peak.activations) peak = p;

  const bytesPerSample = peak.cross + peak.self + peak.activations;
  const free = capacityBytes - weightBytes;
  const maxBatch = free <= 0 ? 0 : Math.min(batchLimit, Math.floor(free / bytesPerSample));

  return {
    weightBytes,
    phases: phases.map((p) => ({
      phase: p.phase,
      crossCacheBytesPerSample: p.cross,
      selfCacheBytesPerSample: p.self,
      activationBytesPerSample: p.activations,
      bytesPerSample: p.cross + p.self + p.activations,
    })),
    crossCacheBytesPerSample: peak.cross,
    selfCacheBytesPerSample: peak.self,
    activationBytesPerSample: peak.activations,
    bytesPerSample,
    peakPhase: peak.phase,
    capacityBytes,
    maxBatch,
  };
}
