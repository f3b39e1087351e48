/**
 * Numbers of the asymmetric-decoder section: FiD and FiDO at several sizes, all at the
 * reader's workload, precision, accelerator and efficiencies.
 */
import type { Config } from '../config/config';
import { presetById, withModel } from '../config/presets';
import { evaluate, type CostResult } from '../cost';

/** Preset ids of the models compared, in the order the chart draws them. */
export const ASYMMETRIC_LINEUP = ['fid-base', 'fid-large', 'fido-base', 'fido-base-xl', 'fido-large-xxl'] as const;
export type LineupId = (typeof ASYMMETRIC_LINEUP)[number];

export interface LineupEntry {
  id: LineupId;
  label: string;
  result: CostResult;
}

export function asymmetricLineup(config: Config): LineupEntry[] {
  return ASYMMETRIC_LINEUP.map((id) => {
    const preset = presetById(id);
    return { id, label: preset.label, result: evaluate(withModel(config, preset.model)) };
  });
}

export interface AsymmetricNumbers {
  /** Seconds per sample of each model; null when it does not fit in memory. */
  seconds: Record<LineupId, number | null>;
  /** FiDO-Base-XL's time over FiDO-Base's, minus one. */
  xlDecoderExtraTime: number | null;
  /** FiD-Base's time over FiDO-Base's. */
  fidoBaseSpeedup: number | null;
  /** FiDO-Large-XXL's time over FiD-Base's: below 1 means FiDO-Large-XXL is faster. */
  largeXxlOverFidBase: number | null;
  /** Share of FiDO-Base-XL's time spent in its encoder. */
  baseXlEncoderShare: number | null;
}

function ratio(a: number | null, b: number | null): number | null {
  return a !== null && b !== null && b > 0 ? a / b : null;
}

export function asymmetricNumbers(lineup: readonly LineupEntry[]): AsymmetricNumbers {
  const seconds = Object.fromEntries(lineup.map((e) => [e.id, e.result.seconds?.total ?? null])) as Record<LineupId, number | null>;
  const baseXl = lineup.find((e) => e.id === 'fido-base-xl')?.result.seconds ?? null;
  const extra = ratio(seconds['fido-base-xl'], seconds['fido-base']);
  return {
    seconds,
    xlDecoderExtraTime: extra === null ? null : extra - 1,
    fidoBaseSpeedup: ratio(seconds['fid-base'], seconds['fido-base']),
    largeXxlOverFidBase: ratio(seconds['fido-large-xxl'], seconds['fid-base']),
    baseXlEncoderShare: baseXl && baseXl.total > 0 ? baseXl.encoder / baseXl.total : null,
  };
}

/** Lists the labels of the models among `ids` that do not fit in memory even at batch 1, in lineup order. */
export function modelsNotFitting(lineup: readonly LineupEntry[], ids: readonly LineupId[] = ASYMMETRIC_LINEUP): string[] {
  return lineup.filter((e) => ids.includes(e.id) && !e.result.batch.fits).map((e) => e.label);
}

/** Lists the models that fit, but not at the requested batch, with the largest batch they run at. */
export function memoryCappedModels(lineup: readonly LineupEntry[]): { label: string; batch: number }[] {
  return lineup.filter((e) => e.result.batch.fits && e.result.batch.limitedByMemory).map((e) => ({ label: e.label, batch: e.result.batch.effective }));
}

/** Joins names as English prose: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
