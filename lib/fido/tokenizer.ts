/**
 * Text in and out of the tiny model with the fixed vocabulary of vocabulary.ts.
 * Text is lowercased and split into runs of letters and digits and single other
 * characters. A run after a space becomes one "▁word" piece when the word is in the
 * vocabulary (and its id below the vocabulary size), otherwise "▁" and one piece per
 * character; characters outside the vocabulary become <unk>.
 */
import type { Config } from '../config/config';
import type { Passage } from './sample';
import {
  EOS_ID,
  MIN_VOCAB_SIZE,
  PAD_ID,
  SPACE_PIECE,
  UNK_ID,
  characterId,
  pieceOf,
  wordId,
} from './vocabulary';

function checkVocabSize(vocabSize: number): void {
  if (!Number.isInteger(vocabSize) || vocabSize < MIN_VOCAB_SIZE) {
    throw new Error(`vocabulary size ${vocabSize} is below the tokenizer's minimum ${MIN_VOCAB_SIZE}`);
  }
}

/** Token ids of `text`, without an end-of-sequence id. */
export function tokenize(text: string, vocabSize: number): number[] {
  checkVocabSize(vocabSize);
  const ids: number[] = [];
  const spaceId = characterId(SPACE_PIECE) as number;
  let previousEnd = 0;

  for (const match of text.toLowerCase().matchAll(/[a-z0-9]+|\S/g)) {
    const run = match[0];
    const start = match.index ?? 0;
    // Like SentencePiece, the start of the text counts as a space.
    const afterSpace = start === 0 || start > previousEnd;
    previousEnd = start + run.length;

    const word = afterSpace ? wordId(run) : undefined;
    if (word !== undefined && word < vocabSize) {
      ids.push(word);
      continue;
    }
    if (afterSpace) ids.push(spaceId);
    for (const character of run) ids.push(characterId(character) ?? UNK_ID);
  }
  return ids;
}

/** FiD's input text for one passage: the question, the title and the passage. */
export function formatPassage(question: string, passage: Passage | string): string {
  const { title, text } = typeof passage === 'string' ? { title: '', text: passage } : passage;
  return `question: ${question} title: ${title} context: ${text}`;
}

/**
 * Token ids [P·n_p], row-major: the question prepended to each passage, cut to n_p - 1
 * tokens, then the end-of-sequence id, then padding. Passages repeat in order, or are cut,
 * to make exactly P rows.
 */
export function encodeInput(
  question: string,
  passages: readonly (Passage | string)[],
  config: Pick<Config, 'passages' | 'passageTokens' | 'vocabSize'>,
): Int32Array {
  if (passages.length === 0) throw new Error('encodeInput needs at least one passage');
  const { passages: rows, passageTokens } = config;
  const ids = new Int32Array(rows * passageTokens).fill(PAD_ID);

  for (let row = 0; row < rows; row++) {
    const tokens = tokenize(formatPassage(question, passages[row % passages.length]), config.vocabSize);
    const truncated = tokens.slice(0, Math.max(passageTokens - 1, 0));
    truncated.push(EOS_ID);
    ids.set(truncated.slice(0, passageTokens), row * passageTokens);
  }
  return ids;
}

/**
 * Text of token ids: "▁" becomes a space, padding is dropped, </s> is shown, and ids
 * outside [0, vocabSize) show as <unk>.
 */
export function decodeTokens(ids: ArrayLike<number>, vocabSize: number = Number.POSITIVE_INFINITY): string {
  let text = '';
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id === PAD_ID) continue;
    const inside = Number.isInteger(id) && id >= 0 && id < vocabSize;
    const piece = pieceOf(inside ? id : UNK_ID);
    text += piece.startsWith('<') ? ` ${piece}` : piece;
  }
  return text.replaceAll(SPACE_PIECE, ' ').replace(/\s+/g, ' ').trim();
}
