// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SAMPLE_PASSAGES, SAMPLE_QUESTION } from '@/lib/fido/sample';
import { decodeTokens, encodeInput, formatPassage, tokenize } from '@/lib/fido/tokenizer';
import { EOS_ID, MIN_VOCAB_SIZE, PAD_ID, UNK_ID, WORDS, pieceOf, wordId } from '@/lib/fido/vocabulary';

const VOCAB = 1024;

describe('tokenizer', () => {
  it('round-trips lowercase text with punctuation', () => {
    const text = 'who built the first tide clock, and where did it run? (1791)';

    expect(decodeTokens(tokenize(text, VOCAB), VOCAB)).toBe(text);
  });

  it('lowercases and spells unknown words by character', () => {
    const ids = tokenize('Eskvik Harbour', VOCAB);

    expect(decodeTokens(ids, VOCAB)).toBe('eskvik harbour');
    expect(ids).toHaveLength(1 + 'eskvik'.length + 1);
    expect(ids[ids.length - 1]).toBe(wordId('harbour'));
  });

  it('spells words whose id is beyond the vocabulary', () => {
    const harbour = wordId('harbour') as number;
    const ids = tokenize('harbour', harbour);

    expect(ids).not.toContain(harbour);
    expect(ids.every((id) => id < harbour)).toBe(true);
    expect(decodeTokens(ids, harbour)).toBe('harbour');
  });

  it('maps characters outside the vocabulary to <unk>', () => {
    const ids = tokenize('café', VOCAB);

    expect(ids[ids.length - 1]).toBe(UNK_ID);
    expect(decodeTokens(ids, VOCAB)).toBe('caf <unk>');
  });

  it('works at the minimum vocabulary and rejects a smaller one', () => {
    const ids = tokenize('the tide', MIN_VOCAB_SIZE);

    expect(ids.every((id) => id < MIN_VOCAB_SIZE)).toBe(true);
    expect(decodeTokens(ids, MIN_VOCAB_SIZE)).toBe('the tide');
    expect(() => tokenize('the', MIN_VOCAB_SIZE - 1)).toThrow(`vocabulary size ${MIN_VOCAB_SIZE - 1} is below the tokenizer's minimum ${MIN_VOCAB_SIZE}`);
  });

  it('decodes ids outside the vocabulary as <unk>', () => {
    expect(decodeTokens([VOCAB, -1, 2.5], VOCAB)).toBe('<unk> <unk> <unk>');
  });

  it('decodes every id of a large vocabulary to printable text', () => {
    const seen = new Set<string>();
    for (let id = 3; id < 8192; id++) {
      const piece = pieceOf(id);
      expect(piece, `id ${id}`).toMatch(/^▁?[a-z0-9.,?!'\-:;()"/%&]+$|^▁$/);
      seen.add(piece);
    }
    // Syllables repeat no piece, and only words may coincide with a generated syllable.
    expect(seen.size).toBeGreaterThan(8189 - WORDS.length);
  });

  it('shows padding as nothing and </s> as a marker', () => {
    expect(decodeTokens([PAD_ID, ...tokenize('the sea', VOCAB), EOS_ID, PAD_ID], VOCAB)).toBe('the sea </s>');
  });
});

describe('encodeInput', () => {
  const config = { passages: 8, passageTokens: 24, vocabSize: VOCAB };

  it('returns P rows of n_p ids', () => {
    const ids = encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config);

    expect(ids).toBeInstanceOf(Int32Array);
    expect(ids).toHaveLength(8 * 24);
  });

  it('truncates each row to n_p - 1 tokens and </s>', () => {
    const ids = encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config);
    const full = tokenize(formatPassage(SAMPLE_QUESTION, SAMPLE_PASSAGES[0]), VOCAB);
    const row = Array.from(ids.slice(0, 24));

    expect(full.length).toBeGreaterThan(24);
    expect(row.slice(0, 23)).toEqual(full.slice(0, 23));
    expect(row[23]).toBe(EOS_ID);
    expect(decodeTokens(row, VOCAB)).toMatch(/^question: who built the first tide clock/);
  });

  it('pads short rows after </s>', () => {
    const ids = encodeInput('why?', ['short.'], { passages: 1, passageTokens: 40, vocabSize: VOCAB });
    const text = tokenize('question: why? title: context: short.', VOCAB);

    expect(Array.from(ids.slice(0, text.length))).toEqual(text);
    expect(ids[text.length]).toBe(EOS_ID);
    expect(Array.from(ids.slice(text.length + 1)).every((id) => id === PAD_ID)).toBe(true);
  });

  it('repeats passages in order to fill P rows', () => {
    const ids = encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config);
    const row = (i: number) => Array.from(ids.slice(i * 24, (i + 1) * 24));

    expect(SAMPLE_PASSAGES.length).toBe(6);
    expect(row(6)).toEqual(row(0));
    expect(row(7)).toEqual(row(1));
    expect(row(1)).not.toEqual(row(0));
  });

  it('cuts passages beyond P', () => {
    const ids = encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, { ...config, passages: 2 });
    const all = encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config);

    expect(Array.from(ids)).toEqual(Array.from(all.slice(0, 48)));
  });

  it('rejects an empty passage list', () => {
    expect(() => encodeInput('q', [], config)).toThrow('encodeInput needs at least one passage');
  });
});
