import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '@/lib/config/config';
import { presetById, withModel } from '@/lib/config/presets';
import { formatPercent } from '@/lib/charts/format';
import { evaluate } from '@/lib/cost';
import { checkPaperClaims, type ClaimId } from '@/lib/cost/paperCheck';

function claim(config: Config, id: ClaimId) {
  const found = checkPaperClaims(config).claims.find((c) => c.id === id);
  if (!found) throw new Error(`claim ${id} missing`);
  return found;
}

function seconds(config: Config, presetId: string): number {
  const result = evaluate(withModel(config, presetById(presetId).model));
  if (!result.seconds) throw new Error(`${presetId} does not fit`);
  return result.seconds.total;
}

describe('checkPaperClaims', () => {
  it('checks the six claims in order', () => {
    expect(checkPaperClaims(DEFAULT_CONFIG).claims.map((c) => c.id)).toEqual([
      'decoder-flops-vs-time',
      'lsa-mqa-speedup',
      'xl-decoder-cost',
      'large-xxl-vs-base',
      'longer-outputs',
      'small-batch',
    ]);
  });

  it('finds the 1/6 FLOP ratio and a decoder-heavy FiD-Base', () => {
    const check = claim(DEFAULT_CONFIG, 'decoder-flops-vs-time');
    const fid = evaluate(DEFAULT_CONFIG);
    expect(fid.flops.decoder / fid.flops.encoder).toBeCloseTo(1 / 6, 1);
    expect(check.verdict).toBe('agrees');
    const share = fid.seconds!.decoder / fid.seconds!.total;
    expect(share).toBeGreaterThan(0.5);
    expect(check.model).toContain(`decoder share of time ${formatPercent(share)}`);
  });

  it('finds the target length that restores 1/6', () => {
    const config = { ...DEFAULT_CONFIG, targetTokens: 512 };
    const check = claim(config, 'decoder-flops-vs-time');
    expect(check.verdict).toBe('disagrees');
    expect(check.explanation).toMatch(/FLOP ratio is higher because the target of 512 tokens is long/);
    const tokens = Number(check.gapCloser?.match(/With (\d+) target tokens instead of 512/)?.[1]);
    const ratio = (t: number) => {
      const result = evaluate({ ...config, targetTokens: t });
      return result.flops.decoder / result.flops.encoder;
    };
    expect(ratio(tokens)).toBeLessThanOrEqual(1 / 6);
    expect(ratio(tokens + 1)).toBeGreaterThan(1 / 6);
  });

  it('states the multiplications-only convention with counts', () => {
    const check = claim(DEFAULT_CONFIG, 'decoder-flops-vs-time');
    expect(check.convention).toMatch(/counts multiplications only/);
    expect(check.convention).toMatch(/918 billion multiplications in the encoder/);
  });

  it('explains the LSA + MQA speedup gap', () => {
    const check = claim(DEFAULT_CONFIG, 'lsa-mqa-speedup');
    const expected = seconds(DEFAULT_CONFIG, 'fid-base') / seconds(DEFAULT_CONFIG, 'fido-base');
    expect(check.model).toBe(`${expected.toFixed(2)}x`);
    expect(check.verdict).toBe('disagrees');
    expect(check.explanation).toMatch(/even a free decoder would make it at most/);
    expect(check.gapCloser).toMatch(/No bandwidth efficiency from 1% to 100% reaches 7x/);
  });

  it('solves for the bandwidth efficiency that gives +21% for an XL decoder', () => {
    const check = claim(DEFAULT_CONFIG, 'xl-decoder-cost');
    expect(check.verdict).toBe('disagrees');
    const match = check.gapCloser?.match(/bandwidth efficiency of (\d+)% instead of 100%/);
    expect(match).not.toBeNull();
    const percent = Number(match![1]);
    const extra = (p: number) => {
      const config = { ...DEFAULT_CONFIG, bandwidthEfficiency: p / 100 };
      return seconds(config, 'fido-base-xl') / seconds(config, 'fido-base') - 1;
    };
    expect(extra(percent)).toBeGreaterThanOrEqual(0.21);
    expect(extra(percent + 1)).toBeLessThan(0.21);
  });

  it('compares FiDO-Large-XXL with FiD-Base at the same settings', () => {
    const check = claim(DEFAULT_CONFIG, 'large-xxl-vs-base');
    const ratio = seconds(DEFAULT_CONFIG, 'fido-large-xxl') / seconds(DEFAULT_CONFIG, 'fid-base');
    expect(check.verdict).toBe(ratio < 1 ? 'agrees' : 'disagrees');
    expect(check.model).toContain(`${ratio.toFixed(2)}x of FiD-Base's time`);
  });

  it('finds a rising decoder share for longer outputs', () => {
    const check = claim(DEFAULT_CONFIG, 'longer-outputs');
    expect(check.compared).toMatch(/at 32 and 128 target tokens/);
    expect(check.verdict).toBe('agrees');
  });

  it('measures LSA and MQA at batch 1 whatever the batch asked', () => {
    const check = claim({ ...DEFAULT_CONFIG, batchSize: 256 }, 'small-batch');
    const single = { ...DEFAULT_CONFIG, batchSize: 1 };
    const lsa = seconds(single, 'fid-base') / seconds(single, 'fid-base-lsa');
    expect(check.model).toContain(`LSA ${lsa.toFixed(2)}x`);
    expect(check.verdict).toBe('agrees');
  });

  it('evaluates at the reader\'s accelerator and efficiencies', () => {
    const config: Config = { ...DEFAULT_CONFIG, hardware: 'h100', bandwidthEfficiency: 0.3, passages: 100 };
    const check = checkPaperClaims(config);
    expect(check.settings).toContain('H100 SXM');
    expect(check.settings).toContain('100% of peak FLOP/s and 30% of peak bandwidth');
    expect(check.settings[0]).toBe('100 passages of 256 tokens');
    const speedup = seconds(config, 'fid-base') / seconds(config, 'fido-base');
    expect(check.claims[1].model).toBe(`${speedup.toFixed(2)}x`);
  });

  it('marks the passage count and target length as assumptions', () => {
    expect(checkPaperClaims(DEFAULT_CONFIG).assumptions[0]).toMatch(/does not state its passage count or target length/);
  });

  it('cannot check claims when the models do not fit', () => {
    const tiny: Config = {
      ...DEFAULT_CONFIG,
      hardware: 'custom',
      customHardware: { peakFlopsPerSecond: 100e12, memoryBytesPerSecond: 1e12, memoryBytes: 0.2e9 },
    };
    const claims = checkPaperClaims(tiny).claims;
    for (const c of claims.filter((c) => c.id !== 'decoder-flops-vs-time')) {
      expect(c.verdict).toBe('unknown');
      expect(c.explanation).toMatch(/does not fit in the accelerator's memory/);
    }
  });

  it('leaves the configuration unchanged', () => {
    const config = { ...DEFAULT_CONFIG };
    checkPaperClaims(config);
    expect(config).toEqual(DEFAULT_CONFIG);
  });
});
