/**
 * Per-operation work of FiD / FiD-Light / FiDO inference.
 *
 * Conventions:
 * - 1 FLOP is one multiply or one add, so an (m x k) by (k x n) matmul costs 2·m·k·n.
 *   The FiDO paper counts multiplications only, which halves every FLOP count here.
 * - Counted: every matmul, attention scores and weighted sums, RMS norms (4 FLOPs per
 *   element). Ignored: softmax, GELU, the gating product, residual adds, the relative
 *   position bias and argmax, which are small beside the matmuls.
 * - Weight bytes are read once per run of an operation for the whole batch; activation
 *   and cache bytes are per sample. Attention scores are written once and read back once.
 * - Shapes: P passages of n_p tokens, n_s = P·n_p encoder vectors, n_x = P·k vectors
 *   the decoder reads (k = n_p unless FiD-Light), n_t generated tokens, g key/value heads.
 */
import type { StackDims } from '../config/models';

export type Phase = 'encoder' | 'decoder';

export const OPERATION_NAMES = [
  'encoder.embedding',
  'encoder.attention.projections',
  'encoder.attention.scores',
  'encoder.mlp',
  'encoder.norms',
  'decoder.crossAttention.kvProjection',
  'decoder.embedding',
  'decoder.selfAttention.projections',
  'decoder.selfAttention.attention',
  'decoder.crossAttention.projections',
  'decoder.crossAttention.attention',
  'decoder.mlp',
  'decoder.norms',
  'decoder.outputProjection',
] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

export const OPERATION_LABELS: Record<OperationName, string> = {
  'encoder.embedding': 'Encoder embedding lookup',
  'encoder.attention.projections': 'Encoder Q/K/V/O projections',
  'encoder.attention.scores': 'Encoder attention within passages',
  'encoder.mlp': 'Encoder MLP',
  'encoder.norms': 'Encoder RMS norms',
  'decoder.crossAttention.kvProjection': 'Cross-attention K/V projection of encoder output',
  'decoder.embedding': 'Decoder embedding lookup',
  'decoder.selfAttention.projections': 'Decoder self-attention projections',
  'decoder.selfAttention.attention': 'Decoder self-attention over its cache',
  'decoder.crossAttention.projections': 'Decoder cross-attention Q/O projections',
  'decoder.crossAttention.attention': 'Decoder cross-attention over encoder keys/values',
  'decoder.mlp': 'Decoder MLP',
  'decoder.norms': 'Decoder RMS norms',
  'decoder.outputProjection': 'Output projection to the vocabulary',
};

export function phaseOf(name: OperationName): Phase {
  return name.startsWith('encoder.') ? 'encoder' : 'decoder';
}

/** Work of one run of an operation. */
export interface Work {
  /** FLOPs per sample. */
  flops: number;
  /** Weight bytes read per run, shared by the whole batch. */
  weightBytes: number;
  /** Activation bytes read and written per sample. */
  activationBytes: number;
  /** Key/value cache bytes read per sample. */
  cacheReadBytes: number;
  /** Key/value cache bytes written per sample. */
  cacheWriteBytes: number;
}

/** Runs of an operation that share one `Work`. */
export interface WorkGroup {
  runs: number;
  work: Work;
}

export interface OperationWork {
  name: OperationName;
  /** One group for operations whose every run costs the same; one per step otherwise. */
  groups: WorkGroup[];
}

export interface WorkShape {
  encoder: StackDims;
  decoder: StackDims;
  vocabSize: number;
  kvHeads: number;
  crossAttentionLayerCount: number;
  passages: number;
  passageTokens: number;
  /** Encoder vectors per passage that the decoder reads. */
  decoderTokensPerPassage: number;
  targetTokens: number;
  weightBytesPerElement: number;
  cacheBytesPerElement: number;
  activationBytesPerElement: number;
}

// Fields are copied one by one. In a Chromium profile of a playground slider move, an object
// spread here cost more than any other line, because the paper check evaluates the model
// many times per change.
function work(partial: Partial<Work>): Work {
  return {
    flops: partial.flops ?? 0,
    weightBytes: partial.weightBytes ?? 0,
    activationBytes: partial.activationBytes ?? 0,
    cacheReadBytes: partial.cacheReadBytes ?? 0,
    cacheWriteBytes: partial.cacheWriteBytes ?? 0,
  };
}

// V8 keeps an object field as a small integer until it first contains a larger or fractional
// number, and that change deoptimizes the code that reads the field. In Node 20 (V8 11.3),
// a byte count above 2^30 arriving after thousands of small configurations left
// costOperation unoptimized for good, and a 10,000-configuration sweep ran 20x slower.
// One record with fractional values at load time makes every field a double from the start.
work({ flops: 0.5, weightBytes: 0.5, activationBytes: 0.5, cacheReadBytes: 0.5, cacheWriteBytes: 0.5 });

function once(runs: number, w: Work): WorkGroup[] {
  return runs > 0 ? [{ runs, work: w }] : [];
}

