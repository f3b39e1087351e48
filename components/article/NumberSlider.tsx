'use client';
/** A labelled range input with its value shown beside it, for one control inside a section. */
import { useId } from 'react';
import styles from './article.module.css';

interface NumberSliderProps {
  label: string;
  min: number;
  max: number;
  step?: number;
  value: number;
  /** Shown after the value, such as "tokens". */
  unit?: string;
  onChange: (value: number) => void;
}

export function NumberSlider({ label, min, max, step = 1, value, unit, onChange }: NumberSliderProps) {
  const id = useId();
  return (
    <div className={styles.slider}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={Math.min(max, Math.max(min, value))}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
      <output htmlFor={id}>
        {value.toLocaleString('en-US')}
        {unit ? ` ${unit}` : ''}
      </output>
    </div>
  );
}
