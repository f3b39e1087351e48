'use client';
import { memo, useId, type ReactNode } from 'react';
import styles from './controls.module.css';

export interface ToggleFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
}

/** An on/off switch: a native checkbox with the switch role, toggled by Space. Memoized. */
export const ToggleField = memo(function ToggleField({ label, checked, onChange, hint }: ToggleFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={styles.toggleField}>
      <input
        id={id}
        className={styles.toggle}
        type="checkbox"
        role="switch"
        checked={checked}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id} className={styles.toggleLabel}>
        {label}
      </label>
      {hint && (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      )}
    </div>
  );
});
