/**
 * The tiny FiD / FiDO model at a long-input setting (64 passages of 64 tokens, d_model 128),
 * on the wasm backend in Node and in headless Chromium (/live, driven by Playwright):
 * FiDO's measured decoder speedup beside the cost model's prediction for the calibrated
 * device, measured against predicted decoder time (the roofline alone, and the calibrated
 * prediction: decoder bytes at the measured matrix-vector bandwidth plus the counted kernels
 * times the measured launch time of one kernel), encoder throughput as a share of the
 * calibrated matmul rate, and the page's longest main-thread task while the worker runs.
 */
import { chromium, type Page } from '@playwright/test';
import playwrightConfig from '../playwright.config';
import type { Config } from '../lib/config/config';
import { loadTensorFlow } from '../lib/fido/backends';
import {
  compareSpeedup,
  DEFAULT_CALIBRATION,
  deviceConfig,
  launchCalibration,
  LAUNCH_MIX,
  measureDevice,
  onDevice,
  predictPhases,
  predictRun,
} from '../lib/fido/calibrate';
import {
  createFidoModel,
  encodeInput,
  SAMPLE_PASSAGES,
  SAMPLE_QUESTION,
  TINY_FIDO_CONFIG,
} from '../lib/fido';
import { fidVariant, type DeviceMeasurement, type RunDevice, type RunResult, type Variant } from '../lib/fido/protocol';
import { createRunSampler, timeLaunchProbe } from '../lib/fido/launchProbe';
import { countKernels, timeModel, type PhaseKernels } from '../lib/fido/timing';
import { formatMilliseconds, markdownTable } from './report';
import type { BenchContext, BenchResult } from './types';

/** Tiny FiDO's dimensions (d_model 128, 4 layers each) at 64 passages of 64 tokens. */
const FIDO: Config = { ...TINY_FIDO_CONFIG, passages: 64, passageTokens: 64 };
const FID: Config = fidVariant(FIDO);
const SEED = 1;
const WARMUPS = 1;
const REPEATS = 9;

const DECODER_TOLERANCE = 0.3;
const ENCODER_SHARE_TARGET = 0.5;
const LONG_TASK_TARGET_MS = 50;
const PAGE_TIMEOUT_MS = 300_000;

interface Measured {
  where: string;
  measurement: DeviceMeasurement;
  fid: RunResult;
  fido: RunResult;
  /**
   * Long tasks on the page's main thread during the race (Chromium only): the longest in wall
   * time, how many exceeded the target, and the main thread's busy CPU time over the race.
   */
  longTasks?: { maxMs: number; overTarget: number; count: number; raceMs: number; mainThreadCpuMs: number };
  /** Whether the page was cross-origin isolated, which sets the timer resolution (Chromium only). */
  crossOriginIsolated?: boolean;
}

// ---- Node ----------------------------------------------------------------------

function runResult(variant: Variant, config: Config, timed: Awaited<ReturnType<typeof timeModel>>, kernels: PhaseKernels, duringRun: RunDevice): RunResult {
  return {
    variant,
    backend: 'wasm',
    config,
    seed: SEED,
    warmups: WARMUPS,
    repeats: REPEATS,
    encoderSeconds: timed.encoderSeconds,
    projectionSeconds: timed.projectionSeconds,
    stepSeconds: timed.stepSeconds,
    decoderSeconds: timed.decoderSeconds,
    tokens: timed.tokens,
    tokenTexts: [],
    leakedTensors: timed.leakedTensors,
    kernels,
    duringRun,
  };
}

