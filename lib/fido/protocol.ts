/**
 * Messages between the /live page and the model worker (lib/fido/worker.ts).
 *
 * The page sends requests, and the worker replies with a stream of events that carry the id of
 * the request they belong to. Every event that reports a time names the backend that
 * actually ran it. Both sides validate what they receive with `parseRequest` and
 * `parseEvent`, because a worker message is untyped data at run time.
 */
import type { Config } from '../config/config';
import type { StackDims } from '../config/models';
import { CONFIG_FIELDS, describeNoticeOutcome, type Field } from '../config/schema';
import { addNotice, LONG_QUERY_NOTICE_KEY, normalizeConfig, type Notice } from '../config/url';

export { oneNoticePerKey } from '../config/url';
import { TINY_LIMITS } from './presets';
import { MIN_VOCAB_SIZE } from './vocabulary';

export const BACKEND_NAMES = ['webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** A backend choice of the reader: a backend by name, or `auto` for the fastest that works. */
export const BACKEND_CHOICES = ['auto', ...BACKEND_NAMES] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

export const VARIANTS = ['fid', 'fido'] as const;
export type Variant = (typeof VARIANTS)[number];

export const PHASES = ['encoder', 'projection', 'decoder'] as const;
/** Encoder, cross-attention key/value projection, and all decoder steps together. */
export type Phase = (typeof PHASES)[number];

/** Result of trying one backend: whether it initialised and how fast a small matmul ran. */
export interface BackendProbe {
  backend: BackendName;
  ok: boolean;
  /** Median seconds of the probe matmul, readback included; absent when `ok` is false. */
  medianSeconds?: number;
  /** Reason the backend could not be used; absent when `ok` is true. */
  error?: string;
}

/** Attainable rates measured by the calibration microbenchmarks on one backend. */
export interface DeviceMeasurement {
  backend: BackendName;
  matmul: {
    /** Side n of the square matmul (n x n) · (n x n). */
    size: number;
    flops: number;
    samplesSeconds: number[];
    medianSeconds: number;
    flopsPerSecond: number;
  };
  bandwidth: {
    /** Elements of each float32 operand of the elementwise add. */
    elements: number;
    /** Adds chained inside one timed sample. */
    chainedAdds: number;
    /** Bytes read and written by one timed sample: per add, two operands read and one result written. */
    bytes: number;
    samplesSeconds: number[];
    medianSeconds: number;
    bytesPerSecond: number;
  };
  /** A one-row matmul [1, n] · [n, n], taking `matrices` matrices in turn so none stays in cache. */
  matvec: {
    /** Side n of each matrix. */
    size: number;
    matrices: number;
    /** Bytes of the matrix, the vector and the result. */
    bytes: number;
    samplesSeconds: number[];
    medianSeconds: number;
    bytesPerSecond: number;
  };
  /**
   * Fixed time of one kernel in the best case: a chain of small dependent kernels with one
   * readback, over its length. The page shows it for comparison, and predictions use `probe`.
   */
  dispatch: {
    /** Kernel kinds of one cycle of the chain (calibrate.ts `LAUNCH_MIX`). */
    mix: string[];
    /** Kernels in one timed chain. */
    chainedOps: number;
    samplesSeconds: number[];
    medianSeconds: number;
    secondsPerKernel: number;
  };
  /**
   * Fixed time of one kernel of a decoding step: the tiny decoder at negligible sizes
   * (launchProbe.ts), its decoder seconds per pass over the kernels of one pass.
   */
  probe: {
    /** Decoder kernels of one pass. */
    kernels: number;
    /** Decoder seconds of each timed pass. */
    samplesSeconds: number[];
    /** Decoder seconds of one pass as runs report them: the sum of each step's median. */
    medianSeconds: number;
    secondsPerKernel: number;
  };
}

/** Kernels each timed region of one pass launches: encoder, projection, each decoder step. */
export interface PhaseKernels {
  encoder: number;
  projection: number;
  /** Kernels of each decoder step, step 0 first, the greedy token's argmax included. */
  steps: number[];
}

/**
 * Launch time and matrix-vector bandwidth measured between the timed passes of a run
 * (launchProbe.ts `createRunSampler`), so they describe the device as the run found it.
 */
export interface RunDevice {
  /** Launch-probe passes timed, and the decoder kernels of one. */
  probePasses: number;
  probeKernels: number;
  /** Probe decoder seconds as runs report them (the sum of each step's median) over `probeKernels`. */
  secondsPerKernel: number;
  /** Matrix-vector products timed, each [1, n] · [n, n] with a matrix read from memory. */
  matvecProducts: number;
  matvecBytesPerSecond: number;
}

/** Times of one variant, each the median over the timed repeats, warm-up runs excluded. */
export interface RunResult {
  variant: Variant;
  backend: BackendName;
  config: Config;
  seed: number;
  warmups: number;
  repeats: number;
  encoderSeconds: number;
  projectionSeconds: number;
  /** Median seconds of each decoder step, step 0 first. */
  stepSeconds: number[];
  /** Sum of the per-step medians. */
  decoderSeconds: number;
  /** Greedy output, identical in every repeat because the weights and input are fixed. */
  tokens: number[];
  tokenTexts: string[];
  /** Tensors alive after the run minus before it: 0 when nothing leaked. */
  leakedTensors: number;
  /** Kernels launched in each timed region, counted in one untimed pass (timing.ts `countKernels`). */
  kernels: PhaseKernels;
  /** Device figures measured between the timed passes; predictions use them when present. */
  duringRun?: RunDevice;
}

export type WorkerRequest =
  /** Load TensorFlow.js and select a backend. Must come first; may be sent again to switch. */
  | { type: 'init'; id: number; backend: BackendChoice; wasmPath: string }
  /** Measure attainable FLOP/s and bandwidth on the active backend. */
  | { type: 'calibrate'; id: number }
  /** Build the tiny model for `config` and time it. */
  | { type: 'run'; id: number; variant: Variant; config: Config; seed: number; warmups: number; repeats: number };

export type WorkerEvent =
  | {
      type: 'backend';
      id: number;
      requested: BackendChoice;
      backend: BackendName;
      probes: BackendProbe[];
      /** Shown to the reader when the requested backend could not be used. */
      fallback?: string;
    }
  | { type: 'progress'; id: number; done: number; total: number; label: string }
  | { type: 'calibration'; id: number; measurement: DeviceMeasurement }
  | { type: 'phase'; id: number; variant: Variant; backend: BackendName; phase: 'encoder' | 'projection'; repeat: number; seconds: number }
  | {
      type: 'step';
      id: number;
      variant: Variant;
      backend: BackendName;
      /** 0-based timed repeat; warm-up runs send no events. */
      repeat: number;
      step: number;
      seconds: number;
      token: number;
      text: string;
    }
  | { type: 'done'; id: number; result: RunResult }
  | { type: 'error'; id: number; message: string };

type Check<T> = { ok: true; value: T } | { ok: false; error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown, min = 0): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}

function isSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isOneOf<T extends string>(choices: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (choices as readonly string[]).includes(value);
}

/** Shallow check that a value has the numeric and named fields a `Config` needs. */
function isConfigShape(value: unknown): value is Config {
  if (!isRecord(value)) return false;
  const counts = ['passages', 'passageTokens', 'targetTokens', 'batchSize', 'crossAttentionPeriod', 'vocabSize'];
  if (!counts.every((key) => isCount(value[key], 1))) return false;
  if (!isCount(value.kvHeads) || !isCount(value.firstK)) return false;
  for (const stack of ['encoderCustom', 'decoderCustom']) {
    const dims = value[stack];
    if (!isRecord(dims)) return false;
    if (!['dModel', 'dFf', 'heads', 'dKv', 'layers'].every((key) => isCount(dims[key], 1))) return false;
  }
  return typeof value.encoderSize === 'string' && typeof value.decoderSize === 'string';
}

/** Validates a request received by the worker. */
export function parseRequest(data: unknown): Check<WorkerRequest> {
  if (!isRecord(data)) return { ok: false, error: 'request is not an object' };
  if (!isCount(data.id)) return { ok: false, error: `request id ${String(data.id)} is not a whole number` };
  switch (data.type) {
    case 'init':
      if (!isOneOf(BACKEND_CHOICES, data.backend)) {
        return { ok: false, error: `backend ${String(data.backend)} is not one of ${BACKEND_CHOICES.join(', ')}` };
      }
      if (typeof data.wasmPath !== 'string' || !data.wasmPath.endsWith('/')) {
        return { ok: false, error: `wasmPath ${String(data.wasmPath)} must be a folder path ending in /` };
      }
      return { ok: true, value: data as WorkerRequest };
    case 'calibrate':
      return { ok: true, value: data as WorkerRequest };
    case 'run':
      if (!isOneOf(VARIANTS, data.variant)) return { ok: false, error: `variant ${String(data.variant)} is not fid or fido` };
      if (!isConfigShape(data.config)) return { ok: false, error: 'config is missing fields or has invalid values' };
      if (!isCount(data.seed)) return { ok: false, error: `seed ${String(data.seed)} is not a whole number` };
      if (!isCount(data.warmups)) return { ok: false, error: `warmups ${String(data.warmups)} is not a whole number` };
      if (!isCount(data.repeats, 1)) return { ok: false, error: `repeats ${String(data.repeats)} must be at least 1` };
      return { ok: true, value: data as WorkerRequest };
    default:
      return { ok: false, error: `unknown request type ${String(data.type)}` };
  }
}

