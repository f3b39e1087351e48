// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KERNELS, generateKernelModule } from '../../scripts/build-kernels.mjs';
import { createFidoModel, encodeInput, SAMPLE_PASSAGES, SAMPLE_QUESTION, TINY_FIDO_CONFIG } from '../../lib/fido';
import { OWN_BATCH_MATMUL_KERNEL, ownBatchMatMul, ownBatchMatMulStatus, ownBatchMatMulTransposed } from '../../lib/fido/kernels/batchMatMul';
import { watchKernels } from '../../lib/fido/timing';
import { encoderDims } from '../../lib/config/config';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

afterAll(async () => {
  await tf.setBackend('wasm');
});

/** C[b] = A[b]·B[b] (B [batch, k, n]) or A[b]·B[b]ᵀ (B [batch, n, k]) in float64, the plain triple loop. */
function referenceProduct(a: Float32Array, b: Float32Array, [batch, m, k, n]: number[], transposeB: boolean): Float64Array {
  const c = new Float64Array(batch * m * n);
  for (let index = 0; index < batch; index++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let p = 0; p < k; p++) {
          const bValue = transposeB ? b[(index * n + j) * k + p] : b[(index * k + p) * n + j];
          sum += a[(index * m + i) * k + p] * bValue;
        }
        c[(index * m + i) * n + j] = sum;
      }
    }
  }
  return c;
}

function maxError(actual: ArrayLike<number>, expected: Float64Array): number {
  let error = 0;
  for (let i = 0; i < expected.length; i++) error = Math.max(error, Math.abs(actual[i] - expected[i]));
  return error;
}

