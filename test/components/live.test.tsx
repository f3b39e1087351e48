import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { LiveBench } from '@/components/live/LiveBench';
import { stepTable } from '@/components/live/StepChart';
import { encodeCsv } from '@/lib/charts/export';
import type { WorkerLike } from '@/components/live/workerClient';
import { TINY_FIDO_CONFIG, TINY_FID_CONFIG, TINY_LIMITS } from '@/lib/fido';
import { deviceConfig, estimateRun, estimateSampling, launchCalibration } from '@/lib/fido/calibrate';
import { formatDuration } from '@/components/live/RunEstimate';
import type { BackendName, DeviceMeasurement, RunDevice, RunResult, WorkerEvent, WorkerRequest } from '@/lib/fido/protocol';

const MEASUREMENT: DeviceMeasurement = {
  backend: 'wasm',
  matmul: { size: 512, flops: 2 * 512 ** 3, samplesSeconds: [0.01], medianSeconds: 0.01, flopsPerSecond: (2 * 512 ** 3) / 0.01 },
  bandwidth: { elements: 2 ** 22, chainedAdds: 4, bytes: 3 * 4 * 2 ** 24, samplesSeconds: [0.02], medianSeconds: 0.02, bytesPerSecond: (3 * 4 * 2 ** 24) / 0.02 },
  matvec: { size: 2048, matrices: 4, bytes: (2048 ** 2 + 2 * 2048) * 4, samplesSeconds: [0.001], medianSeconds: 0.001, bytesPerSecond: ((2048 ** 2 + 2 * 2048) * 4) / 0.001 },
  dispatch: { mix: ['matMul', 'add'], chainedOps: 200, samplesSeconds: [0.004], medianSeconds: 0.004, secondsPerKernel: 2e-5 },
  probe: { kernels: 3000, samplesSeconds: [0.09], medianSeconds: 0.09, secondsPerKernel: 3e-5 },
};