export function encoderOperations(s: WorkShape): OperationWork[] {
  const { dModel: d, dFf: f, heads: h, layers: L } = s.encoder;
  const a = h * s.encoder.dKv;
  const nS = s.passages * s.passageTokens;
  const nP = s.passageTokens;
  const wB = s.weightBytesPerElement;
  const aB = s.activationBytesPerElement;

  return [
    // Gather n_s rows of the embedding table and write them as activations.
    { name: 'encoder.embedding', groups: once(1, work({ activationBytes: nS * d * (wB + aB) })) },
    // x·[Wq Wk Wv] then attention output·Wo: 2·n_s·d·4a.
    {
      name: 'encoder.attention.projections',
      groups: once(L, work({ flops: 2 * nS * d * 4 * a, weightBytes: 4 * d * a * wB, activationBytes: (2 * nS * d + 4 * nS * a) * aB })),
    },
    // Q·Kᵀ and scores·V within each passage: 2·2·n_s·n_p·a.
    {
      name: 'encoder.attention.scores',
      groups: once(L, work({ flops: 4 * nS * nP * a, activationBytes: (4 * nS * a + 2 * s.passages * h * nP * nP) * aB })),
    },
    // wi_0, wi_1 (d x f) and wo (f x d): 2·n_s·3·d·f.
    {
      name: 'encoder.mlp',
      groups: once(L, work({ flops: 2 * nS * 3 * d * f, weightBytes: 3 * d * f * wB, activationBytes: (2 * nS * d + 2 * nS * f) * aB })),
    },
    // Two norms per layer and a final one.
    {
      name: 'encoder.norms',
      groups: once(2 * L + 1, work({ flops: 4 * nS * d, weightBytes: d * wB, activationBytes: 2 * nS * d * aB })),
    },
  ];
}

export function decoderOperations(s: WorkShape): OperationWork[] {
  const { dModel: d, dFf: f, heads: h, layers: L, dKv } = s.decoder;
  const a = h * dKv;
  const kv = s.kvHeads * dKv;
  const Lx = s.crossAttentionLayerCount;
  const nX = s.passages * s.decoderTokensPerPassage;
  const nT = s.targetTokens;
  const dEnc = s.encoder.dModel;
  const wB = s.weightBytesPerElement;
  const aB = s.activationBytesPerElement;
  const cB = s.cacheBytesPerElement;

  // Self-attention at step t reads the keys and values of t + 1 positions.
  const selfAttentionSteps: WorkGroup[] = [];
  for (let t = 0; t < nT; t++) {
    const context = t + 1;
    selfAttentionSteps.push({
      runs: L,
      work: work({ flops: 4 * context * a, activationBytes: (2 * a + 2 * h * context) * aB, cacheReadBytes: 2 * context * kv * cB }),
    });
  }

  return [
    // Encoder output (n_x x d_enc) times Wk and Wv (d_enc x g·d_kv), once per input.
    {
      name: 'decoder.crossAttention.kvProjection',
      groups: once(Lx, work({ flops: 2 * nX * dEnc * 2 * kv, weightBytes: 2 * dEnc * kv * wB, activationBytes: nX * dEnc * aB, cacheWriteBytes: 2 * nX * kv * cB })),
    },
    { name: 'decoder.embedding', groups: once(nT, work({ activationBytes: d * (wB + aB) })) },
    // Q and O (d x a), new K and V (d x g·d_kv) for one token.
    {
      name: 'decoder.selfAttention.projections',
      groups: once(L * nT, work({ flops: 2 * d * (2 * a + 2 * kv), weightBytes: (2 * d * a + 2 * d * kv) * wB, activationBytes: (2 * d + 2 * a) * aB, cacheWriteBytes: 2 * kv * cB })),
    },
    { name: 'decoder.selfAttention.attention', groups: selfAttentionSteps },
    {
      name: 'decoder.crossAttention.projections',
      groups: once(Lx * nT, work({ flops: 2 * 2 * d * a, weightBytes: 2 * d * a * wB, activationBytes: (2 * d + 2 * a) * aB })),
    },
    // One query token against n_x cached keys and values: 2·2·n_x·a.
    {
      name: 'decoder.crossAttention.attention',
      groups: once(Lx * nT, work({ flops: 4 * nX * a, activationBytes: (2 * a + 2 * h * nX) * aB, cacheReadBytes: 2 * nX * kv * cB })),
    },
    {
      name: 'decoder.mlp',
      groups: once(L * nT, work({ flops: 2 * 3 * d * f, weightBytes: 3 * d * f * wB, activationBytes: (2 * d + 2 * f) * aB })),
    },
    // Self-attention and MLP norms per layer, one per cross-attention layer, a final one.
    {
      name: 'decoder.norms',
      groups: once((2 * L + Lx + 1) * nT, work({ flops: 4 * d, weightBytes: d * wB, activationBytes: 2 * d * aB })),
    },
    {
      name: 'decoder.outputProjection',
      groups: once(nT, work({ flops: 2 * d * s.vocabSize, weightBytes: d * s.vocabSize * wB, activationBytes: (d + s.vocabSize) * aB })),
    },
  ];
}