/** Validates an event received by the page; timings must be finite and non-negative. */
export function parseEvent(data: unknown): Check<WorkerEvent> {
  if (!isRecord(data)) return { ok: false, error: 'event is not an object' };
  if (!isCount(data.id)) return { ok: false, error: `event id ${String(data.id)} is not a whole number` };
  const backendOk = isOneOf(BACKEND_NAMES, data.backend);
  switch (data.type) {
    case 'backend':
      if (!backendOk || !Array.isArray(data.probes)) return { ok: false, error: 'backend event without a backend or probes' };
      return { ok: true, value: data as WorkerEvent };
    case 'progress':
      if (!isCount(data.done) || !isCount(data.total) || typeof data.label !== 'string') {
        return { ok: false, error: 'progress event without done, total and label' };
      }
      return { ok: true, value: data as WorkerEvent };
    case 'calibration':
      if (!isRecord(data.measurement) || !isOneOf(BACKEND_NAMES, data.measurement.backend)) {
        return { ok: false, error: 'calibration event without a measurement' };
      }
      return { ok: true, value: data as WorkerEvent };
    case 'phase':
      if (!backendOk || !isOneOf(VARIANTS, data.variant) || !isSeconds(data.seconds) || !isCount(data.repeat)) {
        return { ok: false, error: 'phase event needs a variant, a backend, a repeat and non-negative seconds' };
      }
      if (data.phase !== 'encoder' && data.phase !== 'projection') return { ok: false, error: `unknown phase ${String(data.phase)}` };
      return { ok: true, value: data as WorkerEvent };
    case 'step':
      if (!backendOk || !isOneOf(VARIANTS, data.variant) || !isSeconds(data.seconds)) {
        return { ok: false, error: 'step event needs a variant, a backend and non-negative seconds' };
      }
      if (!isCount(data.step) || !isCount(data.repeat) || !isCount(data.token) || typeof data.text !== 'string') {
        return { ok: false, error: 'step event needs step, repeat, token and text' };
      }
      return { ok: true, value: data as WorkerEvent };
    case 'done':
      if (!isRecord(data.result) || !isOneOf(BACKEND_NAMES, data.result.backend)) {
        return { ok: false, error: 'done event without a result labelled with its backend' };
      }
      return { ok: true, value: data as WorkerEvent };
    case 'error':
      if (typeof data.message !== 'string') return { ok: false, error: 'error event without a message' };
      return { ok: true, value: data as WorkerEvent };
    default:
      return { ok: false, error: `unknown event type ${String(data.type)}` };
  }
}