describe('own batched matmul kernel', () => {
  it('binary matches its WebAssembly text', async () => {
    for (const kernel of KERNELS) {
      const committed = readFileSync(new URL(`../../lib/fido/kernels/${kernel.output}`, import.meta.url), 'utf8');
      expect(committed, `${kernel.output} is stale: run node scripts/build-kernels.mjs`).toBe(await generateKernelModule(kernel));
    }
  });

  it('is active on wasm in Node', () => {
    expect(ownBatchMatMulStatus(tf)).toBe('active');
  });

  // Row counts around the 4-row tile, inner sizes from 1 to past a cache line, and widths that
  // use the 32-column one-row tile, the 8-column tiles and the scalar leftover columns.
  const shapes = [
    [2, 1, 1, 8],
    [3, 3, 7, 16],
    [2, 4, 32, 8],
    [5, 5, 33, 24],
    [4, 64, 32, 64],
    [2, 9, 64, 32],
    [3, 1, 40, 4096],
    [2, 1, 100, 32],
    [2, 1, 5, 45],
    [2, 6, 3, 13],
    [2, 4, 9, 3],
  ];
  it.each(shapes)('matches a float64 reference for [%i, %i, %i] · [.., %i]', (batch, m, k, n) => {
    const a = tf.randomUniform([batch, m, k], -1, 1, 'float32', 1);
    const b = tf.randomUniform([batch, k, n], -1, 1, 'float32', 2);
    const product = ownBatchMatMul(tf, a, b);
    expect(product).not.toBeNull();
    expect(product!.shape).toEqual([batch, m, n]);
    const expected = referenceProduct(a.dataSync() as Float32Array, b.dataSync() as Float32Array, [batch, m, k, n], false);
    expect(maxError(product!.dataSync(), expected)).toBeLessThan(1e-5 * k);
    [a, b, product!].forEach((tensor) => tensor.dispose());
  });

  // Batch 1 included: XNNPACK has no transposed product, so this kernel takes it too.
  const transposedShapes = [
    [1, 1, 4, 1],
    [4, 1, 32, 4096],
    [1, 4, 32, 37],
    [3, 3, 8, 5],
    [2, 7, 64, 16],
  ];
  it.each(transposedShapes)('transposed matches a float64 reference for [%i, %i, %i] · [.., %i]ᵀ', (batch, m, k, n) => {
    const a = tf.randomUniform([batch, m, k], -1, 1, 'float32', 3);
    const b = tf.randomUniform([batch, n, k], -1, 1, 'float32', 4);
    const product = ownBatchMatMulTransposed(tf, a, b);
    expect(product).not.toBeNull();
    expect(product!.shape).toEqual([batch, m, n]);
    const expected = referenceProduct(a.dataSync() as Float32Array, b.dataSync() as Float32Array, [batch, m, k, n], true);
    expect(maxError(product!.dataSync(), expected)).toBeLessThan(1e-5 * k);
    [a, b, product!].forEach((tensor) => tensor.dispose());
  });

  it('overwrites an output buffer that held other values', () => {
    // The backend reuses freed memory, so a kernel that accumulated into its output would add old values.
    const garbage = tf.fill([4, 8, 8], 1e6);
    garbage.dispose();
    const a = tf.zeros([4, 8, 8]);
    const b = tf.ones([4, 8, 8]);
    const product = ownBatchMatMul(tf, a, b)!;
    expect(Array.from(product.dataSync()).every((value) => value === 0)).toBe(true);
    [a, b, product].forEach((tensor) => tensor.dispose());
  });

  it('leaves other shapes to tf.matMul', () => {
    const cases: [number[], number[]][] = [
      [[1, 4, 8], [1, 8, 8]], // one product: XNNPACK already runs it
      [[8, 8], [8, 8]], // rank 2
      [[2, 4, 8], [2, 9, 8]], // inner sizes differ
      [[2, 4, 8], [3, 8, 8]], // batch sizes differ
    ];
    for (const [shapeA, shapeB] of cases) {
      const a = tf.ones(shapeA);
      const b = tf.ones(shapeB);
      expect(ownBatchMatMul(tf, a, b), `[${shapeA}] · [${shapeB}]`).toBeNull();
      a.dispose();
      b.dispose();
    }
    const transposedCases: [number[], number[]][] = [
      [[2, 4, 6], [2, 8, 6]], // k not a multiple of 4
      [[2, 4, 8], [2, 8, 12]], // inner sizes differ
      [[8, 8], [8, 8]], // rank 2
    ];
    for (const [shapeA, shapeB] of transposedCases) {
      const a = tf.ones(shapeA);
      const b = tf.ones(shapeB);
      expect(ownBatchMatMulTransposed(tf, a, b), `[${shapeA}] · [${shapeB}]ᵀ`).toBeNull();
      a.dispose();
      b.dispose();
    }
  });

  it('frees every tensor it creates', () => {
    const a = tf.ones([3, 4, 8]);
    const b = tf.ones([3, 8, 8]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      tf.tidy(() => {
        ownBatchMatMul(tf, a, b);
      });
    }
    expect(tf.memory().numTensors).toBe(before);
    a.dispose();
    b.dispose();
  });

  it('runs both products of every encoder layer', () => {
    // 64 tokens per passage: both attention products are 8-column multiples.
    const config = { ...TINY_FIDO_CONFIG, passages: 4, passageTokens: 64 };
    const model = createFidoModel(tf, config, 1);
    const ids = model.inputTensor(encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, model.config));
    const engine = tf.engine();
    const original = engine.runKernel;
    const names: string[] = [];
    engine.runKernel = function (this: typeof engine, ...args: Parameters<typeof original>) {
      names.push(args[0]);
      return original.apply(this, args);
    } as typeof original;
    try {
      tf.tidy(() => model.encode(ids));
    } finally {
      engine.runKernel = original;
      ids.dispose();
      model.dispose();
    }
    expect(names.filter((name) => name === OWN_BATCH_MATMUL_KERNEL)).toHaveLength(2 * encoderDims(config).layers);
    expect(names.filter((name) => name === 'BatchMatMul').length).toBeGreaterThan(0);
  });

  it('reports why it is off on the cpu backend', async () => {
    await tf.setBackend('cpu');
    try {
      expect(ownBatchMatMulStatus(tf)).toBe('the cpu backend uses tf.matMul');
      const a = tf.ones([2, 4, 8]);
      const b = tf.ones([2, 8, 8]);
      expect(ownBatchMatMul(tf, a, b)).toBeNull();
      a.dispose();
      b.dispose();
    } finally {
      await tf.setBackend('wasm');
    }
  });
});

// watchKernels counts the own kernel like any other, so the launch term of predictRun includes it.
describe('kernel count with the own kernel', () => {
  it('counts FidoBatchMatMul dispatches', () => {
    const a = tf.ones([2, 4, 8]);
    const b = tf.ones([2, 8, 8]);
    const watch = watchKernels(tf);
    try {
      tf.tidy(() => {
        ownBatchMatMul(tf, a, b);
      });
      expect(watch.count()).toBe(1);
    } finally {
      watch.stop();
      a.dispose();
      b.dispose();
    }
  });
});
