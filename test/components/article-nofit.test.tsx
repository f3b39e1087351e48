import { describe, expect, it } from 'vitest';
import { AsymmetricDecoderSection } from '@/components/article/AsymmetricDecoderSection';
import { EncoderDecoderFlopsSection } from '@/components/article/EncoderDecoderFlopsSection';
import { LayerSparseCrossAttentionSection } from '@/components/article/LayerSparseCrossAttentionSection';
import { MultiQueryAttentionSection } from '@/components/article/MultiQueryAttentionSection';
import { OutputLengthAndBatchSection } from '@/components/article/OutputLengthAndBatchSection';
import { noFitText } from '@/lib/article/noFit';
import { DEFAULT_CONFIG } from '@/lib/config/config';
import { evaluate } from '@/lib/cost';
import { renderSection } from './article-harness';

/** 1,000 passages of 8,192 tokens: not one sample fits on the default accelerator. */
const NO_FIT = { ...DEFAULT_CONFIG, passages: 1000, passageTokens: 8192 };

const SECTIONS = [
  ['EncoderDecoderFlopsSection', EncoderDecoderFlopsSection],
  ['LayerSparseCrossAttentionSection', LayerSparseCrossAttentionSection],
  ['MultiQueryAttentionSection', MultiQueryAttentionSection],
  ['AsymmetricDecoderSection', AsymmetricDecoderSection],
  ['OutputLengthAndBatchSection', OutputLengthAndBatchSection],
] as const;

describe('no-fit configuration', () => {
  it('does not fit even at batch 1', () => {
    expect(evaluate(NO_FIT).seconds).toBeNull();
  });

  it('states the memory needed against the capacity', () => {
    const text = noFitText(evaluate(NO_FIT))!;
    expect(text).toMatch(/does not fit on the .+ even at batch 1/);
    expect(text).toMatch(/weights need .+ against .+ of memory/);
    expect(text).toMatch(/fewer or shorter passages/);
  });

  it('says nothing for a configuration that fits', () => {
    expect(noFitText(evaluate(DEFAULT_CONFIG))).toBeNull();
  });

  for (const [name, Section] of SECTIONS) {
    it(`${name} quotes no time it cannot have`, () => {
      const { container } = renderSection(Section, NO_FIT);
      const text = container.textContent ?? '';
      expect(text).not.toMatch(/n\/a/);
      expect(text).not.toMatch(/takes does not fit/);
      expect(text).not.toMatch(/no share/);
      expect(text).not.toMatch(/up to 0 samples/);
      expect(text).not.toMatch(/at batch 0\b/);
      expect(text).toMatch(/does not fit/);
    });
  }
});

describe('no-fit statement', () => {
  it('quotes the caches the decoder would need', () => {
    expect(noFitText(evaluate(NO_FIT))).not.toMatch(/caches while decoding 0 B/);
  });
});