async function measureInNode(): Promise<Measured> {
  const tf = await loadTensorFlow();
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend failed to initialise in Node');
  await tf.ready();

  const measurement = await measureDevice(tf, timeLaunchProbe);
  const results: Partial<Record<Variant, RunResult>> = {};
  for (const [variant, config] of [['fid', FID], ['fido', FIDO]] as const) {
    // As the page's worker does (lib/fido/worker.ts `run`): the sampler measures between timed passes.
    const sampler = await createRunSampler(tf, DEFAULT_CALIBRATION);
    const model = createFidoModel(tf, config, SEED);
    try {
      const inputIds = encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config);
      const observer = { phase: () => {}, step: () => {}, afterPass: () => sampler.sample() };
      const timed = await timeModel(tf, model, inputIds, { warmups: WARMUPS, repeats: REPEATS }, observer);
      if (timed.leakedTensors !== 0) throw new Error(`the ${variant} run leaked ${timed.leakedTensors} tensors`);
      results[variant] = runResult(variant, config, timed, await countKernels(tf, model, inputIds), sampler.result());
    } finally {
      model.dispose();
      sampler.dispose();
    }
  }
  return {
    where: 'Node.js, wasm',
    measurement,
    fid: results.fid!,
    fido: results.fido!,
  };
}

// ---- Chromium --------------------------------------------------------------------

declare global {
  interface Window {
    __longTasks?: { start: number; duration: number }[];
  }
}

async function seconds(page: Page, variant: Variant, phase: string, kind: 'measured' | 'predicted'): Promise<number> {
  const cell = page.locator(`td[data-variant="${variant}"][data-phase="${phase}"][data-kind="${kind}"]`);
  return Number(await cell.getAttribute('data-seconds'));
}

async function kernels(page: Page, variant: Variant, phase: string): Promise<number> {
  const cell = page.locator(`td[data-variant="${variant}"][data-phase="${phase}"][data-kind="launch"]`);
  return Number(await cell.getAttribute('data-kernels'));
}

/** Reads the device figures a run's prediction used, which the page lists under the phase table. */
async function pageDuringRun(page: Page, variant: Variant): Promise<RunDevice> {
  const note = page.getByTestId(`during-run-${variant}`);
  return {
    probePasses: REPEATS * DEFAULT_CALIBRATION.runProbePasses,
    probeKernels: Number.NaN,
    secondsPerKernel: Number(await note.getAttribute('data-seconds-per-kernel')),
    matvecProducts: REPEATS * DEFAULT_CALIBRATION.runMatvecProducts,
    matvecBytesPerSecond: Number(await note.getAttribute('data-bytes-per-second')),
  };
}

async function pageResult(page: Page, variant: Variant, config: Config): Promise<RunResult> {
  return {
    variant,
    backend: 'wasm',
    config,
    seed: SEED,
    warmups: WARMUPS,
    repeats: REPEATS,
    encoderSeconds: await seconds(page, variant, 'encoder', 'measured'),
    projectionSeconds: await seconds(page, variant, 'projection', 'measured'),
    stepSeconds: [],
    decoderSeconds: await seconds(page, variant, 'decoder', 'measured'),
    tokens: [],
    tokenTexts: [],
    leakedTensors: 0,
    // The page shows the decoder's kernels summed over its steps; phase totals need no more.
    kernels: {
      encoder: await kernels(page, variant, 'encoder'),
      projection: await kernels(page, variant, 'projection'),
      steps: [await kernels(page, variant, 'decoder')],
    },
    duringRun: await pageDuringRun(page, variant),
  };
}

