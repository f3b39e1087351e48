/**
 * Every matmul of the tiny model goes through `FlopCounter.matMul`, which adds
 * 2·batch·m·k·n FLOPs (one multiply and one add per multiply-add, the convention of
 * lib/cost) for the shapes it actually receives, to the phase that is running.
 * Norms, softmax, GELU, the gating product, residual adds and gathers are not counted,
 * as in lib/cost; only its 'encoder.norms' and 'decoder.norms' entries are not matmuls.
 */
import type { Config } from '../config/config';
import { evaluate } from '../cost/model';
import type { OperationName } from '../cost/operations';
import { ownBatchMatMul, ownBatchMatMulTransposed } from './kernels/batchMatMul';
import type { Tensor, Tensor2D, Tensor3D, Tf } from './tf';

/** Phases the counter keeps apart. */
export const FLOP_PHASES = ['encoder', 'crossKvProjection', 'decoder', 'decoderRecomputation'] as const;
export type FlopPhase = (typeof FLOP_PHASES)[number];

/**
 * Matmul FLOPs per phase. `decoder` counts cached decoding steps; `decoderRecomputation`
 * counts the decoder rerun over the whole prefix at every step (the check path).
 */
export type FlopCounts = Record<FlopPhase, number>;

export interface FlopCounter {
  /** Phase that the next matmuls are added to. */
  phase: FlopPhase;
  /**
   * Multiplies [m, k] by [k, n], or [batch, m, k] by [batch, k, n] (shapes after the
   * optional transposes), and adds 2·batch·m·k·n to the current phase.
   */
  matMul(a: Tensor2D, b: Tensor2D, transposeA?: boolean, transposeB?: boolean): Tensor2D;
  matMul(a: Tensor3D, b: Tensor3D, transposeA?: boolean, transposeB?: boolean): Tensor3D;
  /** A copy of the counts so far. */
  counts(): FlopCounts;
  reset(): void;
}

function zeroCounts(): FlopCounts {
  return { encoder: 0, crossKvProjection: 0, decoder: 0, decoderRecomputation: 0 };
}

/** Returns [batch, rows, cols] of a rank-2 or rank-3 operand after its optional transpose. */
function matrixDims(tensor: Tensor, transpose: boolean, operand: string): [number, number, number] {
  const shape = tensor.shape;
  if (shape.length !== 2 && shape.length !== 3) {
    throw new Error(`matMul ${operand} must have rank 2 or 3, got shape [${shape.join(', ')}]`);
  }
  const batch = shape.length === 3 ? shape[0] : 1;
  const rows = shape[shape.length - 2];
  const cols = shape[shape.length - 1];
  return transpose ? [batch, cols, rows] : [batch, rows, cols];
}

/** Multiplies on the wasm backend's own kernels (kernels/batchMatMul.ts); returns null where they do not apply. */
function ownProduct(tf: Tf, a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor | null {
  if (transposeA) return null;
  return transposeB ? ownBatchMatMulTransposed(tf, a, b) : ownBatchMatMul(tf, a, b);
}

export function createFlopCounter(tf: Tf): FlopCounter {
  let counts = zeroCounts();

  const counter = {
    phase: 'encoder' as FlopPhase,
    matMul(a: Tensor, b: Tensor, transposeA = false, transposeB = false) {
      const [batchA, m, kA] = matrixDims(a, transposeA, 'left operand');
      const [batchB, kB, n] = matrixDims(b, transposeB, 'right operand');
      if (kA !== kB) {
        throw new Error(`matMul inner dimensions differ: [${a.shape.join(', ')}] by [${b.shape.join(', ')}]`);
      }
      if (a.rank !== b.rank || batchA !== batchB) {
        throw new Error(`matMul operands need the same rank and batch: [${a.shape.join(', ')}] by [${b.shape.join(', ')}]`);
      }
      counts[counter.phase] += 2 * batchA * m * kA * n;
      return ownProduct(tf, a, b, transposeA, transposeB) ?? tf.matMul(a, b, transposeA, transposeB);
    },
    counts: () => ({ ...counts }),
    reset() {
      counts = zeroCounts();
    },
  };
  return counter as FlopCounter;
}

/** Operations of lib/cost that are not matmuls, so no counted matmul matches them. */
const NOT_MATMULS: readonly OperationName[] = ['encoder.norms', 'decoder.norms'];

/**
 * FLOPs lib/cost predicts for one `generate` of `config` with targetTokens steps, split
 * like the counter: the encoder's operations, the cross-attention key/value projection,
 * the rest of the decoder. Norms are left out; `decoderRecomputation` is 0.
 */
export function modelledFlops(config: Config): FlopCounts {
  const flops = zeroCounts();
  for (const operation of evaluate(config).operations) {
    if (NOT_MATMULS.includes(operation.name)) continue;
    if (operation.phase === 'encoder') flops.encoder += operation.flops;
    else if (operation.name === 'decoder.crossAttention.kvProjection') flops.crossKvProjection += operation.flops;
    else flops.decoder += operation.flops;
  }
  return flops;
}
