import type { Config } from '@/lib/config/config';
import { normalizeConfig } from '@/lib/config/url';

/** A configuration change as the controls make it: the new value, made consistent. */
export type ConfigUpdater = (update: (previous: Config) => Config) => void;

/** Wraps a state setter so every change is normalized (g divides the heads, K fits the layers…). */
export function normalizing(set: (update: (previous: Config) => Config) => void): ConfigUpdater {
  return (update) => set((previous) => normalizeConfig(update(previous)).config);
}
