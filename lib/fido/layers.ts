/**
 * T5.1.1 building blocks without biases.
 *
 * Shape legend for all of lib/fido:
 *   P     passages                     n_p   tokens per passage
 *   n_x   encoder vectors per passage that the decoder reads (FiD-Light k, else n_p)
 *   n     rows of a 2-D activation     d     model width (d_enc, d_dec)
 *   f     MLP width d_ff               h     query heads
 *   g     key/value heads              d_kv  width of one head
 *   t     decoding steps so far        m     query tokens of one call
 *   V     vocabulary size
 */
import type { FlopCounter } from './flopCounter';
import type { MlpWeights } from './init';
import type { Tensor, Tensor1D, Tensor2D, Tf } from './tf';

/** Added to the variance before the square root, as in T5. */
export const RMS_NORM_EPSILON = 1e-6;

/** RMS norm with one learned scale and no bias or mean subtraction: x [n, d] -> [n, d]. */
export function rmsNorm(tf: Tf, x: Tensor2D, scale: Tensor1D): Tensor2D {
  const meanSquare = tf.mean(tf.square(x), -1, true); // [n, 1]
  return tf.mul(tf.mul(x, tf.rsqrt(tf.add(meanSquare, RMS_NORM_EPSILON))), scale);
}

/** GELU, tanh approximation: 0.5·x·(1 + tanh(sqrt(2/π)·(x + 0.044715·x³))). */
export function geluTanh<T extends Tensor>(tf: Tf, x: T): T {
  // x·x² rather than pow(x, 3): WebGL's pow is undefined for negative bases.
  const cube = tf.mul(x, tf.square(x));
  const inner = tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, cube)));
  return tf.mul(tf.mul(0.5, x), tf.add(1, tf.tanh(inner))) as T;
}

/** Gated-GELU MLP: (gelu(x·wi_0) ⊙ x·wi_1)·wo, x [n, d] -> [n, d]. */
export function gatedGeluMlp(tf: Tf, counter: FlopCounter, x: Tensor2D, weights: MlpWeights): Tensor2D {
  const activated = geluTanh(tf, counter.matMul(x, weights.wi0)); // [n, f]
  const gate = counter.matMul(x, weights.wi1); // [n, f]
  return counter.matMul(tf.mul(activated, gate), weights.wo);
}
