/**
 * Batched matmul kernels of our own for the wasm backend, registered with TensorFlow.js as
 * `FidoBatchMatMul`. TensorFlow.js 4.22's wasm backend sends batched or transposed products
 * to a scalar loop (about 2 GFLOP/s for the encoder's attention on a 2-core AMD EPYC, Node 20),
 * while its untransposed 2-D products use XNNPACK. The kernels run batchMatMul.wat, which
 * imports the backend's memory and so reads and writes tensors in place, with no copies.
 *
 * `ownBatchMatMul` takes A [batch, m, k] · B [batch, k, n] for batch > 1 (XNNPACK already
 * runs batch 1). `ownBatchMatMulTransposed` takes A [batch, m, k] · B[b]ᵀ with B [batch, n, k]
 * for any batch and k a multiple of 4. Both need float32. Other products, and every product
 * on other backends, go to tf.matMul.
 */
import type { Tensor, Tf } from '../tf';
import { BATCH_MATMUL_WASM_BASE64 } from './batchMatMulBinary';

export const OWN_BATCH_MATMUL_KERNEL = 'FidoBatchMatMul';

/** Lanes of one SIMD vector: the transposed kernel reads rows of k in steps of it. */
const LANES = 4;

type ProductExport = (a: number, b: number, c: number, batch: number, m: number, k: number, n: number) => void;

interface KernelExports {
  batchMatMul: ProductExport;
  batchMatMulTransposed: ProductExport;
}

/** The parts of TensorFlow.js 4.22's BackendWasm that the kernel uses. */
interface WasmBackendInternals {
  wasm?: { asm?: { memory?: unknown } };
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: 'float32'): { dataId: object; shape: number[]; dtype: 'float32' };
}

/** Kernel instances per backend memory, or the reason the kernel cannot run there. */
const instances = new WeakMap<object, KernelExports | string>();

function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Instantiates the kernel on the backend's memory, or returns why it cannot. */
function instantiate(backend: WasmBackendInternals): KernelExports | string {
  const memory = backend.wasm?.asm?.memory;
  if (!(memory instanceof WebAssembly.Memory)) return 'the wasm backend does not expose its memory';
  const cached = instances.get(memory);
  if (cached !== undefined) return cached;

  let result: KernelExports | string;
  const bytes = decodeBase64(BATCH_MATMUL_WASM_BASE64);
  if (!WebAssembly.validate(bytes)) {
    result = 'this WebAssembly engine does not support SIMD';
  } else {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    result = instance.exports as unknown as KernelExports;
  }
  instances.set(memory, result);
  return result;
}

/**
 * Registers `FidoBatchMatMul` for the wasm backend once per TensorFlow.js instance. The kernel
 * function runs only where `ownBatchMatMulStatus` reported 'active'.
 */
function ensureRegistered(tf: Tf): void {
  if (tf.getKernel(OWN_BATCH_MATMUL_KERNEL, 'wasm') !== undefined) return;
  tf.registerKernel({
    kernelName: OWN_BATCH_MATMUL_KERNEL,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const internals = backend as unknown as WasmBackendInternals;
      const kernels = instantiate(internals);
      if (typeof kernels === 'string') throw new Error(`${OWN_BATCH_MATMUL_KERNEL} cannot run: ${kernels}`);
      const { a, b } = inputs as unknown as { a: Tensor; b: Tensor };
      const transposeB = (attrs as { transposeB?: boolean } | undefined)?.transposeB === true;
      const [batch, m, k] = a.shape as [number, number, number];
      const n = (b.shape as [number, number, number])[transposeB ? 1 : 2];
      const out = internals.makeOutput([batch, m, n], 'float32');
      const offset = (dataId: object): number => internals.dataIdMap.get(dataId)!.memoryOffset;
      const run = transposeB ? kernels.batchMatMulTransposed : kernels.batchMatMul;
      run(offset(a.dataId), offset(b.dataId), offset(out.dataId), batch, m, k, n);
      return out;
    },
  });
}

/**
 * 'active' when batched products on the current backend run on this kernel, otherwise the
 * reason they run on tf.matMul.
 */
export function ownBatchMatMulStatus(tf: Tf): string {
  if (tf.getBackend() !== 'wasm') return `the ${tf.getBackend()} backend uses tf.matMul`;
  const run = instantiate(tf.backend() as unknown as WasmBackendInternals);
  return typeof run === 'string' ? run : 'active';
}

/**
 * Multiplies a [batch, m, k] by b [batch, k, n] on the own kernel. Returns null when the
 * backend or the shapes rule the kernel out, and the caller then uses tf.matMul.
 */
export function ownBatchMatMul(tf: Tf, a: Tensor, b: Tensor): Tensor | null {
  if (a.rank !== 3 || b.rank !== 3 || a.dtype !== 'float32' || b.dtype !== 'float32') return null;
  const [batch, , k] = a.shape as [number, number, number];
  const [batchB, kB] = b.shape as [number, number, number];
  if (batch <= 1 || batch !== batchB || k !== kB) return null;
  return runOwnKernel(tf, a, b, false);
}

/**
 * Multiplies a [batch, m, k] by the transpose of each b [batch, n, k] on the own kernel.
 * Returns null when the backend or the shapes rule the kernel out, as `ownBatchMatMul` does.
 */
export function ownBatchMatMulTransposed(tf: Tf, a: Tensor, b: Tensor): Tensor | null {
  if (a.rank !== 3 || b.rank !== 3 || a.dtype !== 'float32' || b.dtype !== 'float32') return null;
  const [batch, , k] = a.shape as [number, number, number];
  const [batchB, , kB] = b.shape as [number, number, number];
  if (batch !== batchB || k !== kB || k % LANES !== 0) return null;
  return runOwnKernel(tf, a, b, true);
}

function runOwnKernel(tf: Tf, a: Tensor, b: Tensor, transposeB: boolean): Tensor | null {
  if (ownBatchMatMulStatus(tf) !== 'active') return null;
  ensureRegistered(tf);
  return tf.engine().runKernel(OWN_BATCH_MATMUL_KERNEL, { a, b } as never, { transposeB } as never) as Tensor;
}
