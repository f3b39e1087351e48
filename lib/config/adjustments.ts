/**
 * Dependent values that normalizing lowered after a control change. `normalizeConfig`
 * clamps FiD-Light k to the tokens per passage, the cross-attention period K to the
 * decoder layers and the key/value heads g to the decoder's query heads. The URL stores
 * only the value in use, so raising the dimension again does not bring the old value
 * back. The playground lists each adjustment so the reader knows it happened.
 */
import { decoderDims, type Config } from './config';
import { normalizeConfig } from './url';
import { pluralize } from '../text/plural';

export type AdjustedField = 'firstK' | 'crossAttentionPeriod' | 'kvHeads';

export interface Adjustment {
  field: AdjustedField;
  /** URL key of the field. */
  key: string;
  /** Value before the first lowering: the one the reader or the link last set. */
  from: number;
  /** Value in use after normalizing; 0 for g means multi-head. */
  to: number;
  /** Dimension the value was fitted to: tokens per passage, decoder layers or decoder query heads. */
  limit: number;
}

const ADJUSTED_FIELDS: readonly { field: AdjustedField; key: string; limitOf: (config: Config) => number }[] = [
  { field: 'firstK', key: 'firstk', limitOf: (config) => config.passageTokens },
  { field: 'crossAttentionPeriod', key: 'k', limitOf: (config) => decoderDims(config).layers },
  { field: 'kvHeads', key: 'kv', limitOf: (config) => decoderDims(config).heads },
];

/**
 * Normalizes `requested`, the configuration a control built from `previous`, and updates
 * the `earlier` adjustments. A field that normalizing changed gets an adjustment, which
 * keeps the value from before its first lowering. A field the change set itself drops
 * its earlier adjustment, and an untouched field keeps it.
 */
export function normalizeWithAdjustments(
  previous: Config,
  requested: Config,
  earlier: readonly Adjustment[],
): { config: Config; adjustments: Adjustment[] } {
  const config = normalizeConfig(requested).config;
  const adjustments: Adjustment[] = [];

  for (const { field, key, limitOf } of ADJUSTED_FIELDS) {
    const before = earlier.find((a) => a.field === field);
    const setByChange = requested[field] !== previous[field];
    if (config[field] !== requested[field]) {
      const from = before && !setByChange ? before.from : requested[field];
      adjustments.push({ field, key, from, to: config[field], limit: limitOf(config) });
    } else if (before && !setByChange) {
      adjustments.push(before);
    }
  }
  return { config, adjustments };
}

/** Formats one sentence naming the lowered value, its old and new value and the reason. */
export function describeAdjustment(adjustment: Adjustment): string {
  const { field, from, to, limit } = adjustment;
  if (field === 'firstK') {
    return `FiD-Light k lowered from ${from} to ${to} to fit ${pluralize(limit, 'token')} per passage.`;
  }
  if (field === 'crossAttentionPeriod') {
    return `Cross-attention period K lowered from ${from} to ${to} to fit the decoder's ${pluralize(limit, 'layer')}.`;
  }
  if (to === 0) {
    const verb = limit < from ? 'lowered' : 'changed';
    return `Key/value heads g ${verb} from ${from} to multi-head (${limit}) to fit the decoder's ${pluralize(limit, 'query head')}.`;
  }
  return `Key/value heads g lowered from ${from} to ${to} to divide the decoder's ${pluralize(limit, 'query head')}.`;
}
