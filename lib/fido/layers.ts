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
import type { Scalar, Tensor, Tensor1D, Tensor2D, Tf } from './tf';

/** Added to the variance before the square root, as in T5. */
export const RMS_NORM_EPSILON = 1e-6;

/** sqrt(2/π), the scale inside the tanh approximation of GELU. */
const GELU_TANH_SCALE = Math.sqrt(2 / Math.PI);

/**
 * Scalars the layers use, created once per model. Passing a JavaScript number to an op
 * uploads a new scalar tensor on every call, which costs more than a small kernel on wasm.
 */
export interface LayerConstants {
  rmsNormEpsilon: Scalar;
  /** 2·sqrt(2/π) */
  geluLinear: Scalar;
  /** 2·sqrt(2/π)·0.044715 */
  geluCubic: Scalar;
}

/** Creates the layer constants; the caller owns and disposes them. */
export function createLayerConstants(tf: Tf): LayerConstants {
  return {
    rmsNormEpsilon: tf.scalar(RMS_NORM_EPSILON),
    geluLinear: tf.scalar(2 * GELU_TANH_SCALE),
    geluCubic: tf.scalar(2 * GELU_TANH_SCALE * 0.044715),
  };
}

/** RMS norm with one learned scale and no bias or mean subtraction: x [n, d] -> [n, d]. */
export function rmsNorm(tf: Tf, x: Tensor2D, scale: Tensor1D, constants: LayerConstants): Tensor2D {
  const meanSquare = tf.mean(tf.square(x), -1, true); // [n, 1]
  return tf.mul(tf.mul(x, tf.rsqrt(tf.add(meanSquare, constants.rmsNormEpsilon))), scale);
}

/**
 * GELU, tanh approximation: 0.5·x·(1 + tanh(sqrt(2/π)·(x + 0.044715·x³))), computed as
 * x·sigmoid(2·sqrt(2/π)·x·(1 + 0.044715·x²)) because 0.5·(1 + tanh(z)) = sigmoid(2z). The two
 * are equal in exact arithmetic. The sigmoid form needs 6 kernels instead of 9, and on the
 * wasm backend of TensorFlow.js 4.22 sigmoid runs several times faster than tanh.
 */
export function geluTanh<T extends Tensor>(tf: Tf, x: T, constants: LayerConstants): T {
  // x·x² rather than pow(x, 3): WebGL's pow is undefined for negative bases.
  const twiceInner = tf.mul(x, tf.add(constants.geluLinear, tf.mul(constants.geluCubic, tf.square(x))));
  return tf.mul(x, tf.sigmoid(twiceInner)) as T;
}

/** Gated-GELU MLP: (gelu(x·wi_0) ⊙ x·wi_1)·wo, x [n, d] -> [n, d]. */
export function gatedGeluMlp(tf: Tf, counter: FlopCounter, x: Tensor2D, weights: MlpWeights, constants: LayerConstants): Tensor2D {
  const activated = geluTanh(tf, counter.matMul(x, weights.wi0), constants); // [n, f]
  const gate = counter.matMul(x, weights.wi1); // [n, f]
  return counter.matMul(tf.mul(activated, gate), weights.wo);
}
