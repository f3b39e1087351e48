// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import { beforeAll } from 'vitest';
import { describeDecodingChecks } from './decodingChecks';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describeDecodingChecks('cpu');
