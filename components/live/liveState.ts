/**
 * State of the live bench, as one reducer over worker events: the backend in use, the
 * calibration, and per variant the streamed phase and step times and tokens.
 */
import type { Config } from '@/lib/config/config';
import { configsEqual } from '@/lib/config/url';
import { variantConfig, VARIANTS, type BackendName, type BackendProbe, type DeviceMeasurement, type RunResult, type Variant, type WorkerEvent } from '@/lib/fido/protocol';
import { columnMedians, median } from '@/lib/fido/stats';
import { VARIANT_NAMES } from './names';

export type Activity = 'idle' | 'selecting' | 'calibrating' | 'running' | 'cancelled' | 'failed' | 'finished';

export interface Progress {
  done: number;
  total: number;
  label: string;
}

export interface VariantRun {
  /** The configuration sent to the worker for this variant. */
  config: Config;
  /** Seed of the random weights and the input, as sent to the worker. */
  seed: number;
  /** Timed repeats requested, as sent to the worker. */
  repeats: number;
  backend: BackendName | null;
  encoderSamples: number[];
  projectionSamples: number[];
  /** `steps[repeat][step]` in seconds, filled as the worker measures them. */
  steps: number[][];
  /** Token texts of the first timed repeat, in the order they came out. */
  tokens: string[];
  result: RunResult | null;
  /** Set when the run ended without a result: cancelled by the reader or failed. */
  stopped: 'cancelled' | 'failed' | null;
}

export interface LiveState {
  activity: Activity;
  /** Description of the current activity for the status line, set with the activity. */
  task: string;
  progress: Progress | null;
  error: string | null;
  backend: { backend: BackendName; probes: BackendProbe[]; fallback?: string } | null;
  calibration: DeviceMeasurement | null;
  runs: Record<Variant, VariantRun | null>;
  /** Sentence that explains why earlier results were removed, shown until the next run begins. */
  cleared: string | null;
}

export const INITIAL_LIVE_STATE: LiveState = {
  activity: 'idle',
  task: '',
  progress: null,
  error: null,
  backend: null,
  calibration: null,
  runs: { fid: null, fido: null },
  cleared: null,
};

export type LiveAction =
  | { type: 'start'; activity: 'selecting' | 'calibrating' | 'running'; task: string }
  | { type: 'event'; event: WorkerEvent }
  /** Events received since the last flush, applied in order with one render. */
  | { type: 'events'; events: WorkerEvent[] }
  | { type: 'begin-run'; variant: Variant; config: Config; seed: number; repeats: number }
  | { type: 'clear-runs' }
  /** Removes the runs made with settings other than the ones shown, so no result describes other settings. */
  | { type: 'drop-runs'; variants: readonly Variant[] }
  /** Forgets the backend and calibration after a new backend choice, with `busy` set when that stopped a run or calibration. */
  | { type: 'forget-backend'; busy: boolean }
  | { type: 'finish' }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };

export function emptyRun(config: Config, seed: number, repeats: number): VariantRun {
  return { config, seed, repeats, backend: null, encoderSamples: [], projectionSamples: [], steps: [], tokens: [], result: null, stopped: null };
}

function updateRun(state: LiveState, variant: Variant, update: (run: VariantRun) => VariantRun): LiveState {
  const run = state.runs[variant];
  // Events of a run the page has not begun (or has cleared) are dropped.
  if (!run) return state;
  return { ...state, runs: { ...state.runs, [variant]: update(run) } };
}

/** Marks every begun run without a result as stopped, so its view no longer waits for tokens. */
function stopRuns(runs: LiveState['runs'], stopped: 'cancelled' | 'failed'): LiveState['runs'] {
  const stop = (run: VariantRun | null) => (run && !run.result && !run.stopped ? { ...run, stopped } : run);
  return { fid: stop(runs.fid), fido: stop(runs.fido) };
}

/** Removes the runs of `variants` and, when any of them existed, sets the sentence that explains why. */
function dropRuns(state: LiveState, variants: readonly Variant[], because: string): LiveState {
  const dropped = variants.filter((variant) => state.runs[variant]);
  if (dropped.length === 0) return state;
  const runs = { ...state.runs };
  for (const variant of dropped) runs[variant] = null;
  const names = dropped.map((variant) => VARIANT_NAMES[variant]).join(' and ');
  return { ...state, runs, cleared: `The results of ${names} were cleared because ${because}.` };
}

