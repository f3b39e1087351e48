'use client';
import { useState, type ChangeEvent, type KeyboardEvent } from 'react';

/** Returns the parsed value, or null when `text` is not a number in range. */
export function parseFieldValue(text: string, min: number, max: number, integer: boolean): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  if (integer && !Number.isInteger(value)) return null;
  if (value < min || value > max) return null;
  return value;
}

/** The value to use for text left in a field, and a message when it differs from the text. */
export interface SettledValue {
  value: number;
  message: string | null;
}

function showText(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

/**
 * Resolves the text left in a number field when it loses focus or gets Enter: a number
 * out of range is clamped, a fraction in a whole-number field is rounded and anything
 * else keeps `current`, each with a message saying what was used.
 */
export function settleFieldValue(text: string, current: number, min: number, max: number, integer: boolean): SettledValue {
  const trimmed = text.trim();
  if (parseFieldValue(trimmed, min, max, integer) !== null) return { value: Number(trimmed), message: null };
  if (trimmed === '') return { value: current, message: `No number entered; keeping ${current}.` };

  const parsed = Number(trimmed);
  if (Number.isNaN(parsed)) return { value: current, message: `${showText(trimmed)} is not a number; keeping ${current}.` };
  if (parsed > max) return { value: max, message: `${showText(trimmed)} is above the maximum ${max}; using ${max}.` };
  if (parsed < min) return { value: min, message: `${showText(trimmed)} is below the minimum ${min}; using ${min}.` };

  const rounded = Math.min(max, Math.max(min, Math.round(parsed)));
  return { value: rounded, message: `${showText(trimmed)} is not a whole number; using ${rounded}.` };
}

export interface NumberDraft {
  text: string;
  invalid: boolean;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** Error message describing a valid entry. */
  expected: string;
  /** What was used in place of the text last left in the field, until the next edit. */
  notice: string | null;
}

/**
 * The text of a number input while it is being typed: a valid value is applied at once,
 * an invalid one is kept on screen (so typing "1" on the way to "128" works). Leaving the
 * field or pressing Enter settles invalid text, clamping it to the range with a notice,
 * so a valid prefix such as the "1" of "1e308" is never kept silently.
 */
export function useNumberDraft(
  value: number,
  onValue: (value: number) => void,
  min: number,
  max: number,
  integer: boolean,
): NumberDraft {
  const [draft, setDraft] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function settle() {
    if (draft === null) return;
    const settled = settleFieldValue(draft, value, min, max, integer);
    if (settled.value !== value) onValue(settled.value);
    setNotice(settled.message);
    setDraft(null);
  }

  return {
    text: draft ?? String(value),
    invalid: draft !== null && parseFieldValue(draft, min, max, integer) === null,
    onChange(event) {
      const next = event.target.value;
      setDraft(next);
      setNotice(null);
      const parsed = parseFieldValue(next, min, max, integer);
      if (parsed !== null && parsed !== value) onValue(parsed);
    },
    onBlur: settle,
    onKeyDown(event) {
      if (event.key === 'Enter') settle();
    },
    expected: `Enter ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.`,
    notice,
  };
}