async function measureInChromium(baseUrl: string): Promise<Measured> {
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    // threadTicks makes TaskDuration the main thread's CPU time rather than its wall time.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const busyMs = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
    };
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks!.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });

    const query = `passages=${FIDO.passages}&ptokens=${FIDO.passageTokens}&k=${FIDO.crossAttentionPeriod}&kv=${FIDO.kvHeads}&backend=wasm&repeats=${REPEATS}`;
    await page.goto(`${baseUrl}/live/?${query}`);
    const status = page.getByTestId('status');
    await status.and(page.locator('[data-activity="finished"], [data-activity="failed"]')).waitFor({ timeout: PAGE_TIMEOUT_MS });
    if ((await status.getAttribute('data-activity')) === 'failed') throw new Error(`calibration failed: ${await status.innerText()}`);

    const calibration = page.getByTestId('calibration');
    const flopsPerSecond = Number(await calibration.getAttribute('data-flops-per-second'));
    const bytesPerSecond = Number(await calibration.getAttribute('data-bytes-per-second'));
    const secondsPerKernel = Number(await page.getByTestId('launch').getAttribute('data-seconds-per-kernel'));
    const chainSecondsPerKernel = Number(await page.getByTestId('launch-chain').getAttribute('data-seconds-per-kernel'));
    const matvecBytesPerSecond = Number(await page.getByTestId('matvec').getAttribute('data-bytes-per-second'));
    const backendText = await page.getByTestId('backend').innerText();
    if (!backendText.includes('Running on wasm')) throw new Error(`expected the wasm backend, the page says: ${backendText}`);

    const busyBefore = await busyMs();
    const raceStart = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Race both' }).click();
    await status.and(page.locator('[data-activity="running"]')).waitFor({ timeout: PAGE_TIMEOUT_MS });
    await status.and(page.locator('[data-activity="finished"], [data-activity="failed"]')).waitFor({ timeout: PAGE_TIMEOUT_MS });
    const raceEnd = await page.evaluate(() => performance.now());
    const mainThreadCpuMs = (await busyMs()) - busyBefore;
    if ((await status.getAttribute('data-activity')) === 'failed') throw new Error(`the race failed: ${await status.innerText()}`);

    const tasks = (await page.evaluate(() => window.__longTasks ?? [])).filter((t) => t.start >= raceStart && t.start <= raceEnd);
    const isolated = await page.evaluate(() => window.crossOriginIsolated);
    if (errors.length) throw new Error(`page errors during the race: ${errors.join('; ')}`);

    const measurement: DeviceMeasurement = {
      backend: 'wasm',
      matmul: { size: 0, flops: 0, samplesSeconds: [], medianSeconds: 0, flopsPerSecond },
      bandwidth: { elements: 0, chainedAdds: 0, bytes: 0, samplesSeconds: [], medianSeconds: 0, bytesPerSecond },
      matvec: { size: 0, matrices: 0, bytes: 0, samplesSeconds: [], medianSeconds: 0, bytesPerSecond: matvecBytesPerSecond },
      dispatch: { mix: [], chainedOps: 0, samplesSeconds: [], medianSeconds: 0, secondsPerKernel: chainSecondsPerKernel },
      probe: { kernels: 0, samplesSeconds: [], medianSeconds: 0, secondsPerKernel },
    };
    return {
      where: 'Chromium, wasm in a Web Worker',
      measurement,
      fid: await pageResult(page, 'fid', FID),
      fido: await pageResult(page, 'fido', FIDO),
      crossOriginIsolated: isolated,
      longTasks: {
        maxMs: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
        overTarget: tasks.filter((t) => t.duration > LONG_TASK_TARGET_MS).length,
        count: tasks.length,
        raceMs: raceEnd - raceStart,
        mainThreadCpuMs,
      },
    };
  } finally {
    await browser.close();
  }
}