/** Returns the FiD baseline of a configuration: every decoder layer cross-attends, with multi-head keys and values. */
export function fidVariant(config: Config): Config {
  return { ...config, crossAttentionPeriod: 1, kvHeads: 0 };
}

/** Returns the configuration a variant runs: FiD drops FiDO's K and g, FiDO keeps them. */
export function variantConfig(config: Config, variant: Variant): Config {
  return variant === 'fid' ? fidVariant(config) : config;
}

export const BACKEND_LABELS: Record<BackendName, string> = {
  webgl: 'WebGL',
  wasm: 'WebAssembly',
  cpu: 'plain JavaScript (cpu)',
};

const DIM_URL_SUFFIX: Record<keyof StackDims, string> = { dModel: 'd', dFf: 'ff', heads: 'h', dKv: 'dkv', layers: 'l' };
const WORKLOAD_URL_KEY = { passages: 'passages', passageTokens: 'ptokens', targetTokens: 'ttokens' } as const;

/**
 * Makes any configuration runnable by the tiny model: custom sizes, every dimension and
 * workload size within `TINY_LIMITS`, fp32, batch 1, and fields consistent with each other
 * (`normalizeConfig`). Each change is reported as a notice naming the URL key (with
 * `prefix`), the value given and the value used, so a hand-edited link explains itself.
 * A change to a key that `earlier` (the URL's own notices) already names is folded into that
 * notice, so the reader sees one line per key: the value typed and the value finally used.
 */
export function clampTinyConfig(input: Config, prefix = '', earlier: readonly Notice[] = []): { config: Config; notices: Notice[] } {
  const notices: Notice[] = earlier.map((notice) => ({ ...notice }));
  const config: Config = { ...input, encoderCustom: { ...input.encoderCustom }, decoderCustom: { ...input.decoderCustom } };

  for (const stack of ['encoder', 'decoder'] as const) {
    const sizeKey = stack === 'encoder' ? 'encoderSize' : 'decoderSize';
    const dimsKey = stack === 'encoder' ? 'encoderCustom' : 'decoderCustom';
    const urlStack = stack === 'encoder' ? 'enc' : 'dec';
    if (config[sizeKey] !== 'custom') {
      addNotice(notices, {
        key: prefix + urlStack,
        given: config[sizeKey],
        used: 'custom',
        reason: `the live model runs only tiny custom sizes, so the ${stack} dimensions below are used`,
      });
      config[sizeKey] = 'custom';
    }
    const dims = config[dimsKey];
    for (const dim of Object.keys(DIM_URL_SUFFIX) as (keyof StackDims)[]) {
      const limit = TINY_LIMITS[dim];
      if (dims[dim] > limit.max) {
        addNotice(notices, {
          key: prefix + urlStack + DIM_URL_SUFFIX[dim],
          given: String(dims[dim]),
          used: String(limit.max),
          reason: `above the tiny model's limit ${limit.max}: ${limit.reason}`,
        });
        dims[dim] = limit.max;
      }
    }
  }

  for (const key of Object.keys(WORKLOAD_URL_KEY) as (keyof typeof WORKLOAD_URL_KEY)[]) {
    const limit = TINY_LIMITS[key];
    if (config[key] > limit.max) {
      addNotice(notices, {
        key: prefix + WORKLOAD_URL_KEY[key],
        given: String(config[key]),
        used: String(limit.max),
        reason: `above the tiny model's limit ${limit.max}: ${limit.reason}`,
      });
      config[key] = limit.max;
    }
  }

  const vocabulary = Math.min(Math.max(config.vocabSize, MIN_VOCAB_SIZE), TINY_LIMITS.vocabSize.max);
  if (vocabulary !== config.vocabSize) {
    addNotice(notices, {
      key: prefix + 'vocab',
      given: String(config.vocabSize),
      used: String(vocabulary),
      reason: `the tiny model's vocabulary has ${MIN_VOCAB_SIZE} to ${TINY_LIMITS.vocabSize.max} entries`,
    });
    config.vocabSize = vocabulary;
  }

  // The tiny model runs one question in fp32, so the cost model evaluates the same.
  config.precision = 'fp32';
  config.batchSize = 1;

  refitKvHeads(config, notices, prefix + 'kv', input.decoderCustom.heads);
  const normalized = normalizeConfig(config, notices, prefix);
  // A refitted g notice with no range problem of its own starts empty: normalizing either
  // fills it (", and …") or leaves it empty when the refitted g is used as given.
  const finalNotices = normalized.notices
    .filter((n) => n.reason !== '')
    .map((n) => (n.reason.startsWith(REASON_JOIN) ? { ...n, reason: n.reason.slice(REASON_JOIN.length) } : n));
  return { config: normalized.config, notices: finalNotices };
}

