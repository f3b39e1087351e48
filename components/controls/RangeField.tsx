'use client';
import { memo, useId, useMemo, type ReactNode } from 'react';
import styles from './controls.module.css';
import { FieldMessages } from './FieldMessages';
import { logSteps, nearestStepIndex } from './logSteps';
import { useNumberDraft } from './useNumberDraft';

export interface RangeFieldProps {
  label: string;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  /** Step of a linear slider; 1 by default. */
  step?: number;
  /**
   * `log` moves the slider over whole-number stops spread evenly in log space, for ranges
   * that span decades. The number input still takes any whole number in range.
   */
  scale?: 'linear' | 'log';
  /** Accept whole numbers only in the number input (default true). */
  integer?: boolean;
  /** Unit after the value, such as "tokens" or "%". */
  unit?: string;
  /** Text of the value shown and announced; the number itself by default. */
  formatValue?: (value: number) => string;
  hint?: ReactNode;
  /** Show the number input for exact values (default true). */
  exactInput?: boolean;
  /**
   * Words added after the label in the accessible name, such as the section the field sits
   * in, when another field on the page has the same visible label. The visible label is unchanged.
   */
  labelScope?: string;
}

/**
 * A labelled range slider with its current value and unit on show, plus a number input
 * for exact values. Works with the keyboard: arrows, Page Up/Down, Home and End.
 * Memoized: with a stable `onChange`, `formatValue` and `hint`, moving another control
 * leaves this one as it is.
 */
export const RangeField = memo(function RangeField({
  label,
  value,
  onChange,
  min,
  max,
  step = 1,
  scale = 'linear',
  integer = true,
  unit,
  formatValue = String,
  hint,
  exactInput = true,
  labelScope,
}: RangeFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const steps = useMemo(() => (scale === 'log' ? logSteps(min, max) : null), [scale, min, max]);
  const draft = useNumberDraft(value, onChange, min, max, integer);
  const shown = `${formatValue(value)}${unit ? ` ${unit}` : ''}`;
  const scopedLabel = labelScope ? `${label}, ${labelScope}` : label;

  const sliderProps = steps
    ? {
        min: 0,
        max: steps.length - 1,
        step: 1,
        value: nearestStepIndex(steps, value),
        onChange: (index: number) => onChange(steps[index]),
      }
    : { min, max, step, value: Math.min(max, Math.max(min, value)), onChange };

  return (
    <div className={styles.field}>
      <div className={styles.header}>
        <label htmlFor={id} className={styles.label}>
          {label}
        </label>
        <output htmlFor={id} className={styles.value} aria-hidden="true">
          {shown}
        </output>
      </div>
      <div className={styles.rangeRow}>
        <input
          id={id}
          className={styles.range}
          type="range"
          min={sliderProps.min}
          max={sliderProps.max}
          step={sliderProps.step}
          value={sliderProps.value}
          aria-label={labelScope ? scopedLabel : undefined}
          aria-valuetext={shown}
          aria-describedby={hint ? hintId : undefined}
          onChange={(event) => sliderProps.onChange(Number(event.target.value))}
        />
        {exactInput && (
          <span className={styles.numberRow}>
            <input
              className={styles.number}
              type="number"
              aria-label={`${scopedLabel}, exact value${unit ? ` in ${unit}` : ''}`}
              inputMode={integer ? 'numeric' : 'decimal'}
              min={min}
              max={max}
              step={scale === 'log' ? 1 : step}
              value={draft.text}
              aria-invalid={draft.invalid || undefined}
              aria-describedby={draft.invalid ? errorId : undefined}
              onChange={draft.onChange}
              onBlur={draft.onBlur}
              onKeyDown={draft.onKeyDown}
            />
          </span>
        )}
      </div>
      <FieldMessages draft={draft} errorId={errorId} hint={hint} hintId={hintId} />
    </div>
  );
});
