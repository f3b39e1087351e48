/**
 * The model worker: loads TensorFlow.js (dynamically, so no page carries it), selects a
 * backend, calibrates the device and times the tiny FiD / FiDO model, measuring the device
 * again between timed passes, and posts every phase and step time as it is measured. Requests are handled one at a time in arrival order.
 * The page cancels by terminating this worker, so nothing here needs to check for it.
 */
import { loadTensorFlow, selectBackend, type TensorFlow } from './backends';
import { CALIBRATION_STEPS, DEFAULT_CALIBRATION, measureDevice } from './calibrate';
import { createRunSampler, timeLaunchProbe } from './launchProbe';
import { createFidoModel } from './model';
import { clampTinyConfig, parseRequest, type BackendName, type WorkerEvent, type WorkerRequest } from './protocol';
import { SAMPLE_PASSAGES, SAMPLE_QUESTION } from './sample';
import { countKernels, timeModel } from './timing';
import { encodeInput } from './tokenizer';
import { pieceOf, SPACE_PIECE } from './vocabulary';

const scope = self as unknown as DedicatedWorkerGlobalScope;

let tf: TensorFlow | null = null;
let queue: Promise<void> = Promise.resolve();

function post(event: WorkerEvent): void {
  scope.postMessage(event);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function requireTensorFlow(): TensorFlow {
  if (!tf) throw new Error('TensorFlow.js is not loaded yet: send an init request first.');
  return tf;
}

async function init(request: Extract<WorkerRequest, { type: 'init' }>): Promise<void> {
  tf ??= await loadTensorFlow(request.wasmPath);
  const loaded = tf;
  const selection = await selectBackend(loaded, request.backend, undefined, (done, total, backend) =>
    post({ type: 'progress', id: request.id, done, total, label: `trying ${backend}` }),
  );
  post({
    type: 'backend',
    id: request.id,
    requested: request.backend,
    backend: loaded.getBackend() as BackendName,
    probes: selection.probes,
    fallback: selection.fallback,
  });
}

async function calibrate(request: Extract<WorkerRequest, { type: 'calibrate' }>): Promise<void> {
  const loaded = requireTensorFlow();
  const measurement = await measureDevice(loaded, timeLaunchProbe, DEFAULT_CALIBRATION, (done, label) =>
    post({ type: 'progress', id: request.id, done, total: CALIBRATION_STEPS, label }),
  );
  post({ type: 'calibration', id: request.id, measurement });
}

async function run(request: Extract<WorkerRequest, { type: 'run' }>): Promise<void> {
  const loaded = requireTensorFlow();
  const { config } = clampTinyConfig(request.config);
  const { id, variant, seed, warmups, repeats } = request;
  const backend = loaded.getBackend() as BackendName;
  const steps = config.targetTokens;
  const total = repeats * steps;

  post({ type: 'progress', id, done: 0, total, label: warmups ? `${warmups} warm-up run${warmups > 1 ? 's' : ''} (not timed)` : 'starting' });
  const sampler = await createRunSampler(loaded, DEFAULT_CALIBRATION);
  let model: ReturnType<typeof createFidoModel> | null = null;
  try {
    model = createFidoModel(loaded, config, seed);
    const inputIds = encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config);
    const timed = await timeModel(loaded, model, inputIds, { warmups, repeats }, {
      phase(phase, repeat, seconds) {
        post({ type: 'phase', id, variant, backend, phase, repeat, seconds });
      },
      step(repeat, step, seconds, token) {
        const text = pieceOf(token).replaceAll(SPACE_PIECE, ' ');
        post({ type: 'step', id, variant, backend, repeat, step, seconds, token, text });
        post({ type: 'progress', id, done: repeat * steps + step + 1, total, label: `timed run ${repeat + 1} of ${repeats}` });
      },
      afterPass: () => sampler.sample(),
    });
    const kernels = await countKernels(loaded, model, inputIds);
    post({
      type: 'done',
      id,
      result: {
        variant,
        backend,
        config,
        seed,
        warmups,
        repeats,
        encoderSeconds: timed.encoderSeconds,
        projectionSeconds: timed.projectionSeconds,
        stepSeconds: timed.stepSeconds,
        decoderSeconds: timed.decoderSeconds,
        tokens: timed.tokens,
        tokenTexts: timed.tokens.map((token) => pieceOf(token).replaceAll(SPACE_PIECE, ' ')),
        leakedTensors: timed.leakedTensors,
        kernels,
        duringRun: sampler.result(),
      },
    });
  } finally {
    model?.dispose();
    sampler.dispose();
  }
}

async function handle(data: unknown): Promise<void> {
  const parsed = parseRequest(data);
  if (!parsed.ok) {
    console.error(`model worker: invalid request: ${parsed.error}`);
    const id = typeof (data as { id?: unknown })?.id === 'number' ? (data as { id: number }).id : 0;
    post({ type: 'error', id, message: `Invalid request to the model worker: ${parsed.error}` });
    return;
  }
  const request = parsed.value;
  try {
    if (request.type === 'init') await init(request);
    else if (request.type === 'calibrate') await calibrate(request);
    else await run(request);
  } catch (error) {
    console.error(`model worker: ${request.type} request ${request.id} failed:`, error);
    post({ type: 'error', id: request.id, message: errorMessage(error) });
  }
}

scope.onmessage = (message: MessageEvent) => {
  queue = queue.then(() => handle(message.data));
};
