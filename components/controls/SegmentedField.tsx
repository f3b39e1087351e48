'use client';
import { memo, useId, type ReactNode } from 'react';
import styles from './controls.module.css';
import type { SelectOption } from './SelectField';

export interface SegmentedFieldProps<V extends string> {
  label: string;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  hint?: ReactNode;
}

function SegmentedFieldView<V extends string>({ label, value, options, onChange, hint }: SegmentedFieldProps<V>) {
  const name = useId();
  const hintId = `${name}-hint`;
  return (
    <fieldset className={styles.segmented} aria-describedby={hint ? hintId : undefined}>
      <legend className={styles.label}>{label}</legend>
      <div className={styles.segments}>
        {options.map((option) => (
          <label key={option.value} className={styles.segment}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {hint && (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      )}
    </fieldset>
  );
}

/**
 * A choice among a few options, drawn as joined buttons: a radio group, so arrows move
 * the choice. Memoized, so it re-renders only when a prop changes.
 */
// memo() drops the type parameter, so the cast restores it.
export const SegmentedField = memo(SegmentedFieldView) as typeof SegmentedFieldView;
