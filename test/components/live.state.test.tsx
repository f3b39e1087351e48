import { describe, expect, it } from 'vitest';
import { INITIAL_LIVE_STATE, liveReducer, phaseMedians, stepMedians, type LiveState } from '@/components/live/liveState';
import { TINY_FID_CONFIG } from '@/lib/fido';
import type { WorkerEvent } from '@/lib/fido/protocol';

function step(repeat: number, stepIndex: number, seconds: number, text = 'x'): WorkerEvent {
  return { type: 'step', id: 1, variant: 'fid', backend: 'wasm', repeat, step: stepIndex, seconds, token: 5, text };
}

function begun(): LiveState {
  return liveReducer(INITIAL_LIVE_STATE, { type: 'begin-run', variant: 'fid', config: TINY_FID_CONFIG, seed: 1, repeats: 3 });
}

describe('liveReducer', () => {
  it('files step times by repeat and step', () => {
    const state = liveReducer(begun(), { type: 'events', events: [step(0, 0, 0.1), step(0, 1, 0.2), step(1, 0, 0.3)] });
    expect(state.runs.fid?.steps).toEqual([[0.1, 0.2], [0.3]]);
  });

  it('keeps tokens of the first repeat only', () => {
    const state = liveReducer(begun(), { type: 'events', events: [step(0, 0, 0.1, 'a'), step(0, 1, 0.1, 'b'), step(1, 0, 0.1, 'z')] });
    expect(state.runs.fid?.tokens).toEqual(['a', 'b']);
  });

  it('labels the run with the backend that ran it', () => {
    const state = liveReducer(begun(), { type: 'event', event: step(0, 0, 0.1) });
    expect(state.runs.fid?.backend).toBe('wasm');
  });

  it('marks a run without a result as cancelled or failed', () => {
    expect(liveReducer(begun(), { type: 'cancelled' }).runs.fid?.stopped).toBe('cancelled');
    expect(liveReducer(begun(), { type: 'failed', message: 'out of memory' }).runs.fid?.stopped).toBe('failed');
    expect(liveReducer(begun(), { type: 'event', event: { type: 'error', id: 1, message: 'lost context' } }).runs.fid?.stopped).toBe('failed');
  });

  it('drops events of a run not begun', () => {
    const state = liveReducer(INITIAL_LIVE_STATE, { type: 'event', event: step(0, 0, 0.1) });
    expect(state.runs.fid).toBeNull();
  });

  it('drops runs of another backend on init', () => {
    let state = liveReducer(begun(), { type: 'event', event: step(0, 0, 0.004) });
    state = liveReducer(state, { type: 'event', event: { type: 'backend', id: 2, requested: 'cpu', backend: 'cpu', probes: [] } });
    expect(state.runs.fid).toBeNull();
    expect(state.cleared).toBe('The results of Tiny FiD were cleared because they ran on another backend than cpu.');
  });

  it('keeps runs of the same backend on init', () => {
    let state = liveReducer(begun(), { type: 'event', event: step(0, 0, 0.004) });
    state = liveReducer(state, { type: 'event', event: { type: 'backend', id: 2, requested: 'wasm', backend: 'wasm', probes: [] } });
    expect(state.runs.fid?.steps).toEqual([[0.004]]);
    expect(state.cleared).toBeNull();
  });

  it('says a backend change cancelled a run', () => {
    const state = liveReducer(begun(), { type: 'forget-backend', busy: true });
    expect(state.runs.fid).toBeNull();
    expect(state.cleared).toBe('The results of Tiny FiD were cleared because the backend changed, which also cancelled the work in progress.');
  });

  it('says a backend change cancelled a calibration', () => {
    const state = liveReducer(INITIAL_LIVE_STATE, { type: 'forget-backend', busy: true });
    expect(state.cleared).toBe('The work in progress was cancelled because the backend changed.');
  });

  it('keeps the calibration when a run is cleared', () => {
    const measurement = { backend: 'cpu' } as never;
    let state = liveReducer(begun(), { type: 'event', event: { type: 'calibration', id: 2, measurement } });
    state = liveReducer(state, { type: 'clear-runs' });
    expect(state.runs.fid).toBeNull();
    expect(state.calibration).toBe(measurement);
  });

  it('shows cancelled without progress', () => {
    let state = liveReducer(begun(), { type: 'event', event: { type: 'progress', id: 1, done: 1, total: 4, label: 'run' } });
    state = liveReducer(state, { type: 'cancelled' });
    expect(state.activity).toBe('cancelled');
    expect(state.progress).toBeNull();
  });
});

describe('stepMedians', () => {
  it('takes the median of each step over repeats', () => {
    const state = liveReducer(begun(), { type: 'events', events: [step(0, 0, 1), step(1, 0, 3), step(2, 0, 2), step(0, 1, 5)] });
    expect(stepMedians(state.runs.fid!)).toEqual([2, 5]);
  });
});

describe('phaseMedians', () => {
  it('sums the step medians into the decoder time', () => {
    const events: WorkerEvent[] = [
      { type: 'phase', id: 1, variant: 'fid', backend: 'wasm', phase: 'encoder', repeat: 0, seconds: 0.5 },
      { type: 'phase', id: 1, variant: 'fid', backend: 'wasm', phase: 'encoder', repeat: 1, seconds: 0.7 },
      step(0, 0, 0.1),
      step(0, 1, 0.3),
    ];
    const medians = phaseMedians(liveReducer(begun(), { type: 'events', events }).runs.fid!);
    expect(medians.encoder).toBeCloseTo(0.6);
    expect(medians.decoder).toBeCloseTo(0.4);
    expect(medians.projection).toBeNaN();
  });
});