// ---- Report ----------------------------------------------------------------------

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(0)}%`;
}

function ratio(value: number): string {
  return `${value.toFixed(2)}×`;
}

function rate(flopsPerSecond: number, unit: string): string {
  return `${(flopsPerSecond / 1e9).toFixed(2)} G${unit}`;
}

interface Figures {
  where: string;
  rows: string[][];
  misses: string[];
  longTasks?: Measured['longTasks'];
  crossOriginIsolated?: boolean;
}

function figures(measured: Measured): Figures {
  const device = deviceConfig(FIDO, measured.measurement);
  const calibration = launchCalibration(measured.measurement);
  const speedup = compareSpeedup(measured.fid, measured.fido, device, calibration);
  const misses: string[] = [];
  const launchChain = DEFAULT_CALIBRATION.dispatchCycles * LAUNCH_MIX.length;
  const size = DEFAULT_CALIBRATION.matvecSize;
  const rows: string[][] = [
    ['Calibrated matmul rate', rate(measured.measurement.matmul.flopsPerSecond, 'FLOP/s'), '', ''],
    ['Calibrated add bandwidth (the roofline-only prediction)', rate(measured.measurement.bandwidth.bytesPerSecond, 'B/s'), '', ''],
    [`Calibrated matrix-vector bandwidth, [1, ${size}] · [${size}, ${size}] over ${DEFAULT_CALIBRATION.matvecMatrices} matrices in turn`, rate(calibration.matvecBytesPerSecond, 'B/s'), '', ''],
    [
      `Calibrated kernel launch in a decoding step (the tiny decoder at widths of 8, median of ${DEFAULT_CALIBRATION.probeRepeats} passes, over its kernels)`,
      `${(calibration.secondsPerKernel * 1e6).toFixed(1)} µs`,
      '',
      '',
    ],
    [
      `Best-case kernel launch, for comparison (${launchChain} chained small kernels of ${LAUNCH_MIX.length} kinds, median of ${DEFAULT_CALIBRATION.dispatchRepeats}, over ${launchChain})`,
      `${(measured.measurement.dispatch.secondsPerKernel * 1e6).toFixed(1)} µs`,
      '',
      '',
    ],
    ['FiDO decoder speedup over FiD, measured', ratio(speedup.measuredDecoder), '', ''],
    ['FiDO decoder speedup, roofline only', ratio(speedup.predictedDecoder), '', ''],
    ['FiDO decoder speedup, calibrated prediction', ratio(speedup.predictedDecoderCalibrated), '', ''],
  ];

  for (const result of [measured.fid, measured.fido]) {
    const name = result.variant === 'fid' ? 'FiD' : 'FiDO';
    const { decoder } = predictRun(result, device, calibration);
    const during = result.duringRun;
    if (during) {
      rows.push([
        `${name} run: kernel launch and matrix-vector bandwidth measured between its timed passes (${during.probePasses} probe passes, ${during.matvecProducts} products), used by its prediction`,
        `${(during.secondsPerKernel * 1e6).toFixed(1)} µs, ${rate(during.matvecBytesPerSecond, 'B/s')}`,
        '',
        '',
      ]);
    }
    rows.push([`${name} decoder kernels, counted over ${result.config.targetTokens} steps`, `${decoder.kernels}`, '', '']);
    const rooflineOver = result.decoderSeconds / decoder.rooflineSeconds;
    rows.push([
      `${name} decoder, measured / roofline only, no launch term (${formatMilliseconds(result.decoderSeconds)} / ${formatMilliseconds(decoder.rooflineSeconds)})`,
      ratio(rooflineOver),
      '',
      'reference',
    ]);
    const over = result.decoderSeconds / decoder.seconds;
    const met = Math.abs(over - 1) <= DECODER_TOLERANCE;
    rows.push([
      `${name} decoder, measured / predicted for this device: matrix-vector roofline ${formatMilliseconds(decoder.calibratedRooflineSeconds)} + ` +
        `launches ${formatMilliseconds(decoder.launchSeconds)} (${formatMilliseconds(result.decoderSeconds)} / ${formatMilliseconds(decoder.seconds)})`,
      ratio(over),
      `within ±${percent(DECODER_TOLERANCE)}`,
      met ? 'met' : `missed: ${percent(Math.abs(over - 1))} off`,
    ]);
    if (!met) misses.push(`${name} decoder ${ratio(over)} its prediction for this device`);
  }

  const encoder = predictPhases(onDevice(FID, device)).encoder;
  for (const result of [measured.fid, measured.fido]) {
    const name = result.variant === 'fid' ? 'FiD' : 'FiDO';
    const share = encoder.flops / result.encoderSeconds / measured.measurement.matmul.flopsPerSecond;
    const met = share >= ENCODER_SHARE_TARGET;
    rows.push([
      `${name} encoder throughput / calibrated matmul rate (${formatMilliseconds(result.encoderSeconds)} for ${(encoder.flops / 1e9).toFixed(2)} GFLOP)`,
      percent(share),
      `≥ ${percent(ENCODER_SHARE_TARGET)}`,
      met ? 'met' : `missed by ${percent(ENCODER_SHARE_TARGET - share)} of the rate`,
    ]);
    if (!met) misses.push(`${name} encoder at ${percent(share)} of the matmul rate`);
  }

  if (measured.longTasks) {
    const { maxMs, overTarget, count, raceMs, mainThreadCpuMs } = measured.longTasks;
    const met = overTarget === 0;
    rows.push(
      [
        `Longest main-thread task during the race (${count} long tasks of 50 ms or more)`,
        `${maxMs.toFixed(0)} ms`,
        `none over ${LONG_TASK_TARGET_MS} ms`,
        met ? 'met' : `missed: ${overTarget} over, the longest by ${(maxMs - LONG_TASK_TARGET_MS).toFixed(0)} ms`,
      ],
      [`Main-thread CPU time during the ${(raceMs / 1000).toFixed(1)} s race (DevTools Performance metrics)`, `${mainThreadCpuMs.toFixed(0)} ms`, '', ''],
    );
    if (!met) misses.push(`${overTarget} main-thread tasks over ${LONG_TASK_TARGET_MS} ms`);
  }

  return { where: measured.where, rows, misses, longTasks: measured.longTasks, crossOriginIsolated: measured.crossOriginIsolated };
}

function browserIsolated(all: Figures[]): boolean {
  return all.some((f) => f.crossOriginIsolated === true);
}

function explanation(node: Measured, all: Figures[]): string {
  const misses = all.flatMap((f) => f.misses.map((m) => `${f.where}: ${m}`));
  const lines = [misses.length === 0 ? 'Every target was met.' : `Targets missed: ${misses.join('; ')}.`, ''];

  lines.push(
    'Decoder predictions. The roofline-only figure is the cost model on the calibrated device with nothing else: each',
    'operation costs its FLOPs at the matmul rate or its bytes at the add bandwidth, whichever takes longer, and',
    'nothing to start. It is a reference, not the prediction, because a tiny decoding step on wasm spends most of its',
    'time starting kernels, which no roofline contains. The prediction for this device adds two measurements of the',
    "device, neither taken from the model's own timings. The decoder's bytes move at the bandwidth of a one-row matmul",
    `against a 16 MiB matrix that is not in cache, with ${DEFAULT_CALIBRATION.matvecMatrices} such matrices taken in turn. A decoding step reads`,
    'its weights and cached keys and values that way. Every kernel the decoder steps launch adds the launch time of',
    'one kernel within a decoding step. The kernels are counted in the timed regions of one extra untimed pass. The',
    'launch time comes from the tiny decoder at widths of 8 and one passage of 16 tokens, timed per kernel. That probe',
    'is the same for both variants and every setting, so it is a figure of the device. Both figures drift over seconds',
    `on a shared machine, so they are measured again between the timed passes of each variant: ${DEFAULT_CALIBRATION.runProbePasses} probe passes and`,
    `${DEFAULT_CALIBRATION.runMatvecProducts} products after each pass. The variant's prediction uses those, and the calibration's figures are listed beside them. The predicted`,
    "speedup divides the two predictions, each with its own run's figures. The best case,",
    `a chain of small dependent kernels of ${LAUNCH_MIX.length} common kinds (${LAUNCH_MIX.join(', ')}), is listed`,
    'for comparison. Nothing is fitted to the runs. What remains is kernels that run faster or slower than those rates',
    '(cache effects, operand shapes) and kernels that cost more or less to launch than the probe.',
    '',
    'On wasm, XNNPACK rearranges a matmul\'s right operand into its own layout the first time it is used. The',
    'projection phase triggers that for every cached key and value tensor with a zero-row product (0 FLOPs), so the',
    'rearrangement is timed in the projection, which builds the cache once per input, and not in the first',
    'decoding step. The decoder figures above therefore leave it out, as they leave out the projection itself.',
    '',
  );
  const tasks = all.find((f) => f.longTasks)?.longTasks;
  if (tasks && tasks.overTarget > 0) {
    lines.push(
      `Responsiveness: the page's main thread was busy for ${tasks.mainThreadCpuMs.toFixed(0)} ms of CPU time over the`,
      `${(tasks.raceMs / 1000).toFixed(1)} s race (the model runs in the worker; the page renders streamed times at most ten`,
      'times a second). Long tasks are measured in wall time, so on a machine with more runnable threads than cores a',
      'short render waits for a core and can exceed 50 ms. The load average below tells whether that was the case;',
      'on an idle machine rerun the bench before reading this figure as the page blocking.',
      '',
    );
  }
  lines.push(
    'The encoder target compares a whole transformer stack (matmuls 128 to 256 wide, attention within 64-token',
    'passages, norms, GELU and softmax) with one large square matmul, the best case of the backend. Its attention is',
    'a batched matmul (P·h = 256 products of 64 × 32 by 32 × 64 per layer). The wasm backend of TensorFlow.js 4.22',
    'runs batched products in a scalar loop, at about 2 GFLOP/s on the 2-core AMD EPYC that ran this bench, a tenth of',
    'the square matmul rate. So on wasm both attention products run on the model\'s own kernel',
    '(lib/fido/kernels/batchMatMul.wat, WebAssembly SIMD on the backend\'s memory), which reached the square matmul',
    'rate when timed alone. Every other matmul is TensorFlow.js\'s own. Other programs running on the machine lower',
    'every figure, and not always equally for the calibration and the runs measured after it; the load average below',
    'shows how busy the machine was.',
    '',
    'Chromium timing: the worker reports each step to the page after the step\'s time is taken, so messaging and',
    'rendering fall outside the timed regions, as in Node. scripts/serve.mjs sends the headers that make the page',
    'cross-origin isolated, which gives performance.now() a 5 µs step instead of 100 µs. ' +
      `In this run the page was ${browserIsolated(all) ? '' : 'not '}cross-origin isolated.`,
  );
  return lines.join('\n');
}

