'use client';
import { useId, type ReactNode } from 'react';
import styles from './controls.module.css';
import { FieldMessages } from './FieldMessages';
import { useNumberDraft } from './useNumberDraft';

export interface NumberFieldProps {
  label: string;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  /** Step of the browser's spin buttons; 1 by default. */
  step?: number;
  /** Accept whole numbers only (default true). */
  integer?: boolean;
  unit?: string;
  hint?: ReactNode;
}

/** A labelled number input that applies a value once it is valid and says what is expected otherwise. */
export function NumberField({ label, value, onChange, min, max, step = 1, integer = true, unit, hint }: NumberFieldProps) {
  const id = useId();
  const draft = useNumberDraft(value, onChange, min, max, integer);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [draft.invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <span className={styles.numberRow}>
        <input
          id={id}
          className={styles.number}
          type="number"
          inputMode={integer ? 'numeric' : 'decimal'}
          min={min}
          max={max}
          step={step}
          value={draft.text}
          aria-invalid={draft.invalid || undefined}
          aria-describedby={describedBy}
          onChange={draft.onChange}
          onBlur={draft.onBlur}
          onKeyDown={draft.onKeyDown}
        />
        {unit && <span className={styles.unit}>{unit}</span>}
      </span>
      <FieldMessages draft={draft} errorId={errorId} hint={hint} hintId={hintId} />
    </div>
  );
}
