// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config/url';
import { TINY_FID_CONFIG, TINY_FIDO_CONFIG, TINY_LIMITS, validateTinyConfig } from '@/lib/fido';
import { clampTinyConfig, fidVariant, parseEvent, parseRequest, variantConfig } from '@/lib/fido/protocol';

describe('parseRequest', () => {
  const run = { type: 'run', id: 3, variant: 'fido', config: TINY_FIDO_CONFIG, seed: 1, warmups: 1, repeats: 5 };

  it('accepts a run request', () => {
    expect(parseRequest(run)).toEqual({ ok: true, value: run });
  });

  it('accepts init with a backend choice', () => {
    expect(parseRequest({ type: 'init', id: 1, backend: 'auto', wasmPath: '/tfjs-wasm/' }).ok).toBe(true);
  });

  it('rejects an unknown backend', () => {
    const parsed = parseRequest({ type: 'init', id: 1, backend: 'webgpu', wasmPath: '/tfjs-wasm/' });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/webgpu is not one of auto, webgl, wasm, cpu/);
  });

  it('rejects a wasm path without a trailing slash', () => {
    expect(parseRequest({ type: 'init', id: 1, backend: 'wasm', wasmPath: '/tfjs-wasm' }).ok).toBe(false);
  });

  it('rejects zero repeats', () => {
    const parsed = parseRequest({ ...run, repeats: 0 });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/repeats 0 must be at least 1/);
  });

  it('rejects a config with missing fields', () => {
    const parsed = parseRequest({ ...run, config: { passages: 4 } });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/config/);
  });

  it('rejects an unknown variant', () => {
    expect(parseRequest({ ...run, variant: 'fid-light' }).ok).toBe(false);
  });

  it('rejects non-objects and missing ids', () => {
    expect(parseRequest(null).ok).toBe(false);
    expect(parseRequest('run').ok).toBe(false);
    expect(parseRequest({ type: 'calibrate' }).ok).toBe(false);
  });
});

describe('parseEvent', () => {
  const step = { type: 'step', id: 2, variant: 'fid', backend: 'wasm', repeat: 0, step: 3, seconds: 0.004, token: 17, text: ' the' };

  it('accepts a step labelled with its backend', () => {
    expect(parseEvent(step).ok).toBe(true);
  });

  it('rejects a step without a backend', () => {
    expect(parseEvent({ ...step, backend: undefined }).ok).toBe(false);
  });

  it('rejects negative or infinite seconds', () => {
    expect(parseEvent({ ...step, seconds: -1 }).ok).toBe(false);
    expect(parseEvent({ ...step, seconds: Infinity }).ok).toBe(false);
  });

  it('rejects a phase other than encoder or projection', () => {
    expect(parseEvent({ type: 'phase', id: 1, variant: 'fid', backend: 'cpu', phase: 'decoder', repeat: 0, seconds: 1 }).ok).toBe(false);
  });

  it('accepts an error with a message', () => {
    expect(parseEvent({ type: 'error', id: 1, message: 'boom' }).ok).toBe(true);
  });

  it('rejects an unknown event type', () => {
    expect(parseEvent({ type: 'token', id: 1 }).ok).toBe(false);
  });
});

describe('variantConfig', () => {
  it('gives FiD every cross-attention layer and multi-head attention', () => {
    const fid = fidVariant(TINY_FIDO_CONFIG);
    expect(fid.crossAttentionPeriod).toBe(1);
    expect(fid.kvHeads).toBe(0);
    expect(fid.passages).toBe(TINY_FIDO_CONFIG.passages);
  });

  it('leaves FiDO as configured', () => {
    expect(variantConfig(TINY_FIDO_CONFIG, 'fido')).toBe(TINY_FIDO_CONFIG);
  });
});

