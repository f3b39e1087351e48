/**
 * TensorFlow.js backend loading, probing and selection with fallback.
 *
 * TensorFlow.js is only ever loaded by `loadTensorFlow` through a dynamic import, so it
 * stays out of every page's first-load JavaScript. The functions take the `tf` namespace
 * as a parameter, so the same code runs in the worker and in Node.
 */
import type { Notice } from '../config/url';
import { BACKEND_CHOICES, BACKEND_LABELS, BACKEND_NAMES, type BackendChoice, type BackendName, type BackendProbe } from './protocol';
import { median } from './stats';
import { BACKEND_URL_KEY } from './urlKeys';

export type TensorFlow = typeof import('@tensorflow/tfjs');

/** URL key of the backend choice (prefixed like the configuration's keys). */
export { BACKEND_URL_KEY };

/**
 * Loads TensorFlow.js and registers the wasm backend. `wasmPath` is the URL folder that
 * serves the .wasm binaries, ending in / (such as /tfjs-wasm/). Omit it in Node, where the
 * package's own dist folder is the default.
 */
export async function loadTensorFlow(wasmPath?: string): Promise<TensorFlow> {
  const tf = await import('@tensorflow/tfjs');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  // Both settings must precede the first setBackend('wasm'), because the module reads them
  // when it initialises. The threaded build hangs once bundled (its pthread workers fail after
  // minification in tfjs 4.22), and a static site cannot send the cross-origin isolation
  // headers that threads need anyway.
  if (wasmPath) wasm.setWasmPaths(wasmPath);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  return tf;
}

/**
 * Flag of TensorFlow.js's webgl backend that runs a kernel on the CPU when every input is
 * still in CPU memory and small (under CPU_HANDOFF_SIZE_THRESHOLD, 128 elements in
 * 4.22). Freshly created small tensors, such as the calibration's launch chain, then never
 * reach the GPU, while the model's kernels on GPU outputs always run there.
 */
export const WEBGL_CPU_FORWARD_FLAG = 'WEBGL_CPU_FORWARD';

/**
 * Activates `backend`; returns an error message instead of throwing when it cannot. On
 * webgl it turns CPU forwarding off, so calibration and runs both time GPU kernels.
 */
export async function activateBackend(tf: TensorFlow, backend: BackendName): Promise<string | null> {
  try {
    const ok = await tf.setBackend(backend);
    await tf.ready();
    if (!ok || tf.getBackend() !== backend) return `${BACKEND_LABELS[backend]} failed to initialise`;
    if (backend === 'webgl') tf.env().set(WEBGL_CPU_FORWARD_FLAG, false);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Side of the square probe matmul: big enough to rank backends, small enough for the cpu backend. */
export const PROBE_MATMUL_SIZE = 192;

/**
 * Tries `backend` and times a small matmul on it (two warm-ups, five timed runs, the
 * result read back inside each). Leaves `backend` active when it works.
 */
export async function probeBackend(tf: TensorFlow, backend: BackendName, size = PROBE_MATMUL_SIZE): Promise<BackendProbe> {
  const error = await activateBackend(tf, backend);
  if (error) return { backend, ok: false, error };
  try {
    const a = tf.randomUniform([size, size], -1, 1, 'float32', 1);
    const b = tf.randomUniform([size, size], -1, 1, 'float32', 2);
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      const c = tf.matMul(a, b);
      const values = await c.data();
      const seconds = (performance.now() - start) / 1000;
      c.dispose();
      if (!Number.isFinite(values[0])) throw new Error('the probe matmul returned a non-finite value');
      if (i >= 2) samples.push(seconds);
    }
    a.dispose();
    b.dispose();
    return { backend, ok: true, medianSeconds: median(samples) };
  } catch (caught) {
    return { backend, ok: false, error: caught instanceof Error ? caught.message : String(caught) };
  }
}

export interface BackendSelection {
  backend: BackendName;
  probes: BackendProbe[];
  /** Set when the requested backend could not be used, for the page to show. */
  fallback?: string;
}

/** Returns the fastest working probe, or null when none works. */
export function fastestProbe(probes: readonly BackendProbe[]): BackendProbe | null {
  let best: BackendProbe | null = null;
  for (const probe of probes) {
    if (!probe.ok || probe.medianSeconds === undefined) continue;
    if (!best || probe.medianSeconds < (best.medianSeconds ?? Infinity)) best = probe;
  }
  return best;
}

function shortReason(error: string | undefined): string {
  if (!error) return 'it failed';
  const firstLine = error.split('\n')[0].trim();
  return firstLine.length > 120 ? `${firstLine.slice(0, 120)}…` : firstLine;
}

/** Builds the sentence the page shows when `requested` could not be used and `used` runs instead. */
export function fallbackMessage(requested: BackendName, probe: BackendProbe | undefined, used: BackendName): string {
  const name = requested === 'webgl' ? 'WebGL' : BACKEND_LABELS[requested];
  return `${name} is not available here (${shortReason(probe?.error)}); running on ${used}.`;
}

/**
 * Selects a backend. A named choice is tried first and kept if it works. With `auto`, or
 * when the named choice fails, every backend is probed and the fastest that works is kept.
 * Throws only when no backend works at all.
 */
export async function selectBackend(
  tf: TensorFlow,
  choice: BackendChoice,
  probe: (tf: TensorFlow, backend: BackendName) => Promise<BackendProbe> = probeBackend,
  onProbe?: (done: number, total: number, backend: BackendName) => void,
): Promise<BackendSelection> {
  const probes: BackendProbe[] = [];
  if (choice !== 'auto') {
    onProbe?.(0, 1, choice);
    const first = await probe(tf, choice);
    probes.push(first);
    if (first.ok) return { backend: choice, probes };
  }

  const remaining = BACKEND_NAMES.filter((name) => !probes.some((p) => p.backend === name));
  for (const [index, name] of remaining.entries()) {
    onProbe?.(index, remaining.length, name);
    probes.push(await probe(tf, name));
  }
  const best = fastestProbe(probes);
  if (!best) {
    const reasons = probes.map((p) => `${p.backend}: ${shortReason(p.error)}`).join('; ');
    throw new Error(`No TensorFlow.js backend works here (${reasons}).`);
  }
  const error = await activateBackend(tf, best.backend);
  if (error) throw new Error(`${best.backend} worked while probing but failed to reactivate: ${error}`);

  const result: BackendSelection = { backend: best.backend, probes };
  if (choice !== 'auto') {
    result.fallback = fallbackMessage(choice, probes[0], best.backend);
  } else {
    const webgl = probes.find((p) => p.backend === 'webgl');
    if (webgl && !webgl.ok) result.fallback = `${fallbackMessage('webgl', webgl, best.backend)} It was the fastest of the others.`;
  }
  return result;
}

/** Reads the backend choice from a URL query value; an invalid value becomes `auto` with a notice. */
export function parseBackendChoice(raw: string | null, key = BACKEND_URL_KEY): { value: BackendChoice; notice?: Notice } {
  if (raw === null) return { value: 'auto' };
  const text = raw.trim().toLowerCase();
  const match = BACKEND_CHOICES.find((choice) => choice === text);
  if (match) return { value: match };
  const given = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  return { value: 'auto', notice: { key, given, used: 'auto', reason: `not one of ${BACKEND_CHOICES.join(', ')}; the default is used` } };
}