/**
 * A stand-in for the model worker. Init and calibrate reply at once; a run waits until
 * the test streams its steps with `step` and ends it with `finish`.
 */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly requests: WorkerRequest[] = [];
  terminated = false;

  /** Backend of the events this worker sends: the one it was built with, then the one it initialised. */
  constructor(
    private backend: BackendName,
    private readonly fallback?: string,
    private readonly measurement: DeviceMeasurement = MEASUREMENT,
  ) {}

  postMessage(request: WorkerRequest): void {
    this.requests.push(request);
    queueMicrotask(() => {
      if (request.type === 'init') {
        const backend = request.backend === 'auto' || this.fallback ? this.backend : request.backend;
        this.backend = backend;
        this.emit({ type: 'backend', id: request.id, requested: request.backend, backend, probes: [{ backend, ok: true, medianSeconds: 0.001 }], fallback: this.fallback });
      } else if (request.type === 'calibrate') {
        this.emit({ type: 'progress', id: request.id, done: 1, total: 3, label: 'timing a matmul' });
        this.emit({ type: 'calibration', id: request.id, measurement: { ...this.measurement, backend: this.backend } });
      }
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  emit(event: WorkerEvent): void {
    if (this.terminated) return;
    act(() => this.onmessage?.({ data: event } as MessageEvent));
  }

  /** Returns the run request the page is waiting on. */
  pendingRun(): Extract<WorkerRequest, { type: 'run' }> {
    const runs = this.requests.filter((r): r is Extract<WorkerRequest, { type: 'run' }> => r.type === 'run');
    return runs[runs.length - 1];
  }

  step(step: number, seconds: number, text: string, repeat = 0): void {
    const run = this.pendingRun();
    if (step === 0 && repeat === 0) {
      this.emit({ type: 'phase', id: run.id, variant: run.variant, backend: this.backend, phase: 'encoder', repeat, seconds: 0.02 });
      this.emit({ type: 'phase', id: run.id, variant: run.variant, backend: this.backend, phase: 'projection', repeat, seconds: 0.002 });
    }
    this.emit({ type: 'step', id: run.id, variant: run.variant, backend: this.backend, repeat, step, seconds, token: 100 + step, text });
  }

  finish(stepSeconds: number[], duringRun?: RunDevice): void {
    const run = this.pendingRun();
    const result: RunResult = {
      variant: run.variant,
      backend: this.backend,
      config: run.config,
      seed: run.seed,
      warmups: run.warmups,
      repeats: run.repeats,
      encoderSeconds: 0.02,
      projectionSeconds: 0.002,
      stepSeconds,
      decoderSeconds: stepSeconds.reduce((a, b) => a + b, 0),
      tokens: stepSeconds.map((_, i) => 100 + i),
      tokenTexts: stepSeconds.map(() => 'x'),
      leakedTensors: 0,
      // FiD launches more kernels per step than FiDO, as the real counts do.
      kernels: { encoder: 150, projection: 20, steps: stepSeconds.map(() => (run.variant === 'fid' ? 400 : 250)) },
      ...(duringRun ? { duringRun } : {}),
    };
    this.emit({ type: 'done', id: run.id, result });
  }
}

function setup(query: string, options: { backend?: BackendName; fallback?: string; embedded?: boolean; measurement?: DeviceMeasurement } = {}) {
  window.history.replaceState(null, '', `/live/${query}`);
  const workers: FakeWorker[] = [];
  const factory = () => {
    const worker = new FakeWorker(options.backend ?? 'wasm', options.fallback, options.measurement);
    workers.push(worker);
    return worker;
  };
  render(<LiveBench workerFactory={factory} embedded={options.embedded} />);
  return workers;
}

/** The page's query with its keys in alphabetical order. */
function sortedQuery(): string {
  const params = new URLSearchParams(window.location.search);
  params.sort();
  return params.toString();
}

/** Waits for the status bar's activity. Five seconds, because the suite shares 2 cores with TensorFlow.js tests. */
async function waitForActivity(activity: string) {
  await waitFor(() => expect(screen.getByTestId('status')).toHaveAttribute('data-activity', activity), { timeout: 5000 });
}

beforeEach(() => {
  window.history.replaceState(null, '', '/live/');
});

describe('LiveBench', () => {
  it('says the weights are random', async () => {
    setup('');
    expect(screen.getByText(/Its weights are random \(drawn from the seed\), so the generated text is meaningless/)).toBeInTheDocument();
    await waitForActivity('finished');
  });

  it('labels every control with a value and unit', async () => {
    setup('');
    expect(screen.getByRole('slider', { name: 'Encoder d_model' })).toHaveValue(String(TINY_FID_CONFIG.encoderCustom.dModel));
    expect(screen.getByRole('slider', { name: 'Decoder layers' })).toHaveAttribute('aria-valuetext', `${TINY_FID_CONFIG.decoderCustom.layers} layers`);
    expect(screen.getByRole('slider', { name: 'Passages P' })).toHaveAttribute('aria-valuetext', `${TINY_FID_CONFIG.passages} passages`);
    expect(screen.getByRole('slider', { name: 'FiD-Light first-k' })).toHaveAttribute('aria-valuetext', 'off (all vectors)');
    expect(screen.getByRole('combobox', { name: 'Decoder key/value heads g' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'TensorFlow.js backend' })).toHaveValue('auto');
    expect(screen.getByRole('slider', { name: 'Timed runs per model' })).toHaveAttribute('aria-valuetext', '5 runs + 1 warm-up');
    await waitForActivity('finished');
  });

  it('uses the singular for one of a kind', async () => {
    setup('?passages=1&decl=1&dech=1&k=2');
    const notice = await screen.findByText(/Some values in the link were changed/);
    expect(notice.parentElement).toHaveTextContent('the decoder has 1 layer,');
    expect(screen.getByText(/1 passage of 64 tokens each/)).toHaveTextContent('(the first of the 6 invented passages)');
    expect(screen.getByText('1 of 1 head')).toBeInTheDocument();
    await waitForActivity('finished');
  });

  it('says a default K was lowered, not given', async () => {
    setup('?decl=1');
    const notice = await screen.findByText(/Some defaults were changed to fit the link/);
    const items = within(notice.parentElement!).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('k: the default 2 was lowered to 1 (the decoder has 1 layer,');
    expect(items[0]).not.toHaveTextContent('given');
    await waitForActivity('finished');
  });

  it('says a K from the link was lowered', async () => {
    setup('?decl=1&k=2');
    const notice = await screen.findByText(/Some values in the link were changed/);
    expect(notice.parentElement).toHaveTextContent('k: given 2, used 1 (the decoder has 1 layer,');
    await waitForActivity('finished');
  });

  it('writes a moved slider to the URL', async () => {
    setup('');
    await waitForActivity('finished');
    fireEvent.change(screen.getByRole('slider', { name: 'Target tokens n_t' }), { target: { value: '8' } });
    expect(screen.getByRole('slider', { name: 'Target tokens n_t' })).toHaveAttribute('aria-valuetext', '8 tokens');
    await waitFor(() => expect(window.location.search).toBe('?ttokens=8'));
    await waitForActivity('finished');
  });

  it('clamps a huge width with a notice', async () => {
    setup('?encd=4096');
    const notice = await screen.findByText(/Some values in the link were changed/);
    expect(notice.parentElement).toHaveTextContent(`encd: given 4096, used ${TINY_LIMITS.dModel.max}`);
    expect(screen.getByRole('slider', { name: 'Encoder d_model' })).toHaveValue(String(TINY_LIMITS.dModel.max));
    await waitFor(() => expect(window.location.search).toBe(`?encd=${TINY_LIMITS.dModel.max}`));
    await waitForActivity('finished');
  });

  it('keeps the input when a preset sets the model', async () => {
    setup('?passages=4&ptokens=16&ttokens=3&encd=64&k=3');
    await waitForActivity('finished');
    fireEvent.click(screen.getByRole('button', { name: `Tiny FiDO (K = ${TINY_FIDO_CONFIG.crossAttentionPeriod}, g = ${TINY_FIDO_CONFIG.kvHeads})` }));

    expect(screen.getByRole('slider', { name: 'Passages P' })).toHaveValue('4');
    expect(screen.getByRole('slider', { name: 'Cross-attention period K' })).toHaveValue(String(TINY_FIDO_CONFIG.crossAttentionPeriod));
    expect(screen.getByRole('slider', { name: 'Encoder d_model' })).toHaveValue(String(TINY_FIDO_CONFIG.encoderCustom.dModel));
    await waitFor(() => expect(window.location.search).toBe('?passages=4&ptokens=16&ttokens=3'));
  });

  it('reports an empty key as given', async () => {
    setup('?=4&%20=1');
    const notice = await screen.findByText(/Some values in the link were changed/);
    const items = within(notice.parentElement!).getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual([
      '(empty key): given 4, ignored (not a setting of this page; check the spelling)',
      '" ": given 1, ignored (not a setting of this page; check the spelling)',
    ]);
    await waitForActivity('finished');
  });

  it('reports misspelt keys', async () => {
    setup('?passage=4&seed=3&heads=2&passage=5');
    const notice = await screen.findByText(/Some values in the link were changed/);
    const items = within(notice.parentElement!).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'passage: given 4, ignored (not a setting of this page; check the spelling)',
      'heads: given 2, ignored (not a setting of this page; check the spelling)',
    ]);
    expect(screen.getByRole('slider', { name: 'Passages P' })).toHaveValue(String(TINY_FIDO_CONFIG.passages));
    await waitForActivity('finished');
  });

  it('reports a link cut at its length limit', async () => {
    setup(`?x=${'x'.repeat(8200)}&passages=4`);
    const notice = await screen.findByText(/Some values in the link were changed/);
    // No whole key=value pair fits in the limit, so nothing is read and `x` is not listed.
    const items = within(notice.parentElement!).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent(
      'link length: given 8,214 characters, used 0 characters (a link is read up to its last whole key=value pair within 8,192 characters, so every key after it was ignored)',
    );
    expect(screen.getByRole('slider', { name: 'Passages P' })).toHaveValue(String(TINY_FIDO_CONFIG.passages));
    await waitForActivity('finished');
  });

  it('reports one notice per key with the value typed and the value used', async () => {
    setup('?encd=999999');
    const notice = await screen.findByText(/Some values in the link were changed/);
    const items = within(notice.parentElement!).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent(`encd: given 999999, used ${TINY_LIMITS.dModel.max}`);
    await waitForActivity('finished');
  });

  it('reports a repeated key once', async () => {
    setup('?passages=-99999&passages=1e9');
    const notice = await screen.findByText(/Some values in the link were changed/);
    const items = within(notice.parentElement!).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('passages: given -99999, 1e9, used 1');
    expect(items[0]).toHaveTextContent('given 2 times; the first value is used');
    await waitForActivity('finished');
  });

  it.each([
    ['-99999', '1', 'below the minimum 1'],
    ['1e9', '20', 'above the maximum 20'],
    ['2.6', '3', 'rounded to a whole number'],
    ['many', '5', 'not a number; the default is used'],
  ])('clamps repeats=%s to %s', async (given, used, reason) => {
    setup(`?repeats=${given}`);
    const notice = await screen.findByText(/Some values in the link were changed/);
    expect(notice.parentElement).toHaveTextContent(`repeats: given ${given}, used ${used} (${reason})`);
    await waitForActivity('finished');
  });

  it('rewrites a malformed link to the values used', async () => {
    setup('?encd=999999&k=abc&kv=3&backend=evil&repeats=0');
    await screen.findByText(/Some values in the link were changed/);
    await waitFor(() => expect(sortedQuery()).toBe(`encd=${TINY_LIMITS.dModel.max}&kv=2&repeats=1`));
    await waitForActivity('finished');
  });

  it('rewrites a link whose values disagree with each other', async () => {
    setup('?decd=8&dech=3&decdkv=1&kv=2&firstk=999&ptokens=4');
    const notice = await screen.findByText(/Some values in the link were changed/);
    expect(notice.parentElement).toHaveTextContent('firstk: given 999, used 4');
    expect(notice.parentElement).toHaveTextContent('kv: given 2, used 1');
    await waitFor(() => expect(sortedQuery()).toBe('decd=8&decdkv=4&dech=3&firstk=4&ptokens=4'));
    await waitForActivity('finished');
  });

  it('reports an invalid backend in the URL', async () => {
    setup('?backend=tpu');
    const notice = await screen.findByText(/Some values in the link were changed/);
    expect(notice.parentElement).toHaveTextContent('backend: given tpu, used auto');
    await waitForActivity('finished');
  });

  it('describes the device roofline in sentences', async () => {
    setup('?backend=cpu', { backend: 'cpu' });
    await waitForActivity('finished');
    const chart = await screen.findByRole('img', { name: /^Phases of the tiny model, measured\./ });
    const label = chart.getAttribute('aria-label')!;
    expect(label).toMatch(/^Phases of the tiny model, measured\. TensorFlow\.js cpu on this device: /);
    expect(label.match(/this device/g)).toHaveLength(1);
  });

  it('calibrates on the requested backend at load', async () => {
    const workers = setup('?backend=cpu', { backend: 'cpu' });
    await waitForActivity('finished');
    expect(workers[0].requests[0]).toMatchObject({ type: 'init', backend: 'cpu', wasmPath: '/tfjs-wasm/' });
    expect(screen.getByTestId('backend')).toHaveTextContent('Running on cpu');
    expect(screen.getByTestId('calibration')).toHaveTextContent('Calibrated on cpu');
    // The prediction's launch time comes from the probe; the chain is shown as the best case.
    expect(screen.getByTestId('launch')).toHaveTextContent('Kernel launch: 30 µs');
    expect(screen.getByTestId('launch-chain')).toHaveTextContent('Best case: 20 µs');
    const link = screen.getByRole('link', { name: 'Open this device in the playground' });
    const params = new URL(link.getAttribute('href')!, 'http://127.0.0.1').searchParams;
    expect(params.get('hw')).toBe('custom');
    expect(Number(params.get('peak')) * 1e12).toBeCloseTo(MEASUREMENT.matmul.flopsPerSecond, 0);
    expect(Number(params.get('bw')) * 1e9).toBeCloseTo(MEASUREMENT.bandwidth.bytesPerSecond, 0);
  });

  it('gives the playground link the default memory and says so', async () => {
    setup('?backend=cpu', { backend: 'cpu' });
    await waitForActivity('finished');
    const link = screen.getByRole('link', { name: 'Open this device in the playground' });
    const params = new URL(link.getAttribute('href')!, 'http://127.0.0.1').searchParams;
    expect(Number(params.get('mem')) * 1e9).toBeCloseTo(4e9, 0);
    expect(link.parentElement).toHaveTextContent('4 GB of memory, as this browser does not report its own');
  });

  it('converts the reported GiB of memory for the playground link', async () => {
    Object.defineProperty(navigator, 'deviceMemory', { value: 8, configurable: true });
    try {
      setup('?backend=cpu', { backend: 'cpu' });
      await waitForActivity('finished');
      const link = screen.getByRole('link', { name: 'Open this device in the playground' });
      const params = new URL(link.getAttribute('href')!, 'http://127.0.0.1').searchParams;
      expect(Number(params.get('mem')) * 1e9 / 2 ** 30).toBeCloseTo(8, 2);
      expect(link.parentElement).toHaveTextContent('as this browser reports it');
    } finally {
      delete (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
    }
  });

  it('shows the fallback from WebGL', async () => {
    setup('?backend=webgl', { backend: 'wasm', fallback: 'WebGL is not available here (no context); running on wasm.' });
    expect(await screen.findByRole('alert')).toHaveTextContent('WebGL is not available here (no context); running on wasm.');
    expect(screen.getByTestId('backend')).toHaveTextContent('Running on wasm');
    await waitForActivity('finished');
  });

  it('disables the step chart exports before a run', async () => {
    const workers = setup('?ttokens=1&k=2&kv=1&repeats=1');
    await waitForActivity('finished');
    const csv = screen.getByRole('button', { name: 'Save the numbers of Time per generated token as CSV' });
    expect(csv).toBeDisabled();
    expect(csv).toHaveAccessibleDescription('Nothing to save yet: run a model to measure its steps.');
    expect(screen.getByRole('button', { name: 'Save Time per generated token as SVG' })).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: 'Run FiD' }));
    await waitFor(() => expect(workers[0].pendingRun()).toMatchObject({ variant: 'fid' }));
    workers[0].step(0, 0.004, ' tide');
    await waitFor(() => expect(csv).toBeEnabled());
    expect(csv).not.toHaveAccessibleDescription();
    workers[0].finish([0.004]);
    await waitForActivity('finished');
  });

  it('names every column of the step table', () => {
    const table = stepTable([{ key: 'fid-measured', label: 'Tiny FiD, measured on wasm', seconds: [0.004, 0.005], color: '#000' }], 2);
    expect(table.columns).toEqual(['Step', 'Tiny FiD, measured on wasm (s)']);
    expect(encodeCsv(table, 'http://127.0.0.1/live/').split('\r\n')[0]).toBe('Step,"Tiny FiD, measured on wasm (s)"');
  });

  it('streams tokens and step times of a race', async () => {
    const workers = setup('?ttokens=3&k=2&kv=1&repeats=3&seed=42');
    await waitForActivity('finished');
    fireEvent.click(screen.getByRole('button', { name: 'Race both' }));
    await waitForActivity('running');
    const worker = workers[0];
    await waitFor(() => expect(worker.pendingRun()).toMatchObject({ variant: 'fid' }));
    expect(worker.pendingRun().config.crossAttentionPeriod).toBe(1);
    expect(worker.pendingRun().config.kvHeads).toBe(0);
    expect(worker.pendingRun()).toMatchObject({ repeats: 3, warmups: 1, seed: 42 });

    // Events reach the page once per animation frame, so each check waits for the next render.
    worker.step(0, 0.004, ' tide');
    await waitFor(() => expect(screen.getByTestId('tokens-fid')).toHaveTextContent('·tide'));
    expect(screen.getByText(/Tiny FiD output/).parentElement).toHaveTextContent('(1 of 3 tokens, on wasm)');
    expect(screen.getByRole('img', { name: /Tiny FiD, measured on wasm: 1 step, median 4 ms per step/ })).toBeInTheDocument();

    worker.step(1, 0.006, ' clock');
    expect(await screen.findByRole('img', { name: /Tiny FiD, measured on wasm: 2 steps, median 5 ms per step/ })).toBeInTheDocument();
    worker.step(2, 0.005, '?');
    worker.finish([0.004, 0.006, 0.005]);

    await waitFor(() => expect(worker.pendingRun()).toMatchObject({ variant: 'fido' }));
    const fidRun = worker.requests.find((r) => r.type === 'run' && r.variant === 'fid') as Extract<WorkerRequest, { type: 'run' }>;
    expect(worker.pendingRun().seed).toBe(fidRun.seed);
    expect(worker.pendingRun().config.passages).toBe(fidRun.config.passages);
    expect(worker.pendingRun().config.crossAttentionPeriod).toBe(2);
    expect(worker.pendingRun().config.kvHeads).toBe(1);

    worker.step(0, 0.002, ' a');
    worker.step(1, 0.002, ' b');
    worker.step(2, 0.002, ' c');
    worker.finish([0.002, 0.002, 0.002]);
    await waitForActivity('finished');

    const speedups = within(screen.getByTestId('speedups'));
    expect(speedups.getByText('Decoder speedup, measured').nextElementSibling).toHaveTextContent('2.5×');
    expect(speedups.getByText('Decoder speedup, roofline only').nextElementSibling?.textContent).toMatch(/^\d/);
    expect(speedups.getByText('Decoder speedup, calibrated prediction').nextElementSibling?.textContent).toMatch(/^\d/);
    const table = screen.getByRole('table', { name: 'Phase times, measured and predicted' });
    // FiD's 3 steps of 400 kernels at the probe's 30 µs each: 36 ms of launches beside its roofline.
    const launch = table.querySelector('td[data-variant="fid"][data-phase="decoder"][data-kind="launch"]');
    expect(launch).toHaveTextContent('36 ms (1200 kernels)');
    const cell = (kind: string) => table.querySelector(`td[data-variant="fid"][data-phase="decoder"][data-kind="${kind}"]`);
    const roofline = Number(cell('roofline')?.getAttribute('data-seconds'));
    const calibrated = Number(cell('calibrated-roofline')?.getAttribute('data-seconds'));
    const predicted = Number(cell('predicted')?.getAttribute('data-seconds'));
    // The decoder's bytes move at the matrix-vector bandwidth, faster here than the add bandwidth.
    expect(cell('calibrated-roofline')?.getAttribute('data-bytes-per-second')).toBe(String(MEASUREMENT.matvec.bytesPerSecond));
    expect(calibrated).toBeLessThan(roofline);
    expect(predicted).toBeCloseTo(calibrated + 0.036, 9);
    expect(within(table).getByText('Tiny FiD (wasm)')).toBeInTheDocument();
    expect(within(table).getByText('Tiny FiDO (wasm)')).toBeInTheDocument();
    for (const header of within(table).getAllByRole('columnheader')) expect(header.textContent?.trim()).not.toBe('');
    expect(await screen.findByRole('img', { name: /Phases of the tiny model, measured/ })).toBeInTheDocument();
  });

  it('keeps focus on the run buttons', async () => {
    const workers = setup('?ttokens=1');
    await waitForActivity('finished');
    const race = screen.getByRole('button', { name: 'Race both' });
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(cancel).toHaveAttribute('aria-disabled', 'true');
    race.focus();
    fireEvent.click(race);
    await waitForActivity('running');
    expect(race).toHaveFocus();
    expect(race).toHaveAttribute('aria-disabled', 'true');
    expect(race).toHaveAccessibleDescription(/The settings are locked while the model runs/);

    // A second press while busy starts nothing.
    const worker = workers[0];
    await waitFor(() => expect(worker.pendingRun()).toMatchObject({ variant: 'fid' }));
    fireEvent.click(race);
    fireEvent.click(screen.getByRole('button', { name: 'Recalibrate' }));
    expect(worker.requests.filter((request) => request.type !== 'init')).toHaveLength(2);

    cancel.focus();
    expect(cancel).toHaveAttribute('aria-disabled', 'false');
    worker.finish([0.004]);
    await waitFor(() => expect(worker.pendingRun()).toMatchObject({ variant: 'fido' }));
    worker.finish([0.002]);
    await waitForActivity('finished');
    expect(cancel).toHaveFocus();
    expect(cancel).toHaveAttribute('aria-disabled', 'true');
    expect(race).toHaveAttribute('aria-disabled', 'false');
  });

  it('predicts with figures measured during the run', async () => {
    const workers = setup('?ttokens=3');
    await waitForActivity('finished');
    fireEvent.click(screen.getByRole('button', { name: 'Run FiD' }));
    const worker = workers[0];
    await waitFor(() => expect(worker.pendingRun()).toMatchObject({ variant: 'fid' }));
    const duringRun = { probePasses: 15, probeKernels: 3000, secondsPerKernel: 5e-5, matvecProducts: 20, matvecBytesPerSecond: 1e9 };
    worker.finish([0.004, 0.006, 0.005], duringRun);
    await waitForActivity('finished');

    const table = screen.getByRole('table', { name: 'Phase times, measured and predicted' });
    const cell = (kind: string) => table.querySelector(`td[data-variant="fid"][data-phase="decoder"][data-kind="${kind}"]`);
    // 3 steps of 400 kernels at 50 µs each, not the calibration's 30 µs.
    expect(cell('launch')).toHaveTextContent('60 ms (1200 kernels)');
    expect(cell('calibrated-roofline')?.getAttribute('data-bytes-per-second')).toBe('1000000000');

    const note = screen.getByTestId('during-run-fid');
    expect(note).toHaveTextContent(/Tiny FiD's prediction uses a kernel launch of 50 µs and a matrix-vector bandwidth of 1(\.00)? GB\/s/);
    expect(note).toHaveTextContent('(15 probe passes and 20 products)');
    expect(note).toHaveTextContent(/the calibration before it measured 30 µs/);
    expect(screen.queryByTestId('during-run-fido')).not.toBeInTheDocument();
  });

  it('races tiny FiD against tiny FiDO at the defaults', async () => {
    const workers = setup('');
    await waitForActivity('finished');
    expect(screen.queryByText(/FiDO is the same model as FiD/)).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Race both' }));
    const worker = workers[0];
    await waitFor(() => expect(worker.pendingRun()).toMatchObject({ variant: 'fid' }));
    expect(worker.pendingRun().config).toMatchObject({ crossAttentionPeriod: 1, kvHeads: 0 });
    worker.finish([0.004]);
    await waitFor(() => expect(worker.pendingRun()).toMatchObject({ variant: 'fido' }));
    expect(worker.pendingRun().config).toMatchObject({
      crossAttentionPeriod: TINY_FIDO_CONFIG.crossAttentionPeriod,
      kvHeads: TINY_FIDO_CONFIG.kvHeads,
    });
    expect(window.location.search).toBe('');
  });

  it('warns when FiDO is set to the same model as FiD', async () => {
    setup('?k=1&kv=0');
    expect(await screen.findByText(/With K = 1 and g = h, FiDO is the same model as FiD/)).toBeInTheDocument();
    await waitForActivity('finished');
  });

  it('cancels a run and restarts the worker', async () => {
    const workers = setup('?ttokens=3', { backend: 'cpu' });
    await waitForActivity('finished');
    fireEvent.click(screen.getByRole('button', { name: 'Run FiDO' }));
    await waitForActivity('running');
    workers[0].step(0, 0.01, ' x');

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitForActivity('cancelled');
    expect(workers[0].terminated).toBe(true);
    expect(screen.getByTestId('status')).toHaveTextContent('Cancelled');

    fireEvent.click(screen.getByRole('button', { name: 'Run FiD' }));
    await waitFor(() => expect(workers).toHaveLength(2));
    // The fresh worker starts the backend chosen before, without probing again, and keeps the calibration.
    await waitFor(() => expect(workers[1].requests.map((r) => r.type)).toEqual(['init', 'run']));
    expect(workers[1].requests[0]).toMatchObject({ backend: 'cpu' });
  });

  it('says a run was cancelled before its first token', async () => {
    const workers = setup('?ttokens=3');
    await waitForActivity('finished');
    fireEvent.click(screen.getByRole('button', { name: 'Run FiD' }));
    await waitForActivity('running');
    const run = workers[0].pendingRun();
    workers[0].emit({ type: 'progress', id: run.id, done: 0, total: 15, label: '1 warm-up run (not timed)' });
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('timed decoder steps 0 of 15'));
    expect(screen.getByTestId('tokens-fid')).toHaveTextContent('waiting for the first token');

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitForActivity('cancelled');
    expect(screen.getByTestId('tokens-fid')).toHaveTextContent('Cancelled before the first token.');
    expect(screen.getByText(/Tiny FiD output/).parentElement).toHaveTextContent('(0 of 3 tokens, cancelled)');
  });

  it('starts nothing when embedded until asked', async () => {
    const workers = setup('?live.passages=4', { embedded: true });
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
    expect(screen.getByRole('slider', { name: 'Passages P' })).toHaveValue('4');
    expect(workers).toHaveLength(0);
    expect(screen.getByRole('link', { name: 'Open these settings on the full live page' })).toHaveAttribute('href', '/live/?passages=4');
    fireEvent.click(screen.getByRole('button', { name: 'Run FiD' }));
    await waitFor(() => expect(workers[0]?.pendingRun()).toBeDefined());
    expect(workers[0].pendingRun().config.passages).toBe(4);
  });

  it('clears results when the backend changes', async () => {
    const workers = setup('?backend=wasm&ttokens=2&repeats=1');
    await waitForActivity('finished');
    fireEvent.click(screen.getByRole('button', { name: 'Run FiD' }));
    await waitFor(() => expect(workers[0].pendingRun()).toMatchObject({ variant: 'fid' }));
    workers[0].finish([0.004, 0.004]);
    await waitForActivity('finished');
    const table = screen.getByRole('table', { name: 'Phase times, measured and predicted' });
    expect(within(table).getByText('Tiny FiD (wasm)')).toBeInTheDocument();

    fireEvent.change(screen.getByRole('combobox', { name: 'TensorFlow.js backend' }), { target: { value: 'cpu' } });
    expect(await screen.findByTestId('results-cleared', {}, { timeout: 5000 })).toHaveTextContent(
      'The results of Tiny FiD were cleared because the backend changed.',
    );
    expect(screen.queryByRole('table', { name: 'Phase times, measured and predicted' })).not.toBeInTheDocument();
    expect(screen.getByTestId('tokens-fid')).toHaveTextContent('not run yet');

    // The page selects cpu and calibrates again, and the run buttons wait for it.
    await waitFor(() => expect(screen.getByTestId('calibration')).toHaveTextContent('Calibrated on cpu'), { timeout: 5000 });
    await waitForActivity('finished');
    fireEvent.click(screen.getByRole('button', { name: 'Run FiDO' }));
    await waitFor(() => expect(workers[1]?.pendingRun()).toMatchObject({ variant: 'fido' }), { timeout: 5000 });
    workers[1].finish([0.002, 0.002]);
    await waitForActivity('finished');
    const after = screen.getByRole('table', { name: 'Phase times, measured and predicted' });
    expect(within(after).getByText('Tiny FiDO (cpu)')).toBeInTheDocument();
    expect(within(after).queryByText(/Tiny FiD \(/)).not.toBeInTheDocument();
    expect(screen.queryByTestId('speedups')).not.toBeInTheDocument();
    expect(screen.getByTestId('calibration')).toHaveTextContent('Calibrated on cpu');
    expect(screen.queryByTestId('results-cleared')).not.toBeInTheDocument();
  });

  it('locks the settings while a run is busy', async () => {
    const workers = setup('?ttokens=2&repeats=1');
    await waitForActivity('finished');
    expect(screen.queryByTestId('settings-locked')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Race both' }));
    await waitFor(() => expect(workers[0].pendingRun()).toMatchObject({ variant: 'fid' }));

    const passages = screen.getByRole('slider', { name: 'Passages P' });
    passages.focus();
    expect(passages).toHaveFocus();
    expect(passages).toHaveAttribute('aria-disabled', 'true');
    expect(passages).toBeEnabled();
    expect(passages).toHaveAccessibleDescription(/The settings are locked while the model runs or calibrates/);
    fireEvent.change(passages, { target: { value: '1' } });
    expect(passages).toHaveValue(String(TINY_FIDO_CONFIG.passages));
    expect(passages).toHaveFocus();
    const backend = screen.getByRole('combobox', { name: 'TensorFlow.js backend' });
    expect(backend).toHaveAttribute('aria-disabled', 'true');
    fireEvent.change(backend, { target: { value: 'cpu' } });
    expect(backend).toHaveValue('auto');
    fireEvent.click(screen.getByRole('button', { name: 'Tiny FiD (K = 1, g = h)' }));
    expect(screen.getByRole('slider', { name: 'Cross-attention period K' })).toHaveValue(String(TINY_FIDO_CONFIG.crossAttentionPeriod));

    workers[0].finish([0.004, 0.004]);
    await waitFor(() => expect(workers[0].pendingRun()).toMatchObject({ variant: 'fido' }));
    expect(workers[0].pendingRun().config.passages).toBe(TINY_FIDO_CONFIG.passages);
    workers[0].finish([0.002, 0.002]);
    await waitForActivity('finished');
    expect(passages).not.toHaveAttribute('aria-disabled', 'true');
    expect(screen.queryByTestId('settings-locked')).not.toBeInTheDocument();
    expect(screen.getByTestId('speedups')).toBeInTheDocument();
  });

  it('keeps FiD but drops FiDO when K changes', async () => {
    const workers = setup('?ttokens=2&repeats=1');
    await waitForActivity('finished');
    fireEvent.click(screen.getByRole('button', { name: 'Race both' }));
    await waitFor(() => expect(workers[0].pendingRun()).toMatchObject({ variant: 'fid' }));
    workers[0].finish([0.004, 0.004]);
    await waitFor(() => expect(workers[0].pendingRun()).toMatchObject({ variant: 'fido' }));
    workers[0].finish([0.002, 0.002]);
    await waitForActivity('finished');

    fireEvent.change(screen.getByRole('slider', { name: 'Cross-attention period K' }), { target: { value: '1' } });
    expect(await screen.findByTestId('results-cleared')).toHaveTextContent('The results of Tiny FiDO were cleared because the settings changed after they ran.');
    const table = screen.getByRole('table', { name: 'Phase times, measured and predicted' });
    expect(within(table).getByText('Tiny FiD (wasm)')).toBeInTheDocument();
    expect(within(table).queryByText('Tiny FiDO (wasm)')).not.toBeInTheDocument();
    expect(screen.queryByTestId('speedups')).not.toBeInTheDocument();
  });

  it('drops both runs when passages change', async () => {
    const workers = setup('?ttokens=2&repeats=1');
    await waitForActivity('finished');
    fireEvent.click(screen.getByRole('button', { name: 'Race both' }));
    await waitFor(() => expect(workers[0].pendingRun()).toMatchObject({ variant: 'fid' }));
    workers[0].finish([0.004, 0.004]);
    await waitFor(() => expect(workers[0].pendingRun()).toMatchObject({ variant: 'fido' }));
    workers[0].finish([0.002, 0.002]);
    await waitForActivity('finished');

    fireEvent.change(screen.getByRole('slider', { name: 'Passages P' }), { target: { value: '1' } });
    expect(await screen.findByTestId('results-cleared')).toHaveTextContent('The results of Tiny FiD and Tiny FiDO were cleared because the settings changed after they ran.');
    expect(screen.queryByRole('table', { name: 'Phase times, measured and predicted' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save the numbers of Time per generated token as CSV' })).toBeDisabled();
  });

  it('drops a run when its repeats change', async () => {
    const workers = setup('?ttokens=2&repeats=1');
    await waitForActivity('finished');
    fireEvent.click(screen.getByRole('button', { name: 'Run FiD' }));
    await waitFor(() => expect(workers[0].pendingRun()).toMatchObject({ variant: 'fid' }));
    workers[0].finish([0.004, 0.004]);
    await waitForActivity('finished');

    fireEvent.change(screen.getByRole('slider', { name: 'Timed runs per model' }), { target: { value: '3' } });
    expect(await screen.findByTestId('results-cleared')).toHaveTextContent('The results of Tiny FiD were cleared because the settings changed after they ran.');
  });

  it('explains phases above the calibrated roof', async () => {
    // A calibration a thousand times slower than the fake runs, as on a device busy while calibrating.
    const slow: DeviceMeasurement = {
      ...MEASUREMENT,
      matmul: { ...MEASUREMENT.matmul, medianSeconds: 10, flopsPerSecond: MEASUREMENT.matmul.flops / 10 },
      bandwidth: { ...MEASUREMENT.bandwidth, medianSeconds: 20, bytesPerSecond: MEASUREMENT.bandwidth.bytes / 20 },
    };
    const workers = setup('?ttokens=2&repeats=1', { measurement: slow });
    await waitForActivity('finished');
    expect(await screen.findByRole('img', { name: /Phases of the tiny model, measured/ })).toBeInTheDocument();
    expect(screen.queryByTestId('above-roof')).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Run FiD' }));
    await waitFor(() => expect(workers[0].pendingRun()).toMatchObject({ variant: 'fid' }));
    workers[0].finish([0.004, 0.004]);
    await waitForActivity('finished');
    expect(await screen.findByTestId('above-roof')).toHaveTextContent(
      'Some phases ran faster than the calibrated roof allows, so the device was probably busier during the calibration than during the runs. Press Recalibrate',
    );
  });

  it('adds no roof note below the roof', async () => {
    // A calibration a hundred times faster than the fake's default keeps every phase below the roof.
    const fast: DeviceMeasurement = {
      ...MEASUREMENT,
      matmul: { ...MEASUREMENT.matmul, medianSeconds: 1e-4, flopsPerSecond: MEASUREMENT.matmul.flops / 1e-4 },
      bandwidth: { ...MEASUREMENT.bandwidth, medianSeconds: 2e-4, bytesPerSecond: MEASUREMENT.bandwidth.bytes / 2e-4 },
    };
    const workers = setup('?ttokens=2&repeats=1', { measurement: fast });
    await waitForActivity('finished');
    fireEvent.click(screen.getByRole('button', { name: 'Run FiD' }));
    await waitFor(() => expect(workers[0].pendingRun()).toMatchObject({ variant: 'fid' }));
    workers[0].finish([0.004, 0.004]);
    await waitForActivity('finished');
    expect(await screen.findByRole('img', { name: /Phases of the tiny model, measured/ })).toBeInTheDocument();
    expect(screen.queryByTestId('above-roof')).not.toBeInTheDocument();
  });

  it('shows a worker error', async () => {
    const workers = setup('');
    await waitForActivity('finished');
    fireEvent.click(screen.getByRole('button', { name: 'Run FiD' }));
    await waitForActivity('running');
    workers[0].emit({ type: 'error', id: workers[0].pendingRun().id, message: 'out of memory' });
    await waitForActivity('failed');
    expect(screen.getByTestId('status')).toHaveTextContent('Failed: out of memory');
  });

  describe('run time estimate', () => {
    /** The largest settings the tiny model accepts. */
    const LARGEST = '?passages=128&ptokens=128&ttokens=64&encd=256&encff=1024&decd=256&decff=1024&encl=8&decl=8';

    it('appears only after the calibration', async () => {
      const workers = setup('', { embedded: true });
      expect(screen.queryByTestId('run-estimate')).not.toBeInTheDocument();

      fireEvent.click(screen.getByRole('button', { name: 'Recalibrate' }));
      expect(await screen.findByTestId('run-estimate')).toBeInTheDocument();
      expect(workers[0].requests.some((request) => request.type === 'run')).toBe(false);
    });

    it('gives the roofline time of every pass', async () => {
      setup('?repeats=2');
      await waitForActivity('finished');
      const note = screen.getByTestId('run-estimate');
      // 1 warm-up, 2 timed and 1 counting pass, each at the calibrated roofline, and after
      // each timed pass 3 probe passes (0.09 s) and 4 matrix-vector products (0.001 s).
      const device = deviceConfig(TINY_FIDO_CONFIG, MEASUREMENT);
      const sampling = 2 * (3 * 0.09 + 4 * 0.001);
      expect(estimateSampling(MEASUREMENT, 2)).toBeCloseTo(sampling, 12);
      const fid = estimateRun(TINY_FID_CONFIG, device, launchCalibration(MEASUREMENT), 4).seconds + sampling;
      const fido = estimateRun(TINY_FIDO_CONFIG, device, launchCalibration(MEASUREMENT), 4).seconds + sampling;
      expect(Number(note.dataset.raceSeconds)).toBeCloseTo(fid + fido, 12);
      expect(note).toHaveTextContent(`Race both at least ${formatDuration(fid + fido)}`);
      expect(note).toHaveTextContent(`Run FiD at least ${formatDuration(fid)}`);
      expect(note).toHaveTextContent('4 passes per model: 1 warm-up, 2 timed, 1 to count kernels, and the device measured again between timed passes');
      expect(note).toHaveTextContent(/This is the roofline alone\. Kernel launches .* add to it\./);
      expect(note).toHaveAttribute('data-long', 'false');
    });

    it('warns before a long race and still allows it', async () => {
      setup(LARGEST);
      await waitForActivity('finished');
      const note = screen.getByTestId('run-estimate');
      expect(Number(note.dataset.raceSeconds)).toBeGreaterThan(60);
      expect(note).toHaveAttribute('data-long', 'true');
      expect(note).toHaveTextContent(/^This may take a long time\./);
      expect(note).toHaveTextContent('To wait less, lower the passages, tokens or repeats first.');
      expect(screen.getByRole('button', { name: 'Race both' })).toHaveAttribute('aria-disabled', 'false');
      expect(screen.getByRole('button', { name: 'Run FiD' })).toHaveAttribute('aria-disabled', 'false');
    });

    it('adds kernel launches counted by an earlier run', async () => {
      const workers = setup('?ttokens=2&repeats=1');
      await waitForActivity('finished');
      const before = Number(screen.getByTestId('run-estimate').dataset.raceSeconds);

      fireEvent.click(screen.getByRole('button', { name: 'Run FiD' }));
      await waitFor(() => expect(workers[0].pendingRun()).toMatchObject({ variant: 'fid' }));
      workers[0].finish([0.004, 0.004]);
      await waitForActivity('finished');

      const note = screen.getByTestId('run-estimate');
      // The fake run counted 150 + 20 + 2 · 400 kernels per pass, over 3 passes at 30 µs each.
      expect(Number(note.dataset.raceSeconds) - before).toBeCloseTo(3 * (150 + 20 + 2 * 400) * 3e-5, 9);
      expect(note).toHaveTextContent(/Run FiD about /);
      expect(note).toHaveTextContent(/Run FiDO at least /);
      expect(note).toHaveTextContent(/Race both at least /);
      expect(note).toHaveTextContent(/"About" includes the kernel launches counted by an earlier run/);
    });

    it('drops the counts when the settings change', async () => {
      const workers = setup('?ttokens=2&repeats=1');
      await waitForActivity('finished');
      fireEvent.click(screen.getByRole('button', { name: 'Run FiD' }));
      await waitFor(() => expect(workers[0].pendingRun()).toMatchObject({ variant: 'fid' }));
      workers[0].finish([0.004, 0.004]);
      await waitForActivity('finished');
      expect(screen.getByTestId('run-estimate')).toHaveTextContent(/Run FiD about /);

      fireEvent.change(screen.getByRole('slider', { name: 'Passages P' }), { target: { value: '8' } });
      await waitFor(() => expect(screen.getByTestId('run-estimate')).toHaveTextContent(/Run FiD at least /));
    });

    it('formats durations for a reader', () => {
      expect(formatDuration(0.42)).toBe('0.42 s');
      expect(formatDuration(1.06)).toBe('1.1 s');
      expect(formatDuration(12.3)).toBe('12 s');
      expect(formatDuration(150)).toBe('2.5 min');
      expect(formatDuration(4320)).toBe('1.2 h');
    });
  });
});
