import { describe, expect, it } from 'vitest';
import { describeAdjustment, normalizeWithAdjustments, type Adjustment } from '@/lib/config/adjustments';
import { DEFAULT_CONFIG, type Config } from '@/lib/config/config';
import { presetDims } from '@/lib/config/models';
import { configQuery, parseConfig } from '@/lib/config/url';

const base: Config = { ...DEFAULT_CONFIG };

/** Applies `change` to `previous` as a control would, with the adjustments so far. */
function apply(previous: Config, change: Partial<Config>, earlier: readonly Adjustment[] = []) {
  return normalizeWithAdjustments(previous, { ...previous, ...change }, earlier);
}

function customDecoder(config: Config, dims: Partial<Config['decoderCustom']>): Partial<Config> {
  return { decoderSize: 'custom', decoderCustom: { ...config.decoderCustom, ...dims } };
}

describe('normalizeWithAdjustments', () => {
  it('reports first-k lowered by passage length', () => {
    const light = { ...base, firstK: 32 };
    const { config, adjustments } = apply(light, { passageTokens: 8 });
    expect(config.firstK).toBe(8);
    expect(adjustments).toEqual([{ field: 'firstK', key: 'firstk', from: 32, to: 8, limit: 8 }]);
    expect(describeAdjustment(adjustments[0])).toBe('FiD-Light k lowered from 32 to 8 to fit 8 tokens per passage.');
  });

  it('keeps the first value across lowerings', () => {
    const first = apply({ ...base, firstK: 32 }, { passageTokens: 8 });
    const second = apply(first.config, { passageTokens: 4 }, first.adjustments);
    expect(second.adjustments).toEqual([{ field: 'firstK', key: 'firstk', from: 32, to: 4, limit: 4 }]);
  });

  it('keeps the notice when the dimension rises', () => {
    const lowered = apply({ ...base, firstK: 32 }, { passageTokens: 8 });
    const raised = apply(lowered.config, { passageTokens: 256 }, lowered.adjustments);
    expect(raised.config.firstK).toBe(8);
    expect(raised.adjustments).toEqual(lowered.adjustments);
  });

  it('drops the notice when the value is set', () => {
    const lowered = apply({ ...base, firstK: 32 }, { passageTokens: 8 });
    const set = apply(lowered.config, { firstK: 4 }, lowered.adjustments);
    expect(set.config.firstK).toBe(4);
    expect(set.adjustments).toEqual([]);
  });

  it('reports K lowered by decoder layers', () => {
    const lsa = { ...base, crossAttentionPeriod: 6 };
    const { config, adjustments } = apply(lsa, customDecoder(lsa, { layers: 4 }));
    expect(config.crossAttentionPeriod).toBe(4);
    expect(adjustments).toHaveLength(1);
    expect(describeAdjustment(adjustments[0])).toBe("Cross-attention period K lowered from 6 to 4 to fit the decoder's 4 layers.");
  });

  it('reports g lowered by query heads', () => {
    const grouped = { ...base, kvHeads: 4 };
    expect(presetDims('base').heads).toBe(12);

    const divided = apply(grouped, customDecoder(grouped, { heads: 6 }));
    expect(divided.config.kvHeads).toBe(3);
    expect(describeAdjustment(divided.adjustments[0])).toBe("Key/value heads g lowered from 4 to 3 to divide the decoder's 6 query heads.");

    const multiHead = apply(grouped, customDecoder(grouped, { heads: 2 }));
    expect(multiHead.config.kvHeads).toBe(0);
    expect(describeAdjustment(multiHead.adjustments[0])).toBe("Key/value heads g lowered from 4 to multi-head (2) to fit the decoder's 2 query heads.");

    const sameCount = apply(grouped, customDecoder(grouped, { heads: 4 }));
    expect(describeAdjustment(sameCount.adjustments[0])).toBe("Key/value heads g changed from 4 to multi-head (4) to fit the decoder's 4 query heads.");
  });

  it('reports nothing for a change that fits', () => {
    expect(apply({ ...base, firstK: 32 }, { passageTokens: 64 }).adjustments).toEqual([]);
    expect(apply({ ...base, kvHeads: 4 }, { batchSize: 8 }).adjustments).toEqual([]);
  });

  it('writes a URL that reads back unchanged', () => {
    const { config } = apply({ ...base, firstK: 32 }, { passageTokens: 8 });
    const query = configQuery(config);
    expect(query).toBe('?ptokens=8&firstk=8');
    const parsed = parseConfig(query);
    expect(parsed.notices).toEqual([]);
    expect(parsed.config).toEqual(config);
  });
});
