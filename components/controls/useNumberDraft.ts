'use client';
import { useState, type ChangeEvent } from 'react';

/** Returns the parsed value, or null when `text` is not a number in range. */
export function parseFieldValue(text: string, min: number, max: number, integer: boolean): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  if (integer && !Number.isInteger(value)) return null;
  if (value < min || value > max) return null;
  return value;
}

export interface NumberDraft {
  text: string;
  invalid: boolean;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur: () => void;
  /** Error message describing a valid entry. */
  expected: string;
}

/**
 * The text of a number input while it is being typed: a valid value is applied at once,
 * an invalid one is kept on screen (so typing "1" on the way to "128" works), and
 * leaving the field shows the value in use again.
 */
export function useNumberDraft(
  value: number,
  onValue: (value: number) => void,
  min: number,
  max: number,
  integer: boolean,
): NumberDraft {
  const [draft, setDraft] = useState<string | null>(null);
  return {
    text: draft ?? String(value),
    invalid: draft !== null && parseFieldValue(draft, min, max, integer) === null,
    onChange(event) {
      const next = event.target.value;
      setDraft(next);
      const parsed = parseFieldValue(next, min, max, integer);
      if (parsed !== null && parsed !== value) onValue(parsed);
    },
    onBlur: () => setDraft(null),
    expected: `Enter ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.`,
  };
}
