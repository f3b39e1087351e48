/**
 * Named model presets: FiD, FiD-Light and FiDO at T5.1.1 sizes. A preset sets only the
 * model fields (sizes, cross-attention period K, key/value heads g, FiD-Light k) and
 * keeps the workload, precision, accelerator and efficiencies of the configuration.
 */
import type { Config } from './config';
import { normalizeConfig } from './url';

/** The fields a preset sets. */
export type ModelFields = Pick<Config, 'encoderSize' | 'decoderSize' | 'crossAttentionPeriod' | 'kvHeads' | 'firstK'>;

export interface ModelPreset {
  /** Stable identifier, for test ids and keys. */
  id: string;
  label: string;
  summary: string;
  model: ModelFields;
  /** Values not published for this model, and what the preset uses instead. */
  assumptions: string[];
}

/**
 * FiDO's cross-attention period. The FiDO code (google/flaxformer,
 * `architectures/fido/fido_architecture.py`) sets no default; 6 is its docstring example.
 */
export const FIDO_PERIOD = 6;

/** FiD-Light's k (encoder vectors kept per passage) in the FiDO comparison is not published. */
export const FID_LIGHT_K = 32;

const FIDO_PERIOD_ASSUMPTION = `K = ${FIDO_PERIOD} is assumed: it is the example in the official FiDO code, which sets no default.`;
const FID_LIGHT_ASSUMPTION = `k = ${FID_LIGHT_K} is assumed: the value FiDO compared against is not published.`;

function model(
  encoderSize: ModelFields['encoderSize'],
  decoderSize: ModelFields['decoderSize'],
  crossAttentionPeriod = 1,
  kvHeads = 0,
  firstK = 0,
): ModelFields {
  return { encoderSize, decoderSize, crossAttentionPeriod, kvHeads, firstK };
}

export const MODEL_PRESETS: readonly ModelPreset[] = [
  { id: 'fid-base', label: 'FiD-Base', summary: 'Vanilla Fusion-in-Decoder, T5.1.1 Base', model: model('base', 'base'), assumptions: [] },
  { id: 'fid-large', label: 'FiD-Large', summary: 'Vanilla Fusion-in-Decoder, T5.1.1 Large', model: model('large', 'large'), assumptions: [] },
  { id: 'fid-xl', label: 'FiD-XL', summary: 'Vanilla Fusion-in-Decoder, T5.1.1 XL', model: model('xl', 'xl'), assumptions: [] },
  {
    id: 'fid-light-base',
    label: 'FiD-Light-Base',
    summary: `The decoder reads only the first ${FID_LIGHT_K} encoder vectors of each passage`,
    model: model('base', 'base', 1, 0, FID_LIGHT_K),
    assumptions: [FID_LIGHT_ASSUMPTION],
  },
  {
    id: 'fid-base-lsa',
    label: 'FiD-Base + LSA',
    summary: `Cross-attention only in every ${FIDO_PERIOD}th decoder layer`,
    model: model('base', 'base', FIDO_PERIOD),
    assumptions: [FIDO_PERIOD_ASSUMPTION],
  },
  {
    id: 'fid-base-mqa',
    label: 'FiD-Base + MQA',
    summary: 'One key/value head shared by all decoder query heads',
    model: model('base', 'base', 1, 1),
    assumptions: [],
  },
  {
    id: 'fido-base',
    label: 'FiDO-Base',
    summary: 'Layer-sparse cross-attention and multi-query attention',
    model: model('base', 'base', FIDO_PERIOD, 1),
    assumptions: [FIDO_PERIOD_ASSUMPTION],
  },
  {
    id: 'fido-base-xl',
    label: 'FiDO-Base-XL',
    summary: 'FiDO with a Base encoder and an XL decoder',
    model: model('base', 'xl', FIDO_PERIOD, 1),
    assumptions: [FIDO_PERIOD_ASSUMPTION],
  },
  {
    id: 'fido-large-xxl',
    label: 'FiDO-Large-XXL',
    summary: 'FiDO with a Large encoder and an XXL decoder',
    model: model('large', 'xxl', FIDO_PERIOD, 1),
    assumptions: [FIDO_PERIOD_ASSUMPTION],
  },
];

export function presetById(id: string): ModelPreset {
  const preset = MODEL_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`unknown model preset "${id}"; expected one of ${MODEL_PRESETS.map((p) => p.id).join(', ')}`);
  return preset;
}

/** `config` with the model fields replaced, made consistent (for example K clamped to the layers). */
export function withModel(config: Config, fields: ModelFields): Config {
  return normalizeConfig({ ...config, ...fields }).config;
}

export function applyPreset(config: Config, preset: ModelPreset): Config {
  return withModel(config, preset.model);
}

/** Vanilla FiD of the same encoder and decoder (custom dimensions included): K = 1, multi-head, no first-k. */
export function vanillaFid(config: Config): Config {
  return normalizeConfig({ ...config, crossAttentionPeriod: 1, kvHeads: 0, firstK: 0 }).config;
}

/** Finds the preset whose model fields equal those of `config` exactly, if any. */
export function matchingPreset(config: Config): ModelPreset | undefined {
  return MODEL_PRESETS.find(({ model: m }) =>
    m.encoderSize === config.encoderSize &&
    m.decoderSize === config.decoderSize &&
    m.crossAttentionPeriod === config.crossAttentionPeriod &&
    m.kvHeads === config.kvHeads &&
    m.firstK === config.firstK,
  );
}
