/**
 * Timed runs of the tiny model: warm-up passes excluded, each phase read back inside its
 * timed region. The statistics live in stats.ts, which pages import without the model.
 */
import type { CrossKv } from './decoder';
import { DECODER_START_ID, disposeCrossKv, disposeState, type FidoModel } from './model';
import type { PhaseKernels } from './protocol';
import type { Tensor, Tensor2D, Tf as TensorFlow } from './tf';
import { columnMedians, defaultClock, elapsedSeconds, median, type ClockMs, type RepeatOptions } from './stats';

export {
  columnMedians,
  elapsedSeconds,
  median,
  summarize,
  timeRepeated,
  type ClockMs,
  type RepeatOptions,
  type Summary,
} from './stats';
export type { PhaseKernels };

// Timed runs of the tiny model ------------------------------------------------------------

/** Callbacks of a timed pass, called as each time is measured; warm-up passes call none. */
export interface PassObserver {
  phase(phase: 'encoder' | 'projection', repeat: number, seconds: number): void;
  step(repeat: number, step: number, seconds: number, token: number): void | Promise<void>;
  /** Called after each timed pass, outside every timed region. */
  afterPass?(repeat: number): Promise<void>;
}

export interface TimedRun {
  encoderSamples: number[];
  projectionSamples: number[];
  /** `steps[repeat][step]` in seconds. */
  steps: number[][];
  encoderSeconds: number;
  projectionSeconds: number;
  stepSeconds: number[];
  decoderSeconds: number;
  tokens: number[];
  leakedTensors: number;
}

/**
 * Reads back one element of `tensor`. Backends run kernels in order, so this waits for
 * every kernel queued before it (on WebGL too) without timing a large download.
 */
async function settle(tf: TensorFlow, tensor: Tensor): Promise<void> {
  const first = tf.tidy(() => tf.slice(tf.reshape(tensor, [-1]), [0], [1]));
  try {
    await first.data();
  } finally {
    first.dispose();
  }
}

function lastCrossTensor(crossKv: CrossKv): Tensor {
  for (let i = crossKv.layers.length - 1; i >= 0; i--) {
    const layer = crossKv.layers[i];
    if (layer) return layer.values;
  }
  return crossKv.keyBias;
}

/**
 * Runs one greedy pass: encoder, cross-attention key/value projection, then `steps` decoder
 * steps, each phase timed up to the readback of its result. Returns the tokens and the
 * seconds; disposes every tensor it creates.
 */
async function timedPass(
  tf: TensorFlow,
  model: FidoModel,
  ids: Tensor2D,
  steps: number,
  clock: ClockMs,
  report: Pick<PassObserver, 'phase' | 'step'> | null,
  repeat: number,
  span: (start: number, end: number) => number = elapsedSeconds,
): Promise<{ encoderSeconds: number; projectionSeconds: number; stepSeconds: number[]; tokens: number[] }> {
  let start = clock();
  const encoded = model.encode(ids);
  let crossKv: CrossKv;
  let encoderSeconds: number;
  try {
    await settle(tf, encoded);
    encoderSeconds = span(start, clock());
    report?.phase('encoder', repeat, encoderSeconds);
    start = clock();
    crossKv = model.projectCrossKv(encoded, ids);
  } finally {
    encoded.dispose();
  }

  const stepSeconds: number[] = [];
  const tokens: number[] = [];
  let state = model.initialState(crossKv);
  try {
    await settle(tf, lastCrossTensor(crossKv));
    const projectionSeconds = span(start, clock());
    report?.phase('projection', repeat, projectionSeconds);
    let token = DECODER_START_ID;
    for (let step = 0; step < steps; step++) {
      start = clock();
      const { logits, state: next } = model.decodeStep(state, token);
      disposeState(state);
      state = next;
      try {
        token = await model.greedyToken(logits);
      } finally {
        logits.dispose();
      }
      const seconds = span(start, clock());
      stepSeconds.push(seconds);
      tokens.push(token);
      await report?.step(repeat, step, seconds, token);
    }
    return { encoderSeconds, projectionSeconds, stepSeconds, tokens };
  } finally {
    disposeState(state);
    disposeCrossKv(crossKv);
  }
}

/**
 * Runs the model `warmups + repeats` times on the same input and reports each timed phase
 * and step as it is measured. The medians in the result cover the timed repeats only.
 */
export async function timeModel(
  tf: TensorFlow,
  model: FidoModel,
  inputIds: Int32Array,
  options: RepeatOptions,
  observer: PassObserver,
  clock: ClockMs = defaultClock,
): Promise<TimedRun> {
  const before = tf.memory().numTensors;
  const steps = model.config.targetTokens;
  const ids = model.inputTensor(inputIds);
  const encoderSamples: number[] = [];
  const projectionSamples: number[] = [];
  const rows: number[][] = [];
  let tokens: number[] = [];
  try {
    for (let i = 0; i < options.warmups; i++) await timedPass(tf, model, ids, steps, clock, null, i - options.warmups);
    for (let repeat = 0; repeat < options.repeats; repeat++) {
      const pass = await timedPass(tf, model, ids, steps, clock, observer, repeat);
      encoderSamples.push(pass.encoderSeconds);
      projectionSamples.push(pass.projectionSeconds);
      rows.push(pass.stepSeconds);
      if (repeat === 0) tokens = pass.tokens;
      await observer.afterPass?.(repeat);
    }
  } finally {
    ids.dispose();
  }
  const stepSeconds = columnMedians(rows);
  return {
    encoderSamples,
    projectionSamples,
    steps: rows,
    encoderSeconds: median(encoderSamples),
    projectionSeconds: median(projectionSamples),
    stepSeconds,
    decoderSeconds: stepSeconds.reduce((sum, seconds) => sum + seconds, 0),
    tokens,
    leakedTensors: tf.memory().numTensors - before,
  };
}

// Kernel counts of the same regions ------------------------------------------------------

/**
 * Counts the kernels dispatched inside each timed region of one untimed pass. Every
 * TensorFlow.js op reaches its backend through the engine's `runKernel`, so the count
 * wraps that method for the length of the pass and reads it where `timedPass` reads the
 * clock: the regions are the timed ones by construction, readbacks and disposals are not
 * kernels. The wrapper is removed before the function returns; two counts must not overlap.
 */
export async function countKernels(tf: TensorFlow, model: FidoModel, inputIds: Int32Array): Promise<PhaseKernels> {
  const counter = watchKernels(tf);
  const ids = model.inputTensor(inputIds);
  try {
    const pass = await timedPass(tf, model, ids, model.config.targetTokens, counter.count, null, 0, (start, end) => end - start);
    return { encoder: pass.encoderSeconds, projection: pass.projectionSeconds, steps: pass.stepSeconds };
  } finally {
    counter.stop();
    ids.dispose();
  }
}

/** Kernel dispatch count from `watchKernels`, and the call that removes the wrapper. */
export interface KernelWatch {
  count: () => number;
  stop: () => void;
}

/** Wraps the engine's `runKernel` to count dispatches until `stop` restores the original. */
export function watchKernels(tf: TensorFlow): KernelWatch {
  const engine = tf.engine();
  const own = Object.prototype.hasOwnProperty.call(engine, 'runKernel');
  const original = engine.runKernel;
  let dispatched = 0;
  engine.runKernel = function (this: typeof engine, ...args: Parameters<typeof original>) {
    dispatched++;
    return original.apply(this, args);
  } as typeof original;
  return {
    count: () => dispatched,
    stop: () => {
      if (own) engine.runKernel = original;
      else delete (engine as { runKernel?: unknown }).runKernel;
    },
  };
}
