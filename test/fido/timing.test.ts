// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { columnMedians, elapsedSeconds, median, summarize, timeRepeated } from '@/lib/fido/timing';

/** A clock that advances by the given milliseconds on each call after the first of a pair. */
function scriptedClock(durationsMs: number[]) {
  let now = 0;
  let index = 0;
  let started = false;
  return () => {
    if (started) now += durationsMs[index++];
    started = !started;
    return now;
  };
}

describe('median', () => {
  it('picks the middle of an odd count', () => {
    expect(median([5, 1, 3])).toBe(3);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('ignores one extreme outlier', () => {
    expect(median([0.01, 0.011, 0.012, 5, 0.0105])).toBe(0.011);
  });

  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });

  it('leaves its input unsorted', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('columnMedians', () => {
  it('gives one median per decoder step', () => {
    expect(columnMedians([[1, 10], [3, 30], [2, 20]])).toEqual([2, 20]);
  });

  it('uses only the repeats that reached a step', () => {
    expect(columnMedians([[1, 10, 100], [3]])).toEqual([2, 10, 100]);
  });
});

describe('timeRepeated', () => {
  it('excludes warm-up runs from the samples', async () => {
    const calls: number[] = [];
    // Warm-ups are not timed, so the clock only sees the three timed runs.
    const clock = scriptedClock([10, 20, 30]);
    const samples = await timeRepeated(
      async (repeat) => {
        calls.push(repeat);
      },
      { warmups: 2, repeats: 3 },
      clock,
    );
    expect(calls).toEqual([-2, -1, 0, 1, 2]);
    expect(samples).toEqual([0.01, 0.02, 0.03]);
  });

  it('waits for the timed function to finish', async () => {
    let finished = 0;
    await timeRepeated(
      async () => {
        await Promise.resolve();
        finished++;
      },
      { warmups: 1, repeats: 2 },
    );
    expect(finished).toBe(3);
  });
});

describe('summarize', () => {
  it('reports median, minimum and maximum seconds', () => {
    const summary = summarize([0.3, 0.1, 0.2]);
    expect(summary.medianSeconds).toBe(0.2);
    expect(summary.minSeconds).toBe(0.1);
    expect(summary.maxSeconds).toBe(0.3);
    expect(summary.samplesSeconds).toEqual([0.3, 0.1, 0.2]);
  });
});

describe('elapsedSeconds', () => {
  it('converts milliseconds to seconds', () => {
    expect(elapsedSeconds(1000, 1250)).toBe(0.25);
  });

  it('never goes negative', () => {
    expect(elapsedSeconds(10, 5)).toBe(0);
  });
});
