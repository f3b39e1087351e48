import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, describeModel, type Config } from '@/lib/config/config';
import {
  FIDO_PERIOD,
  FID_LIGHT_K,
  MODEL_PRESETS,
  applyPreset,
  matchingPreset,
  presetById,
  vanillaFid,
  withModel,
} from '@/lib/config/presets';
import { configQuery, parseConfig } from '@/lib/config/url';

const workload: Config = {
  ...DEFAULT_CONFIG,
  passages: 100,
  passageTokens: 192,
  targetTokens: 64,
  batchSize: 8,
  precision: 'int8',
  hardware: 'h100',
  computeEfficiency: 0.5,
  bandwidthEfficiency: 0.4,
};

describe('model presets', () => {
  it('lists the nine named presets', () => {
    expect(MODEL_PRESETS.map((p) => p.label)).toEqual([
      'FiD-Base',
      'FiD-Large',
      'FiD-XL',
      'FiD-Light-Base',
      'FiD-Base + LSA',
      'FiD-Base + MQA',
      'FiDO-Base',
      'FiDO-Base-XL',
      'FiDO-Large-XXL',
    ]);
  });

  it('keeps workload, precision, accelerator and efficiencies', () => {
    for (const preset of MODEL_PRESETS) {
      const applied = applyPreset(workload, preset);
      expect(applied.passages).toBe(100);
      expect(applied.passageTokens).toBe(192);
      expect(applied.targetTokens).toBe(64);
      expect(applied.batchSize).toBe(8);
      expect(applied.precision).toBe('int8');
      expect(applied.hardware).toBe('h100');
      expect(applied.computeEfficiency).toBe(0.5);
      expect(applied.bandwidthEfficiency).toBe(0.4);
    }
  });

  it('gives FiDO K = 6 and one key/value head, labelled as assumed', () => {
    for (const id of ['fido-base', 'fido-base-xl', 'fido-large-xxl']) {
      const preset = presetById(id);
      expect(preset.model.crossAttentionPeriod).toBe(FIDO_PERIOD);
      expect(FIDO_PERIOD).toBe(6);
      expect(preset.model.kvHeads).toBe(1);
      expect(preset.assumptions.join(' ')).toMatch(/K = 6 is assumed/);
    }
  });

  it('gives FiD-Light k = 32, labelled as assumed', () => {
    const preset = presetById('fid-light-base');
    expect(preset.model.firstK).toBe(FID_LIGHT_K);
    expect(FID_LIGHT_K).toBe(32);
    expect(preset.assumptions.join(' ')).toMatch(/k = 32 is assumed/);
  });

  it('matches the preset just applied', () => {
    for (const preset of MODEL_PRESETS) {
      expect(matchingPreset(applyPreset(workload, preset))?.id).toBe(preset.id);
    }
  });

  it('matches no preset for a custom mix', () => {
    expect(matchingPreset({ ...DEFAULT_CONFIG, crossAttentionPeriod: 3 })).toBeUndefined();
    expect(matchingPreset({ ...DEFAULT_CONFIG, decoderSize: 'custom' })).toBeUndefined();
  });

  it('names FiD and FiDO presets as describeModel does', () => {
    for (const id of ['fid-base', 'fid-large', 'fid-xl', 'fido-base', 'fido-base-xl', 'fido-large-xxl']) {
      const preset = presetById(id);
      expect(describeModel(applyPreset(DEFAULT_CONFIG, preset))).toBe(preset.label);
    }
  });

  it('names full first-k as FiD', () => {
    const base = { ...DEFAULT_CONFIG, passageTokens: 64 };
    expect(describeModel({ ...base, firstK: 32 })).toBe('FiD-Light-Base (k=32)');
    expect(describeModel({ ...base, firstK: 64 })).toBe('FiD-Base');
    expect(describeModel({ ...base, firstK: 256 })).toBe('FiD-Base');
  });

  it('round-trips every preset through the URL', () => {
    for (const preset of MODEL_PRESETS) {
      const applied = applyPreset(DEFAULT_CONFIG, preset);
      const parsed = parseConfig(configQuery(applied));
      expect(parsed.notices).toEqual([]);
      expect(matchingPreset(parsed.config)?.id).toBe(preset.id);
    }
  });

  it('rejects an unknown preset id', () => {
    expect(() => presetById('fid-huge')).toThrow(/unknown model preset "fid-huge"/);
  });
});

describe('withModel and vanillaFid', () => {
  it('clamps K to the decoder layers', () => {
    const small = withModel(DEFAULT_CONFIG, { encoderSize: 'small', decoderSize: 'small', crossAttentionPeriod: 12, kvHeads: 1, firstK: 0 });
    expect(small.crossAttentionPeriod).toBe(8);
  });

  it('clamps FiD-Light k to the passage length', () => {
    const short = applyPreset({ ...DEFAULT_CONFIG, passageTokens: 16 }, presetById('fid-light-base'));
    expect(short.firstK).toBe(16);
  });

  it('turns off LSA, MQA and first-k but keeps the sizes', () => {
    const custom: Config = {
      ...DEFAULT_CONFIG,
      decoderSize: 'custom',
      decoderCustom: { dModel: 640, dFf: 1600, heads: 10, dKv: 64, layers: 10 },
      crossAttentionPeriod: 5,
      kvHeads: 2,
      firstK: 16,
    };
    const vanilla = vanillaFid(custom);
    expect(vanilla.crossAttentionPeriod).toBe(1);
    expect(vanilla.kvHeads).toBe(0);
    expect(vanilla.firstK).toBe(0);
    expect(vanilla.decoderSize).toBe('custom');
    expect(vanilla.decoderCustom).toEqual(custom.decoderCustom);
  });
});
