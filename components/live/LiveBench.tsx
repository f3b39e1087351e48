'use client';
/**
 * The live bench: the tiny FiD / FiDO model running in a Web Worker on the reader's device,
 * with per-phase and per-token timings beside the cost model's prediction for the device as
 * calibrated. The configuration, backend and seed live in the URL; `embedded` (the
 * article's race) reads them under the `live.` prefix and starts nothing until asked.
 */
import dynamic from 'next/dynamic';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { effectiveKvHeads, type Config } from '@/lib/config/config';
import { compareSpeedup, DEFAULT_CALIBRATION, estimateSampling, DEFAULT_DEVICE_MEMORY_BYTES, deviceConfig, launchCalibration, LAUNCH_MIX, playgroundDeviceQuery, predictRun, rooflinePoints } from '@/lib/fido/calibrate';
import { TINY_FIDO_CONFIG, TINY_FID_CONFIG } from '@/lib/fido/presets';
import { PROBE_MATMUL_SIZE } from '@/lib/fido/backends';
import { BACKEND_LABELS, clampTinyConfig, describeLiveNotice, markDefaultNotices, oneNoticePerKey, variantConfig, type LiveNotice } from '@/lib/fido/protocol';
import { memoryLimitMessage } from '@/lib/fido/memory';
import { useUrlConfig } from '@/components/state/urlState';
import { CONFIG_KEYS, configQuery, unknownKeyNotices } from '@/lib/config/url';
import { Controls } from './Controls';
import { Figure } from '@/components/figure/Figure';
import { formatBytes, formatBytesPerSecond, formatFlopsPerSecond, formatSeconds } from '@/lib/charts/format';
import { InputView } from './InputView';
import { isBusy, stepMedians } from './liveState';
import { pluralize } from '@/lib/text/plural';
import { VARIANT_COLORS, VARIANT_NAMES } from './names';
import { DuringRunNote, PhaseTable, SpeedupView, TokenStream } from './Results';
import { RunEstimateNote } from './RunEstimate';
import { StatusBar } from './StatusBar';
import { StepChart, stepTable, type StepSeries } from './StepChart';
import { useLiveBench, type RunSettings } from './useLiveBench';
import { EMBEDDED_LIVE_PREFIX, LIVE_EXTRA_KEYS, mergeExtras, useLiveExtras } from './urlExtras';
import { createFidoWorker, type WorkerFactory } from './workerClient';
import styles from './live.module.css';

// The roofline appears only once the device is calibrated, so its chart code (3.4 kB
// gzip) loads then, not with the page.
const DeviceRoofline = dynamic(async () => (await import('./DeviceRoofline')).DeviceRoofline, {
  ssr: false,
  loading: () => <p className={styles.note}>Loading the roofline chart…</p>,
});

export interface LiveBenchProps {
  /** Inside the article: headings one level lower, keys under `live.`, no automatic start. */
  embedded?: boolean;
  /** Starts the model worker; tests pass a fake. */
  workerFactory?: WorkerFactory;
}

/** One warm-up pass compiles kernels and fills caches; it is never timed. */
const WARMUPS = 1;

function deviceMemoryBytes(): number | undefined {
  // navigator.deviceMemory (Chromium only) is the RAM in GiB, rounded to a power of two.
  const gibibytes = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
  return typeof gibibytes === 'number' && gibibytes > 0 ? gibibytes * 2 ** 30 : undefined;
}

/** Names the memory the playground link gives the device and where the figure comes from. */
function memoryNote(reportedBytes: number | undefined): string {
  if (reportedBytes === undefined) return `${formatBytes(DEFAULT_DEVICE_MEMORY_BYTES)} of memory, as this browser does not report its own`;
  return `${formatBytes(reportedBytes)} of memory, as this browser reports it`;
}

/** True for a key the standalone live page reads. */
function isLiveKey(key: string): boolean {
  return CONFIG_KEYS.has(key) || LIVE_EXTRA_KEYS.has(key);
}

