/**
 * The TensorFlow.js namespace type. Every file under lib/fido receives the namespace as a
 * parameter and imports only types from '@tensorflow/tfjs', so the same code runs in Node
 * tests (cpu, wasm) and in the browser worker, and no page loads TensorFlow.js statically.
 */
import type * as tfjs from '@tensorflow/tfjs';

export type Tf = typeof tfjs;
export type { Scalar, Tensor, Tensor1D, Tensor2D, Tensor3D, Tensor4D } from '@tensorflow/tfjs';
