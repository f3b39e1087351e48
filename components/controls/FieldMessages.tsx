import type { ReactNode } from 'react';
import styles from './controls.module.css';
import type { NumberDraft } from './useNumberDraft';

/** The messages under a number entry: why the text is invalid, what was clamped, a hint. */
export function FieldMessages({
  draft,
  errorId,
  hint,
  hintId,
}: {
  draft: NumberDraft;
  errorId: string;
  hint?: ReactNode;
  hintId: string;
}) {
  return (
    <>
      {draft.invalid && (
        <span id={errorId} className={styles.error}>
          {draft.expected}
        </span>
      )}
      {draft.notice && (
        <span role="status" className={styles.error}>
          {draft.notice}
        </span>
      )}
      {hint && (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      )}
    </>
  );
}