export function LiveBench({ embedded = false, workerFactory = createFidoWorker }: LiveBenchProps) {
  const prefix = embedded ? EMBEDDED_LIVE_PREFIX : '';
  // The defaults are tiny FiDO, so Race both compares two different models: Run FiD drops
  // K and g (variantConfig) and Run FiDO keeps them.
  const url = useUrlConfig(prefix, TINY_FIDO_CONFIG);
  const extras = useLiveExtras(prefix);
  const [notices, setNotices] = useState<LiveNotice[]>([]);
  // The URL's own notices go in, so a key changed twice (schema range, then tiny limit)
  // gets one notice with the value typed and the value finally used.
  const clamped = useMemo(() => clampTinyConfig(url.config, prefix, url.notices), [url.config, prefix, url.notices]);
  const config = clamped.config;

  // Notices are collected once the URL has been read: the URL's own problems, the clamping
  // to the tiny model's limits and the backend, seed and repeats. When any value was
  // changed, the URL is rewritten to hold exactly the values used.
  const noticed = useRef(false);
  const { ready, setConfig } = url;
  const { setExtras } = extras;
  useEffect(() => {
    if (!ready || !extras.ready || noticed.current) return;
    noticed.current = true;
    // The URL is still as loaded here, because it is rewritten only below. Embedded, the
    // article owns the link and reports its unknown keys.
    // Unknown keys come from the link by definition, so they are not marked as defaults.
    const unknown = embedded ? [] : unknownKeyNotices(window.location.search, isLiveKey);
    setNotices([...markDefaultNotices(oneNoticePerKey([...clamped.notices, ...extras.notices]), window.location.search), ...unknown]);
    if (clamped.notices.length > 0) setConfig(clamped.config);
    if (extras.notices.length > 0) setExtras(extras.extras);
  }, [ready, extras.ready, clamped, extras.notices, extras.extras, setConfig, setExtras, embedded]);

  const { seed, repeats } = extras.extras;
  const settings: RunSettings = useMemo(() => ({ seed, warmups: WARMUPS, repeats }), [seed, repeats]);
  const bench = useLiveBench(workerFactory, extras.extras.backend, config, settings);
  const { state } = bench;
  const busy = isBusy(state.activity);
  // FiD keeps every cross-attention layer and head, so its run is the larger of the two.
  const memoryLimit = useMemo(() => memoryLimitMessage(variantConfig(config, 'fid')), [config]);
  const runBlocked = busy || memoryLimit !== null;

  // The standalone page selects a backend and calibrates as soon as the URL is read.
  const autoStarted = useRef(false);
  const { calibrate } = bench;
  useEffect(() => {
    if (embedded || !ready || !extras.ready || autoStarted.current) return;
    autoStarted.current = true;
    void calibrate();
    return () => {
      autoStarted.current = false;
    };
  }, [embedded, ready, extras.ready, calibrate]);

  const update = useCallback((next: Config) => setConfig(clampTinyConfig(next, prefix).config), [setConfig, prefix]);
  // A preset sets the model and keeps the input: passages, tokens per passage and target tokens.
  const applyPreset = useCallback(
    (preset: Config) =>
      url.commit(
        clampTinyConfig({ ...preset, passages: config.passages, passageTokens: config.passageTokens, targetTokens: config.targetTokens }, prefix)
          .config,
      ),
    [url, config, prefix],
  );
  // While busy, the settings stay focusable but ignore changes, and this note explains why.
  const lockNoteId = useId();
  const lockedBy = busy ? lockNoteId : undefined;
  const memoryLimitId = useId();
  let runBlockedBy = lockedBy;
  if (!busy && memoryLimit !== null) runBlockedBy = memoryLimitId;

  const device = useMemo(
    () => (state.calibration ? deviceConfig(config, state.calibration, deviceMemoryBytes()) : null),
    [config, state.calibration],
  );

  const calibrated = useMemo(() => (state.calibration ? launchCalibration(state.calibration) : null), [state.calibration]);
  const series: StepSeries[] = useMemo(() => {
    const list: StepSeries[] = [];
    for (const variant of ['fid', 'fido'] as const) {
      const run = state.runs[variant];
      if (!run) continue;
      list.push({ key: `${variant}-measured`, label: `${VARIANT_NAMES[variant]}, measured on ${run.backend ?? '…'}`, seconds: stepMedians(run), color: VARIANT_COLORS[variant] });
      if (device && calibrated !== null && run.result) {
        list.push({
          key: `${variant}-predicted`,
          label: `${VARIANT_NAMES[variant]}, calibrated prediction for this device`,
          seconds: predictRun(run.result, device, calibrated).stepSeconds,
          color: VARIANT_COLORS[variant],
          dashed: true,
        });
      }
    }
    return list;
  }, [state.runs, device, calibrated]);
  const steps = Math.max(state.runs.fid?.config.targetTokens ?? 0, state.runs.fido?.config.targetTokens ?? 0, config.targetTokens);

  const calibration = state.calibration;
  const roof = useMemo(
    () =>
      calibration
        ? { flopsPerSecond: calibration.matmul.flopsPerSecond, bytesPerSecond: calibration.bandwidth.bytesPerSecond, label: `TensorFlow.js ${calibration.backend} on this device` }
        : null,
    [calibration],
  );

  // Finished results change once per run, not with every streamed step.
  const fidResult = state.runs.fid?.result ?? null;
  const fidoResult = state.runs.fido?.result ?? null;
  const points = useMemo(() => {
    if (!device) return [];
    return [fidResult, fidoResult].flatMap((result) => (result ? rooflinePoints(result, device) : []));
  }, [device, fidResult, fidoResult]);

  const speedup = useMemo(
    () =>
      fidResult && fidoResult && device && calibrated !== null ? compareSpeedup(fidResult, fidoResult, device, calibrated) : null,
    [fidResult, fidoResult, device, calibrated],
  );

  const same = config.crossAttentionPeriod === 1 && effectiveKvHeads(config) === config.decoderCustom.heads;
  const Heading = embedded ? 'h3' : 'h2';

  return (
    <div className={styles.bench}>
      {!embedded && <h1>Live: tiny FiD and FiDO on your device</h1>}
      <p className={styles.lead}>
        A tiny encoder-decoder with FiD&apos;s fusion, and FiDO&apos;s layer-sparse cross-attention and multi-query attention,
        runs here in a Web Worker with TensorFlow.js. <strong>Its weights are random (drawn from the seed), so the generated
        text is meaningless: only the timings matter.</strong> Each time is the median of {pluralize(repeats, 'timed run')} after{' '}
        {pluralize(WARMUPS, 'warm-up run')}, with the result read back inside the timed region, and is labelled with the backend that ran it.
      </p>

      {notices.length > 0 && (
        <div className={styles.warning} role="status">
          <strong>{notices.every((n) => n.fromDefault) ? 'Some defaults were changed to fit the link:' : 'Some values in the link were changed:'}</strong>
          <ul>
            {notices.map((n, i) => (
              <li key={`${n.key}-${i}`}>
                <code>{n.key}</code>: {describeLiveNotice(n)}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setNotices([])}>
            Dismiss
          </button>
        </div>
      )}

      <section className={styles.panel} aria-labelledby={`${prefix}controls`}>
        <Heading id={`${prefix}controls`}>Model and input</Heading>
        {busy && (
          <p id={lockNoteId} className={styles.note} data-testid="settings-locked">
            The settings are locked while the model runs or calibrates, so the results match them. Press Cancel to change them now.
          </p>
        )}
        <div className={styles.presets}>
          <span>Presets:</span>
          <button type="button" aria-disabled={busy} aria-describedby={lockedBy} onClick={() => !busy && applyPreset(TINY_FID_CONFIG)}>
            Tiny FiD (K = 1, g = h)
          </button>
          <button type="button" aria-disabled={busy} aria-describedby={lockedBy} onClick={() => !busy && applyPreset(TINY_FIDO_CONFIG)}>
            Tiny FiDO (K = {TINY_FIDO_CONFIG.crossAttentionPeriod}, g = {TINY_FIDO_CONFIG.kvHeads})
          </button>
        </div>
        {embedded ? (
          <details>
            <summary>All settings</summary>
            <Controls config={config} onChange={update} extras={extras.extras} onExtrasChange={extras.setExtras} lockedBy={lockedBy} />
          </details>
        ) : (
          <Controls config={config} onChange={update} extras={extras.extras} onExtrasChange={extras.setExtras} lockedBy={lockedBy} />
        )}
        {embedded && (
          <p>
            <a href={`/live/${mergeExtras(configQuery(config, '', TINY_FIDO_CONFIG), extras.extras)}`}>Open these settings on the full live page</a>
          </p>
        )}
        {same && (
          <p className={styles.note}>
            With K = 1 and g = h, FiDO is the same model as FiD. Choose the tiny FiDO preset, or set K above 1 or g below h, to see a difference.
          </p>
        )}
      </section>

      <section aria-labelledby={`${prefix}run`}>
        <Heading id={`${prefix}run`}>Run</Heading>
        {/* aria-disabled, not disabled: a button that disables itself while focused drops focus to the page's body. */}
        <div className={styles.actions}>
          <button type="button" className={styles.primary} aria-disabled={runBlocked} aria-describedby={runBlockedBy} onClick={() => !runBlocked && bench.run(['fid', 'fido'])}>
            Race both
          </button>
          <button type="button" aria-disabled={runBlocked} aria-describedby={runBlockedBy} onClick={() => !runBlocked && bench.run(['fid'])}>
            Run FiD
          </button>
          <button type="button" aria-disabled={runBlocked} aria-describedby={runBlockedBy} onClick={() => !runBlocked && bench.run(['fido'])}>
            Run FiDO
          </button>
          <button type="button" aria-disabled={busy} aria-describedby={lockedBy} onClick={() => !busy && bench.calibrate()}>
            Recalibrate
          </button>
          <button type="button" aria-disabled={!busy} onClick={() => busy && bench.cancel()}>
            Cancel
          </button>
        </div>
        <RunEstimateNote
          config={config}
          device={device}
          calibration={calibrated}
          samplingSeconds={state.calibration ? estimateSampling(state.calibration, repeats) : 0}
          backend={state.calibration?.backend ?? null}
          warmups={WARMUPS}
          repeats={repeats}
          runs={state.runs}
        />
        <p className={styles.note}>
          Run FiD uses the settings above with K = 1 and g = h; Run FiDO uses them as set. Race both runs FiD, then FiDO, in the same worker on the same backend, with the same input and the same seed (the two
          models have different weight shapes, so their random weights differ).
        </p>
        {memoryLimit && (
          <p id={memoryLimitId} className={styles.warning} role="alert" data-testid="memory-limit">
            {memoryLimit}
          </p>
        )}
        <StatusBar state={state} />
        {state.cleared && (
          <p className={styles.note} role="status" data-testid="results-cleared">
            {state.cleared}
          </p>
        )}
      </section>

      <BackendView state={state} Heading={Heading} prefix={prefix} />

      <section aria-labelledby={`${prefix}io`}>
        <Heading id={`${prefix}io`}>Input and output</Heading>
        <InputView config={config} />
        <TokenStream variant="fid" run={state.runs.fid} />
        <TokenStream variant="fido" run={state.runs.fido} />
      </section>

      <Figure
        id={embedded ? 'race-steps' : 'live-steps'}
        title="Time per generated token"
        headingLevel={embedded ? 3 : 2}
        table={stepTable(series, steps)}
        emptyReason={series.some((s) => s.seconds.some((seconds) => Number.isFinite(seconds))) ? undefined : 'Nothing to save yet: run a model to measure its steps.'}
        caption="Solid: the median of the timed runs so far, streamed as each step is measured. Dashed, once a run finishes: the calibrated prediction of the same step on this device, the cost model's roofline with the step's bytes at the measured matrix-vector bandwidth, plus the kernels the step launches times the measured launch time of one kernel."
      >
        <StepChart series={series} steps={steps} title="Decoder seconds per generated token, measured and predicted" />
      </Figure>

      <section aria-labelledby={`${prefix}phases`}>
        <Heading id={`${prefix}phases`}>Phases and speedup</Heading>
        <PhaseTable runs={state.runs} device={device} calibration={calibrated} />
        <DuringRunNote runs={state.runs} calibration={calibrated} />
        <SpeedupView speedup={speedup} />
        <p className={styles.note}>
          The roofline-only prediction is the cost model on this device as calibrated: the measured matmul FLOP/s and add
          bandwidth at 100% efficiency, fp32, batch 1. It assumes every kernel reaches those rates and costs nothing to start.
          The calibrated prediction refines it with two more measurements of this device, neither taken from the model. First,
          the decoder&apos;s bytes move at the measured bandwidth of a one-row matmul ([1, {DEFAULT_CALIBRATION.matvecSize}] ·
          [{DEFAULT_CALIBRATION.matvecSize}, {DEFAULT_CALIBRATION.matvecSize}]), because a decoding step reads its weights and
          cached keys and values that way. Second, each kernel the phase launches adds the measured launch time of one kernel
          within a decoding step: the tiny decoder with widths of 8 and one passage of 16 tokens, so its matmuls read only a
          few kilobytes, timed as the median of {DEFAULT_CALIBRATION.probeRepeats} passes after {DEFAULT_CALIBRATION.probeWarmups}{' '}
          untimed ones and divided by the kernels of one pass. This probe is the same for every run, so it describes the
          device, not the configuration being predicted. Launch time and bandwidth drift over seconds on a shared device, so
          the worker measures both again between the timed runs of each model ({DEFAULT_CALIBRATION.runProbePasses} probe
          passes and {DEFAULT_CALIBRATION.runMatvecProducts} products after each), and that model&apos;s prediction uses
          those figures, listed under the table. The predicted speedups divide the two predictions, each with its own run&apos;s
          figures, so a run slowed by the device is predicted slower too. The best case, a chain of {DEFAULT_CALIBRATION.dispatchCycles} cycles
          of {LAUNCH_MIX.length} small dependent kernels ({LAUNCH_MIX.join(', ')}), is shown beside it for comparison. The
          kernels are counted, not estimated: after the timed runs the worker runs the model once more and counts every
          operation TensorFlow.js dispatches inside each timed region. Nothing is fitted to the runs. What remains between the
          prediction and the measurement is kernels that run faster or slower than the calibrated rates, or cost more or less
          to launch than the probe&apos;s. Other programs running on the device slow every measurement.
        </p>
      </section>

      {roof && (
        <DeviceRoofline
          id={embedded ? 'race-roofline' : 'live-roofline'}
          points={points}
          headingLevel={embedded ? 3 : 2}
          device={roof}
        />
      )}
    </div>
  );
}

function BackendView({ state, Heading, prefix }: { state: ReturnType<typeof useLiveBench>['state']; Heading: 'h2' | 'h3'; prefix: string }) {
  const { backend, calibration } = state;
  return (
    <section aria-labelledby={`${prefix}backend`}>
      <Heading id={`${prefix}backend`}>Backend and calibration</Heading>
      {backend ? (
        <>
          <p data-testid="backend">
            Running on <span className={styles.backendLabel}>{backend.backend}</span> ({BACKEND_LABELS[backend.backend]}).
          </p>
          {backend.fallback && (
            <p className={styles.warning} role="alert" data-testid="fallback">
              {backend.fallback}
            </p>
          )}
          <details>
            <summary>Backends tried</summary>
            <div className={styles.tableScroll} role="region" tabIndex={0} aria-label="Backends tried (scrolls sideways)">
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th scope="col">Backend</th>
                    <th scope="col">Works</th>
                    <th scope="col">
                      Probe matmul ({PROBE_MATMUL_SIZE} × {PROBE_MATMUL_SIZE}), median
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {backend.probes.map((probe) => (
                    <tr key={probe.backend}>
                      <td>{probe.backend}</td>
                      <td>{probe.ok ? 'yes' : `no: ${probe.error ?? 'failed'}`}</td>
                      <td>{probe.ok ? formatSeconds(probe.medianSeconds ?? Number.NaN) : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      ) : (
        <p className={styles.note}>No backend selected yet; one is chosen when you run or calibrate.</p>
      )}
      {calibration ? (
        <p
          data-testid="calibration"
          data-flops-per-second={calibration.matmul.flopsPerSecond}
          data-bytes-per-second={calibration.bandwidth.bytesPerSecond}
        >
          Calibrated on {calibration.backend}: {formatFlopsPerSecond(calibration.matmul.flopsPerSecond)} on a{' '}
          {calibration.matmul.size} × {calibration.matmul.size} matmul ({formatSeconds(calibration.matmul.medianSeconds)} median), and{' '}
          {formatBytesPerSecond(calibration.bandwidth.bytesPerSecond)} on {calibration.bandwidth.chainedAdds} chained adds of{' '}
          {(calibration.bandwidth.elements * 4) / 2 ** 20} MiB float32 buffers (bytes read and written over seconds).{' '}
          <span data-testid="matvec" data-bytes-per-second={calibration.matvec.bytesPerSecond}>
            Matrix-vector: {formatBytesPerSecond(calibration.matvec.bytesPerSecond)}
          </span>{' '}
          (a [1, {calibration.matvec.size}] · [{calibration.matvec.size}, {calibration.matvec.size}] matmul taking{' '}
          {calibration.matvec.matrices} matrices in turn, so each is read from memory, not cache;{' '}
          {formatSeconds(calibration.matvec.medianSeconds)} median).{' '}
          <span data-testid="launch" data-seconds-per-kernel={calibration.probe.secondsPerKernel}>
            Kernel launch: {formatSeconds(calibration.probe.secondsPerKernel)}
          </span>{' '}
          (the tiny decoder at negligible sizes, {formatSeconds(calibration.probe.medianSeconds)} median over{' '}
          {calibration.probe.kernels} kernels).{' '}
          <span data-testid="launch-chain" data-seconds-per-kernel={calibration.dispatch.secondsPerKernel}>
            Best case: {formatSeconds(calibration.dispatch.secondsPerKernel)}
          </span>{' '}
          ({calibration.dispatch.chainedOps} chained small kernels of {calibration.dispatch.mix.length} kinds,{' '}
          {formatSeconds(calibration.dispatch.medianSeconds)} median, over {calibration.dispatch.chainedOps}).
          {calibration.backend === 'webgl' && (
            <span data-testid="cpu-forward">
              {' '}
              TensorFlow.js&apos;s forwarding of small kernels to the CPU (<code>WEBGL_CPU_FORWARD</code>) is off for the
              calibration and the runs, so both time kernels on the GPU.
            </span>
          )}
        </p>
      ) : null}
      {calibration && (
        <p>
          <a href={`/playground/${playgroundDeviceQuery(calibration, deviceMemoryBytes())}`} data-testid="playground-device">
            Open this device in the playground
          </a>{' '}
          (custom hardware with the measured matmul FLOP/s as its peak, the measured add bandwidth and{' '}
          {memoryNote(deviceMemoryBytes())}, with the paper&apos;s models on it).
        </p>
      )}
    </section>
  );
}