/** Checks that a run was made with `config`, `seed` and `repeats`, as the page now shows them. */
export function runMatches(run: VariantRun, variant: Variant, config: Config, seed: number, repeats: number): boolean {
  return run.seed === seed && run.repeats === repeats && configsEqual(run.config, variantConfig(config, variant));
}

/** Lists the variants whose run no longer matches the settings shown. FiD ignores K and g, so they never make its run stale. */
export function staleRuns(runs: LiveState['runs'], config: Config, seed: number, repeats: number): Variant[] {
  return VARIANTS.filter((variant) => {
    const run = runs[variant];
    return run !== null && !runMatches(run, variant, config, seed, repeats);
  });
}

function applyEvent(state: LiveState, event: WorkerEvent): LiveState {
  switch (event.type) {
    case 'backend': {
      // Runs on another backend would be compared and predicted with this backend's calibration.
      const otherBackend = VARIANTS.filter((variant) => {
        const ran = state.runs[variant]?.backend;
        return ran != null && ran !== event.backend;
      });
      const remaining = dropRuns(state, otherBackend, `they ran on another backend than ${event.backend}`);
      return { ...remaining, backend: { backend: event.backend, probes: event.probes, fallback: event.fallback } };
    }
    case 'progress':
      return { ...state, progress: { done: event.done, total: event.total, label: event.label } };
    case 'calibration':
      return { ...state, calibration: event.measurement };
    case 'phase':
      return updateRun(state, event.variant, (run) => ({
        ...run,
        backend: event.backend,
        encoderSamples: event.phase === 'encoder' ? [...run.encoderSamples, event.seconds] : run.encoderSamples,
        projectionSamples: event.phase === 'projection' ? [...run.projectionSamples, event.seconds] : run.projectionSamples,
      }));
    case 'step':
      return updateRun(state, event.variant, (run) => {
        const steps = run.steps.map((row) => [...row]);
        while (steps.length <= event.repeat) steps.push([]);
        steps[event.repeat][event.step] = event.seconds;
        const tokens = event.repeat === 0 ? [...run.tokens.slice(0, event.step), event.text] : run.tokens;
        return { ...run, backend: event.backend, steps, tokens };
      });
    case 'done':
      return updateRun(state, event.result.variant, (run) => ({ ...run, backend: event.result.backend, result: event.result }));
    case 'error':
      return { ...state, activity: 'failed', error: event.message, progress: null, runs: stopRuns(state.runs, 'failed') };
  }
}

export function liveReducer(state: LiveState, action: LiveAction): LiveState {
  switch (action.type) {
    case 'start':
      return { ...state, activity: action.activity, task: action.task, progress: null, error: null };
    case 'event':
      return applyEvent(state, action.event);
    case 'events':
      return action.events.reduce(applyEvent, state);
    case 'begin-run':
      return { ...state, cleared: null, runs: { ...state.runs, [action.variant]: emptyRun(action.config, action.seed, action.repeats) } };
    case 'clear-runs':
      return { ...state, cleared: null, runs: { fid: null, fido: null } };
    case 'drop-runs':
      return dropRuns(state, action.variants, 'the settings changed after they ran');
    case 'forget-backend': {
      const because = action.busy ? 'the backend changed, which also cancelled the work in progress' : 'the backend changed';
      const dropped = dropRuns(state, VARIANTS, because);
      const cancelledOnly = dropped === state && action.busy;
      const cleared = cancelledOnly ? 'The work in progress was cancelled because the backend changed.' : dropped.cleared;
      return { ...dropped, cleared, backend: null, calibration: null };
    }
    case 'finish':
      return { ...state, activity: 'finished', progress: null };
    case 'cancelled':
      return { ...state, activity: 'cancelled', progress: null, runs: stopRuns(state.runs, 'cancelled') };
    case 'failed':
      return { ...state, activity: 'failed', error: action.message, progress: null, runs: stopRuns(state.runs, 'failed') };
  }
}

/** Median seconds per decoder step over the repeats measured so far. */
export function stepMedians(run: VariantRun): number[] {
  return columnMedians(run.steps.map((row) => row.filter((value) => value !== undefined)));
}

/** Median encoder and projection seconds so far, or NaN before the first sample. */
export function phaseMedians(run: VariantRun): { encoder: number; projection: number; decoder: number } {
  const steps = stepMedians(run);
  return {
    encoder: median(run.encoderSamples),
    projection: median(run.projectionSamples),
    decoder: steps.length ? steps.reduce((a, b) => a + b, 0) : Number.NaN,
  };
}

export function isBusy(activity: Activity): boolean {
  return activity === 'selecting' || activity === 'calibrating' || activity === 'running';
}
