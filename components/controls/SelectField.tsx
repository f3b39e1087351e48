'use client';
import { memo, useId, type ReactNode } from 'react';
import styles from './controls.module.css';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

export interface SelectFieldProps<V extends string> {
  label: string;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  hint?: ReactNode;
}

function SelectFieldView<V extends string>({ label, value, options, onChange, hint }: SelectFieldProps<V>) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <select
        id={id}
        className={styles.select}
        value={value}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => onChange(event.target.value as V)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      )}
    </div>
  );
}

/**
 * A labelled native select: keyboard and screen-reader behaviour come from the browser.
 * Memoized, so it re-renders only when a prop changes (pass stable `options` and `onChange`).
 */
// memo() drops the type parameter, so the cast restores it.
export const SelectField = memo(SelectFieldView) as typeof SelectFieldView;
