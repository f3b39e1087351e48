// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { activateBackend, WEBGL_CPU_FORWARD_FLAG, type TensorFlow } from '@/lib/fido/backends';

/** TensorFlow.js whose `setBackend` and `getBackend` report `name` active, for a backend Node cannot start. */
function withActiveBackend(name: string): TensorFlow {
  return { ...tf, setBackend: async () => true, ready: async () => {}, getBackend: () => name } as unknown as TensorFlow;
}

describe('activateBackend', () => {
  afterEach(() => tf.env().reset());

  it('turns CPU forwarding off on webgl', async () => {
    expect(tf.env().getBool(WEBGL_CPU_FORWARD_FLAG)).toBe(true);
    expect(await activateBackend(withActiveBackend('webgl'), 'webgl')).toBeNull();
    expect(tf.env().getBool(WEBGL_CPU_FORWARD_FLAG)).toBe(false);
  });

  it('leaves CPU forwarding alone on wasm', async () => {
    expect(await activateBackend(withActiveBackend('wasm'), 'wasm')).toBeNull();
    expect(tf.env().getBool(WEBGL_CPU_FORWARD_FLAG)).toBe(true);
  });
});
