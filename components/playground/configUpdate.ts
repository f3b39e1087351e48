import { useCallback, useRef, useState } from 'react';
import type { Config } from '@/lib/config/config';
import { normalizeWithAdjustments, type Adjustment } from '@/lib/config/adjustments';

/** A configuration change as the controls make it: the new value, made consistent. */
export type ConfigUpdater = (update: (previous: Config) => Config) => void;

export interface AdjustingUpdaters {
  /** Normalizes a change and replaces the URL after a quiet period. */
  update: ConfigUpdater;
  /** Normalizes a change and pushes a history entry. */
  commit: ConfigUpdater;
  /** Dependent values that normalizing lowered (k, then K, then g), kept until dismissed or set again. */
  adjustments: Adjustment[];
  dismissAdjustments: () => void;
}

/**
 * Wraps the setters of one configuration so every change is normalized (g divides the
 * heads, K fits the layers…), and records each dependent value that a change lowered.
 * The setters of `useUrlConfig` call the update function at once, so the record is
 * current before the next change in the same event.
 */
export function useAdjustingUpdaters(
  setConfig: (update: (previous: Config) => Config) => void,
  commitConfig: (update: (previous: Config) => Config) => void,
): AdjustingUpdaters {
  const [adjustments, setAdjustments] = useState<Adjustment[]>([]);
  const latest = useRef<Adjustment[]>([]);

  // Normalizes one requested configuration and moves the adjustments along with it.
  const adjust = useCallback((previous: Config, requested: Config): Config => {
    const result = normalizeWithAdjustments(previous, requested, latest.current);
    latest.current = result.adjustments;
    setAdjustments(result.adjustments);
    return result.config;
  }, []);
  const update = useCallback<ConfigUpdater>((change) => setConfig((previous) => adjust(previous, change(previous))), [setConfig, adjust]);
  const commit = useCallback<ConfigUpdater>((change) => commitConfig((previous) => adjust(previous, change(previous))), [commitConfig, adjust]);
  const dismissAdjustments = useCallback(() => {
    latest.current = [];
    setAdjustments([]);
  }, []);
  return { update, commit, adjustments, dismissAdjustments };
}
