/**
 * Timing statistics for the tiny model and the calibration: warm-up runs are executed but
 * never recorded, and every reported time is a median over the timed repeats. The caller's
 * timed function must read its result back (`await tensor.data()`) before it returns, so
 * the time covers the work and not only its dispatch (WebGL runs asynchronously).
 */

/** Monotonic clock in milliseconds, `performance.now` by default (browser, worker and Node). */
export type ClockMs = () => number;

export const defaultClock: ClockMs = () => performance.now();

/** Median of the values; NaN for an empty list. Even counts average the two middle values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median of each column: `rows[repeat][step]` gives one median per step over the repeats that reached it. */
export function columnMedians(rows: readonly (readonly number[])[]): number[] {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const medians: number[] = [];
  for (let column = 0; column < width; column++) {
    const values = rows.filter((row) => column < row.length).map((row) => row[column]);
    medians.push(median(values));
  }
  return medians;
}

export interface RepeatOptions {
  /** Runs executed first and not recorded: they compile kernels and fill caches. */
  warmups: number;
  /** Runs recorded. */
  repeats: number;
}

/** Seconds between two clock readings in milliseconds. */
export function elapsedSeconds(startMs: number, endMs: number): number {
  return Math.max(0, endMs - startMs) / 1000;
}

/**
 * Runs `fn` `warmups + repeats` times and returns the seconds of the timed runs only.
 * `fn` receives the repeat index (negative for warm-ups) so it can report progress.
 */
export async function timeRepeated(
  fn: (repeat: number) => Promise<unknown>,
  options: RepeatOptions,
  clock: ClockMs = defaultClock,
): Promise<number[]> {
  for (let i = 0; i < options.warmups; i++) await fn(i - options.warmups);
  const samples: number[] = [];
  for (let repeat = 0; repeat < options.repeats; repeat++) {
    const start = clock();
    await fn(repeat);
    samples.push(elapsedSeconds(start, clock()));
  }
  return samples;
}

export interface Summary {
  medianSeconds: number;
  minSeconds: number;
  maxSeconds: number;
  samplesSeconds: number[];
}

export function summarize(samplesSeconds: readonly number[]): Summary {
  return {
    medianSeconds: median(samplesSeconds),
    minSeconds: samplesSeconds.length ? Math.min(...samplesSeconds) : Number.NaN,
    maxSeconds: samplesSeconds.length ? Math.max(...samplesSeconds) : Number.NaN,
    samplesSeconds: [...samplesSeconds],
  };
}