describe('clampTinyConfig', () => {
  it('clamps a huge encoder width with a notice', () => {
    const parsed = parseConfig('?encd=4096', '', TINY_FID_CONFIG);
    const { config, notices } = clampTinyConfig(parsed.config);
    expect(config.encoderCustom.dModel).toBe(TINY_LIMITS.dModel.max);
    expect(notices).toContainEqual(expect.objectContaining({ key: 'encd', given: '4096', used: String(TINY_LIMITS.dModel.max) }));
  });

  it('folds a schema clamp and a tiny clamp of one key into one notice', () => {
    const parsed = parseConfig('?encd=999999&decl=100&k=50', '', TINY_FIDO_CONFIG);
    const { notices } = clampTinyConfig(parsed.config, '', parsed.notices);
    const encd = notices.filter((n) => n.key === 'encd');
    expect(encd).toHaveLength(1);
    expect(encd[0]).toMatchObject({ given: '999999', used: String(TINY_LIMITS.dModel.max) });
    expect(notices.filter((n) => n.key === 'k')).toEqual([
      expect.objectContaining({ given: '50', used: String(TINY_LIMITS.layers.max) }),
    ]);
    expect(parsed.notices.find((n) => n.key === 'encd')?.used).not.toBe(String(TINY_LIMITS.dModel.max));
  });

  it('names the multi-head g of the tiny heads', () => {
    const parsed = parseConfig('?dech=1e9&kv=1e9', '', TINY_FIDO_CONFIG);
    const { config, notices } = clampTinyConfig(parsed.config, '', parsed.notices);
    expect(config.decoderCustom.heads).toBe(TINY_LIMITS.heads.max);
    expect(config.kvHeads).toBe(0);
    const kv = notices.filter((n) => n.key === 'kv');
    expect(kv).toHaveLength(1);
    expect(kv[0]).toMatchObject({ given: '1e9', used: '0' });
    expect(kv[0].reason).toBe(`above the maximum 256, and as many key/value heads as the decoder's ${TINY_LIMITS.heads.max} query heads or more; multi-head is used`);
  });

  it('divides the tiny heads for g', () => {
    const parsed = parseConfig('?dech=1e9&kv=3', '', TINY_FIDO_CONFIG);
    const { config, notices } = clampTinyConfig(parsed.config, '', parsed.notices);
    expect(config.kvHeads).toBe(2);
    expect(notices.filter((n) => n.key === 'kv')).toEqual([
      { key: 'kv', given: '3', used: '2', reason: `key/value heads must divide the decoder's ${TINY_LIMITS.heads.max} query heads` },
    ]);
  });

  it('drops a g notice the tiny heads settle', () => {
    // 4 does not divide 10 heads, but it divides the 8 heads the tiny model keeps.
    const parsed = parseConfig('?dech=10&kv=4', '', TINY_FIDO_CONFIG);
    expect(parsed.notices.map((n) => n.key)).toContain('kv');
    const { config, notices } = clampTinyConfig(parsed.config, '', parsed.notices);
    expect(config.kvHeads).toBe(4);
    expect(notices.map((n) => n.key)).not.toContain('kv');
  });

  it('names keys with the prefix', () => {
    const parsed = parseConfig('?live.passages=900', 'live.', TINY_FID_CONFIG);
    const { notices } = clampTinyConfig(parsed.config, 'live.');
    expect(notices[0]).toMatchObject({ key: 'live.passages', given: '900', used: String(TINY_LIMITS.passages.max) });
  });

  it('turns a preset size into custom tiny dimensions', () => {
    const parsed = parseConfig('?dec=xxl', '', TINY_FID_CONFIG);
    const { config, notices } = clampTinyConfig(parsed.config);
    expect(config.decoderSize).toBe('custom');
    expect(config.decoderCustom.dModel).toBe(TINY_LIMITS.dModel.max);
    expect(notices.map((n) => n.key)).toContain('dec');
    expect(validateTinyConfig(config)).toEqual([]);
  });

  it('keeps a runnable configuration as it is', () => {
    const { config, notices } = clampTinyConfig(TINY_FIDO_CONFIG);
    expect(notices).toEqual([]);
    // normalizeConfig may refill the custom accelerator fields, which the tiny model ignores.
    expect({ ...config, customHardware: null }).toEqual({ ...TINY_FIDO_CONFIG, customHardware: null });
  });

  it('makes every clamped configuration runnable', () => {
    for (const query of ['?encd=99999&ench=200', '?decl=128&k=100', '?kv=3', '?vocab=2', '?ptokens=8192&firstk=8000', '?enc=base&dec=xl']) {
      const { config } = clampTinyConfig(parseConfig(query, '', TINY_FID_CONFIG).config);
      expect(validateTinyConfig(config), query).toEqual([]);
    }
  });

  it('runs fp32 at batch 1', () => {
    const { config } = clampTinyConfig({ ...TINY_FID_CONFIG, precision: 'bf16', batchSize: 64 });
    expect(config.precision).toBe('fp32');
    expect(config.batchSize).toBe(1);
  });
});
