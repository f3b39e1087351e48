'use client';
/**
 * The model's input as the reader would read it: the question, and each passage row as the
 * encoder reads it after tokenization (question prepended, cut to n_p tokens, </s> at the end).
 */
import { memo, useMemo } from 'react';
import type { Config } from '@/lib/config/config';
import { SAMPLE_PASSAGES, SAMPLE_QUESTION } from '@/lib/fido/sample';
import { decodeTokens, encodeInput } from '@/lib/fido/tokenizer';
import { pluralize } from '@/lib/text/plural';
import styles from './live.module.css';

export const InputView = memo(function InputView({ config }: { config: Config }) {
  const rows = useMemo(() => {
    const ids = encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config);
    const texts: string[] = [];
    for (let row = 0; row < config.passages; row++) {
      texts.push(decodeTokens(ids.subarray(row * config.passageTokens, (row + 1) * config.passageTokens), config.vocabSize));
    }
    return texts;
  }, [config]);

  const invented = pluralize(SAMPLE_PASSAGES.length, 'invented passage');
  let source = `${invented}, repeated in order to fill ${config.passages}`;
  if (config.passages === 1) source = `the first of the ${invented}`;
  else if (config.passages <= SAMPLE_PASSAGES.length) source = `the first ${config.passages} of the ${invented}`;

  return (
    <div>
      <p>
        <strong>Question:</strong> {SAMPLE_QUESTION}
      </p>
      <details>
        <summary>
          {pluralize(config.passages, 'passage')} of {pluralize(config.passageTokens, 'token')} each, as the encoder reads them ({source})
        </summary>
        {/* The list scrolls, so it takes keyboard focus for the arrow keys to scroll it. */}
        <ol className={styles.passages} tabIndex={0} aria-label="Passages as the encoder reads them">
          {rows.map((text, index) => (
            <li key={index}>{text}</li>
          ))}
        </ol>
      </details>
    </div>
  );
});