/** Text `addNotice` puts between an earlier reason and a new one. */
const REASON_JOIN = ', and ';

/**
 * Reads g again from its notice's given value when the tiny limit lowered the decoder
 * heads. Reading the URL fitted g to the heads given there (`?dech=1e9&kv=1e9` gave
 * multi-head of 256 heads), so its notice named heads the model does not have. The
 * normalizing that follows fits g to the heads used and reports that instead. A given
 * value that is not a number keeps its notice, because its default needs no refit.
 */
function refitKvHeads(config: Config, notices: Notice[], key: string, headsGiven: number): void {
  const index = notices.findIndex((n) => n.key === key && !n.reason.startsWith('given '));
  if (index < 0 || config.decoderCustom.heads === headsGiven) return;
  const field = CONFIG_FIELDS.find((f) => f.key === 'kv') as unknown as Field<number>;
  const { value, reason = '' } = field.parse(notices[index].given, config.kvHeads);
  if (reason.startsWith('not a number')) return;
  config.kvHeads = value;
  notices[index] = { ...notices[index], used: String(value), reason };
}

/** A URL notice on the live page, with `fromDefault` set when the link did not contain its key. */
export interface LiveNotice extends Notice {
  fromDefault?: boolean;
}

/**
 * Marks each notice whose key is missing from the query `search`. Such a value was the
 * page's default, changed to fit other settings (`?decl=1` lowers the default K of 2 to
 * 1), so the notice must not say that the link gave it.
 */
export function markDefaultNotices(notices: readonly Notice[], search: string): LiveNotice[] {
  const params = new URLSearchParams(search);
  const fromLink = (notice: Notice) => params.has(notice.key) || notice.key === LONG_QUERY_NOTICE_KEY;
  return notices.map((notice) => (fromLink(notice) ? { ...notice } : { ...notice, fromDefault: true }));
}

/** Describes a notice after its key: "given 4096, used 64 (…)" or "the default 2 was lowered to 1 (…)". */
export function describeLiveNotice(notice: LiveNotice): string {
  if (!notice.fromDefault) {
    return `given ${notice.given}, ${describeNoticeOutcome(notice)} (${notice.reason})`;
  }
  if (notice.used === null) return `the default ${notice.given} is ignored (${notice.reason})`;
  const change = Number(notice.used) < Number(notice.given) ? 'lowered' : 'changed';
  return `the default ${notice.given} was ${change} to ${notice.used} (${notice.reason})`;
}
