import { useCallback } from 'react';
import type { Config } from '@/lib/config/config';
import type { ConfigUpdater } from './configUpdate';

/*
 * The configuration fields each control group reads. A group is memoized on these
 * fields, so a slider step re-renders only the group of the moved control instead of
 * every control on the page. A group that starts reading another field must list it
 * here, and test/components/controlGroups.test.tsx fails until it does.
 */

export const PRESET_FIELDS = ['encoderSize', 'decoderSize', 'decoderCustom', 'crossAttentionPeriod', 'kvHeads', 'firstK', 'passageTokens'] as const;

export const MODEL_FIELDS = [
  'encoderSize',
  'decoderSize',
  'encoderCustom',
  'decoderCustom',
  'crossAttentionPeriod',
  'kvHeads',
  'firstK',
  'passageTokens',
] as const;

export const WORKLOAD_FIELDS = ['passages', 'passageTokens', 'targetTokens', 'batchSize'] as const;

export const HARDWARE_FIELDS = ['hardware', 'customHardware', 'precision', 'computeEfficiency', 'bandwidthEfficiency'] as const;

/** True when `a` and `b` are the same value, or flat objects with the same keys and values. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * Builds a `memo` comparison for a component with a `config` prop: the props are equal
 * when every other prop is the same value and the listed fields of `config` are equal.
 * Nested objects such as `encoderCustom` compare by value, because `normalizeConfig`
 * builds them anew on every change.
 */
export function sameConfigFields(fields: readonly (keyof Config)[]) {
  return function equalProps<P extends { config: Config }>(previous: Readonly<P>, next: Readonly<P>): boolean {
    const keys = new Set([...Object.keys(previous), ...Object.keys(next)] as (keyof P)[]);
    for (const key of keys) {
      if (key !== 'config' && !Object.is(previous[key], next[key])) return false;
    }
    return fields.every((field) => sameValue(previous.config[field], next.config[field]));
  };
}

/** Returns a stable setter that writes `value` into `field` of the configuration. */
export function useFieldSetter<K extends keyof Config>(update: ConfigUpdater, field: K): (value: Config[K]) => void {
  return useCallback((value: Config[K]) => update((previous) => ({ ...previous, [field]: value })), [update, field]);
}