export default async function run(context: BenchContext): Promise<BenchResult> {
  const node = await measureInNode();
  const browser = await measureInChromium(context.baseUrl);
  const all = [figures(node), figures(browser)];

  const sections = all.map((f) => [`### ${f.where}`, '', markdownTable(['Figure', 'Value', 'Target', 'Verdict'], f.rows)].join('\n'));
  const markdown = [
    `Setting: tiny FiD and tiny FiDO with d_model 128, d_ff 256, 4 heads of 32 and 4 layers in encoder and decoder, ` +
      `${FIDO.passages} passages of ${FIDO.passageTokens} tokens, ${FIDO.targetTokens} generated tokens. FiDO keeps cross-attention ` +
      `only in decoder layers i with (i + 1) % ${FIDO.crossAttentionPeriod} = 0 and has ${FIDO.kvHeads} key/value head. ` +
      'Same input and seed for both.',
    '',
    'Method: the wasm backend (SIMD, one thread). The device is calibrated first. A square matmul of up to 1024 and ' +
      'chained adds over 16 MiB buffers each take the median of 5 runs after 2 warm-ups. ' +
      `The [1, ${DEFAULT_CALIBRATION.matvecSize}] · [${DEFAULT_CALIBRATION.matvecSize}, ${DEFAULT_CALIBRATION.matvecSize}] matrix-vector product takes ` +
      `${DEFAULT_CALIBRATION.matvecMatrices} matrices in turn, with the median of 20 products after 4. ` +
      `A chain of ${DEFAULT_CALIBRATION.dispatchCycles * LAUNCH_MIX.length} small dependent kernels, read back once, takes the median of ` +
      `${DEFAULT_CALIBRATION.dispatchRepeats} chains after ${DEFAULT_CALIBRATION.dispatchWarmups}. ` +
      `The launch probe, the tiny decoder at widths of 8, takes the median of ${DEFAULT_CALIBRATION.probeRepeats} passes after ${DEFAULT_CALIBRATION.probeWarmups}. ` +
      `Then FiD and FiDO each run ${WARMUPS} untimed warm-up pass and ${REPEATS} timed passes. ` +
      'Every phase is timed up to the readback of its result and reported as the median. ' +
      'Predictions are the cost model on the calibrated device (fp32, batch 1, efficiencies 100%), shown alone and calibrated. ' +
      'The calibrated prediction moves the decoder bytes at the matrix-vector bandwidth and adds the counted kernels times ' +
      'the launch time. Both figures are measured again between the timed passes of each variant (lib/fido/calibrate.ts predictRun). ' +
      'In Node the model runs in-process (lib/fido/timing.ts). In Chromium, Playwright opens /live, presses Race both and ' +
      'reads the figures the page shows, while a PerformanceObserver records main-thread long tasks (50 ms or more) during the race.',
    '',
    ...sections.flatMap((s) => [s, '']),
    explanation(node, all),
  ].join('\n');
  return { title: 'Tiny FiD and FiDO on this machine (wasm, Node and Chromium)', markdown };
}
