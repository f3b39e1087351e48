import {
  articleSearch,
  articleUrlAt,
  clampSlideIndex,
  isPresenting,
  lectureSearch,
  parseSlideNumber,
} from '@/lib/lecture/slides';

describe('parseSlideNumber', () => {
  it('selects the first slide when the key is missing', () => {
    expect(parseSlideNumber(null, 5)).toEqual({ index: 0, notice: null });
  });

  it('converts a 1-based number to an index', () => {
    expect(parseSlideNumber('1', 5)).toEqual({ index: 0, notice: null });
    expect(parseSlideNumber('3', 5)).toEqual({ index: 2, notice: null });
    expect(parseSlideNumber('5', 5)).toEqual({ index: 4, notice: null });
    expect(parseSlideNumber(' 2 ', 5)).toEqual({ index: 1, notice: null });
  });

  it('clamps a slide past the end to the last with a notice', () => {
    const selection = parseSlideNumber('42', 5);
    expect(selection.index).toBe(4);
    expect(selection.notice).toMatch(/slide 42.*only 5 slides.*slide 5 is shown/);
  });

  it('clamps slide 0 to the first with a notice', () => {
    const selection = parseSlideNumber('0', 5);
    expect(selection.index).toBe(0);
    expect(selection.notice).toMatch(/start at 1/);
  });

  it.each(['', 'abc', '2.5', '-1', '1e2', '0x3', 'NaN', 'Infinity'])('rejects malformed value %j with a notice', (raw) => {
    const selection = parseSlideNumber(raw, 5);
    expect(selection.index).toBe(0);
    expect(selection.notice).toMatch(/not a slide number/);
  });

  it('shortens a long malformed value in the notice', () => {
    const selection = parseSlideNumber('x'.repeat(500), 5);
    expect(selection.notice!.length).toBeLessThan(120);
  });

  it('handles a huge number without overflow', () => {
    const selection = parseSlideNumber('9'.repeat(400), 3);
    expect(selection.index).toBe(2);
    expect(selection.notice).toMatch(/only 3 slides/);
  });

  it('returns slide 0 without a notice when there are no slides', () => {
    expect(parseSlideNumber('4', 0)).toEqual({ index: 0, notice: null });
  });
});

describe('clampSlideIndex', () => {
  it('keeps indexes within the slides', () => {
    expect(clampSlideIndex(-1, 4)).toBe(0);
    expect(clampSlideIndex(0, 4)).toBe(0);
    expect(clampSlideIndex(3, 4)).toBe(3);
    expect(clampSlideIndex(4, 4)).toBe(3);
    expect(clampSlideIndex(Number.NaN, 4)).toBe(0);
    expect(clampSlideIndex(2, 0)).toBe(0);
  });
});

describe('lecture URLs', () => {
  it('detects present=1 only', () => {
    expect(isPresenting('?present=1')).toBe(true);
    expect(isPresenting('?k=6&present=1&slide=2')).toBe(true);
    expect(isPresenting('?present=0')).toBe(false);
    expect(isPresenting('?present')).toBe(false);
    expect(isPresenting('')).toBe(false);
  });

  it('sets the 1-based slide and keeps the configuration', () => {
    expect(lectureSearch('?k=6&kv=1', 2)).toBe('?k=6&kv=1&present=1&slide=3');
    expect(lectureSearch('?present=1&slide=9&k=6', 0)).toBe('?present=1&slide=1&k=6');
  });

  it('drops only the lecture keys for the article', () => {
    expect(articleSearch('?present=1&slide=3&k=6&kv=1')).toBe('?k=6&kv=1');
    expect(articleSearch('?present=1&slide=3')).toBe('');
  });

  it('points the article URL at a section', () => {
    expect(articleUrlAt('http://127.0.0.1:3000/?enc=large&present=1&slide=4&dec=xxl', 'decoder-cost')).toBe(
      'http://127.0.0.1:3000/?enc=large&dec=xxl#decoder-cost',
    );
    expect(articleUrlAt('http://127.0.0.1:3000/?present=1#old', '')).toBe('http://127.0.0.1:3000/');
  });
});
