// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll } from 'vitest';
import { describeDecodingChecks } from './decodingChecks';

beforeAll(async () => {
  // In Node the wasm backend finds its .wasm files in its own dist folder without setWasmPaths.
  await tf.setBackend('wasm');
  await tf.ready();
});

describeDecodingChecks('wasm');
