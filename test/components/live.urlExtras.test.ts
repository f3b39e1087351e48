import { describe, expect, it } from 'vitest';
import { DEFAULT_REPEATS, DEFAULT_SEED, MAX_REPEATS, parseExtras } from '@/components/live/urlExtras';
import { oneNoticePerKey } from '@/lib/fido/protocol';

describe('parseExtras', () => {
  it('clamps repeats below and above the range', () => {
    expect(parseExtras('?repeats=-99999').extras.repeats).toBe(1);
    expect(parseExtras('?repeats=1e9').extras.repeats).toBe(MAX_REPEATS);
    expect(parseExtras('?repeats=1e999').extras.repeats).toBe(MAX_REPEATS);
  });

  it('names the clamp in the notice', () => {
    expect(parseExtras('?repeats=1e9').notices).toEqual([{ key: 'repeats', given: '1e9', used: String(MAX_REPEATS), reason: `above the maximum ${MAX_REPEATS}` }]);
  });

  it('clamps a negative seed to zero', () => {
    expect(parseExtras('?seed=-3').extras.seed).toBe(0);
  });

  it('reads a seed in exponent form', () => {
    const parsed = parseExtras('?seed=2e3');
    expect(parsed.extras.seed).toBe(2000);
    expect(parsed.notices).toEqual([]);
  });

  it('falls back on text that is not a number', () => {
    const parsed = parseExtras('?repeats=abc&seed=');
    expect(parsed.extras).toMatchObject({ repeats: DEFAULT_REPEATS, seed: DEFAULT_SEED });
    expect(parsed.notices.map((n) => n.reason)).toEqual(['not a number; the default is used', 'not a number; the default is used']);
  });

  it('uses the first of a repeated key', () => {
    const parsed = parseExtras('?repeats=3&repeats=7');
    expect(parsed.extras.repeats).toBe(3);
    expect(parsed.notices).toEqual([{ key: 'repeats', given: '3, 7', used: '3', reason: 'given 2 times; the first value is used' }]);
  });
});

describe('oneNoticePerKey', () => {
  it('merges notices on one key', () => {
    const merged = oneNoticePerKey([
      { key: 'passages', given: '-99999', used: '1', reason: 'below the minimum 1' },
      { key: 'k', given: 'x', used: '2', reason: 'not a number; the default is used' },
      { key: 'passages', given: '-99999, 1e9', used: '1', reason: 'given 2 times; the first value is used' },
    ]);
    expect(merged).toEqual([
      { key: 'passages', given: '-99999, 1e9', used: '1', reason: 'below the minimum 1, and given 2 times; the first value is used' },
      { key: 'k', given: 'x', used: '2', reason: 'not a number; the default is used' },
    ]);
  });
});
