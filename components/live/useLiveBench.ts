'use client';
/**
 * Drives the model worker for the live bench: selects a backend, calibrates the device and
 * runs FiD and FiDO, one request at a time, with cancel. Worker events go through
 * `liveReducer`, so the page re-renders as each time and token arrives.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Config } from '@/lib/config/config';
import { variantConfig, type BackendChoice, type BackendName, type Variant, type WorkerEvent } from '@/lib/fido/protocol';
import { INITIAL_LIVE_STATE, isBusy, liveReducer, staleRuns, type LiveAction, type LiveState } from './liveState';
import { CancelledError, FidoWorkerClient, type WorkerFactory } from './workerClient';

/** Folder the TensorFlow.js .wasm binaries are copied to at build time (scripts/copy-wasm.mjs). */
export const WASM_PATH = '/tfjs-wasm/';

/** Maximum wait, in milliseconds, before streamed times reach the page: ten updates a second. */
export const FLUSH_INTERVAL_MS = 100;

export interface RunSettings {
  seed: number;
  warmups: number;
  repeats: number;
}

export interface LiveBench {
  state: LiveState;
  selectBackend: () => Promise<void>;
  calibrate: () => Promise<void>;
  run: (variants: readonly Variant[]) => Promise<void>;
  cancel: () => void;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useLiveBench(factory: WorkerFactory, choice: BackendChoice, config: Config, settings: RunSettings): LiveBench {
  const [state, dispatch] = useReducer(liveReducer, INITIAL_LIVE_STATE);
  const clientRef = useRef<FidoWorkerClient | null>(null);
  /** Backend the current worker has active, or null before `init` (and after a cancel). */
  const activeBackend = useRef<BackendName | null>(null);
  /** Backend chosen by the last full selection; a fresh worker after a cancel reuses it without probing. */
  const selected = useRef<{ choice: BackendChoice; backend: BackendName } | null>(null);
  const calibrated = useRef<BackendName | null>(null);
  const busy = useRef(false);
  /** Bumped on unmount, so a request that fails because its worker was disposed stays silent. */
  const generation = useRef(0);

  const client = useCallback(() => {
    clientRef.current ??= new FidoWorkerClient(factory);
    return clientRef.current;
  }, [factory]);

  // Worker events are applied in batches at most every FLUSH_INTERVAL_MS, so a burst of step
  // and progress messages costs one render, not one each. Every other action first applies
  // what is queued, so events and actions keep their order.
  const queued = useRef<WorkerEvent[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const events = queued.current;
    if (events.length === 0) return;
    queued.current = [];
    dispatch({ type: 'events', events });
  }, []);
  const onEvent = useCallback(
    (event: WorkerEvent) => {
      queued.current.push(event);
      timer.current ??= setTimeout(flush, FLUSH_INTERVAL_MS);
    },
    [flush],
  );
  const send = useCallback(
    (action: LiveAction) => {
      flush();
      dispatch(action);
    },
    [flush],
  );

  useEffect(
    () => () => {
      generation.current++;
      busy.current = false;
      if (timer.current !== null) clearTimeout(timer.current);
      activeBackend.current = null;
      clientRef.current?.dispose();
      clientRef.current = null;
    },
    [],
  );

  const ensureBackend = useCallback(async () => {
    if (activeBackend.current) return;
    const reuse = selected.current?.choice === choice ? selected.current.backend : null;
    send({ type: 'start', activity: 'selecting', task: reuse ? `Starting ${reuse}` : 'Selecting a backend' });
    const event = await client().request({ type: 'init', backend: reuse ?? choice, wasmPath: WASM_PATH }, (e) => {
      // A restart after a cancel keeps the probe table and fallback note of the first selection.
      if (!(reuse && e.type === 'backend' && e.backend === reuse)) onEvent(e);
    });
    activeBackend.current = event.backend;
    selected.current = { choice, backend: event.backend };
  }, [choice, client, onEvent, send]);

  const ensureCalibration = useCallback(async () => {
    if (calibrated.current === activeBackend.current) return;
    send({ type: 'start', activity: 'calibrating', task: `Calibrating ${activeBackend.current}` });
    const event = await client().request({ type: 'calibrate' }, onEvent);
    calibrated.current = event.measurement.backend;
  }, [client, onEvent, send]);

  const guarded = useCallback(async (work: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    const started = generation.current;
    try {
      await work();
      send({ type: 'finish' });
    } catch (error) {
      if (started !== generation.current) return;
      if (error instanceof CancelledError) send({ type: 'cancelled' });
      else {
        activeBackend.current = null;
        clientRef.current?.cancel();
        send({ type: 'failed', message: message(error) });
      }
    } finally {
      if (started === generation.current) busy.current = false;
    }
  }, [send]);

  const selectBackend = useCallback(() => guarded(ensureBackend), [guarded, ensureBackend]);

  const calibrate = useCallback(
    () =>
      guarded(async () => {
        await ensureBackend();
        calibrated.current = null;
        await ensureCalibration();
      }),
    [guarded, ensureBackend, ensureCalibration],
  );

  const run = useCallback(
    (variants: readonly Variant[]) =>
      guarded(async () => {
        await ensureBackend();
        await ensureCalibration();
        if (variants.length > 1) send({ type: 'clear-runs' });
        for (const variant of variants) {
          const runConfig = variantConfig(config, variant);
          send({ type: 'begin-run', variant, config: runConfig, seed: settings.seed, repeats: settings.repeats });
          send({ type: 'start', activity: 'running', task: `Running tiny ${variant === 'fid' ? 'FiD' : 'FiDO'}` });
          await client().request({ type: 'run', variant, config: runConfig, ...settings }, onEvent);
        }
      }),
    [guarded, ensureBackend, ensureCalibration, client, config, settings, onEvent, send],
  );

  const cancel = useCallback(() => {
    clientRef.current?.cancel();
    activeBackend.current = null;
  }, []);

  // A new backend choice needs a new selection, a new worker and a new calibration.
  const lastChoice = useRef(choice);
  useEffect(() => {
    if (lastChoice.current === choice) return;
    lastChoice.current = choice;
    clientRef.current?.cancel();
    activeBackend.current = null;
    calibrated.current = null;
    selected.current = null;
    send({ type: 'forget-backend', busy: busy.current });
  }, [choice, send]);

  // Once nothing runs, a result made with settings other than the ones shown is removed,
  // so tables, charts and exports describe only what the page's link reproduces.
  const { runs, activity } = state;
  useEffect(() => {
    if (isBusy(activity)) return;
    const stale = staleRuns(runs, config, settings.seed, settings.repeats);
    if (stale.length > 0) send({ type: 'drop-runs', variants: stale });
  }, [runs, activity, config, settings, send]);

  return { state, selectBackend, calibrate, run, cancel };
}
