import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AsymmetricDecoderSection } from '@/components/article/AsymmetricDecoderSection';
import { EncoderDecoderFlopsSection } from '@/components/article/EncoderDecoderFlopsSection';
import { LayerSparseCrossAttentionSection } from '@/components/article/LayerSparseCrossAttentionSection';
import { MemoryBandwidthSection } from '@/components/article/MemoryBandwidthSection';
import { MultiQueryAttentionSection } from '@/components/article/MultiQueryAttentionSection';
import { OutputLengthAndBatchSection } from '@/components/article/OutputLengthAndBatchSection';
import { asymmetricLineup, asymmetricNumbers } from '@/lib/article/asymmetric';
import { fidAtSizes, fidoAtSizes } from '@/lib/article/shareCurves';
import { crossCacheBytes, selfCacheBytes } from '@/lib/cost/memory';
import { formatBytes, formatFlopsPerByte, formatPercent, formatSeconds } from '@/lib/charts/format';
import { DEFAULT_CONFIG } from '@/lib/config/config';
import { evaluate } from '@/lib/cost';
import { logSteps } from '@/components/controls';
import { WORKLOAD_LIMITS } from '@/lib/config/schema';
import { proseNumber, renderSection } from './article-harness';

/** Index of `value` among the log-spaced stops of a workload slider. */
function stepIndex(key: 'targetTokens' | 'batchSize', value: number): number {
  const steps = logSteps(WORKLOAD_LIMITS[key].min, WORKLOAD_LIMITS[key].max);
  const index = steps.indexOf(value);
  if (index < 0) throw new Error(`${value} is not a stop of the ${key} slider: ${steps.join(', ')}`);
  return index;
}

function op(config: typeof DEFAULT_CONFIG, name: string) {
  return evaluate(config).operations.find((o) => o.name === name)!;
}

describe('EncoderDecoderFlopsSection', () => {
  it('quotes the decoder time share the chart draws', async () => {
    renderSection(EncoderDecoderFlopsSection, DEFAULT_CONFIG);
    const seconds = evaluate(DEFAULT_CONFIG).seconds!;
    const share = formatPercent(seconds.decoder / seconds.total);
    expect(proseNumber('decoder-time-share')).toBe(share);
    const chart = await screen.findByRole('img', { name: /FLOPs/ });
    expect(chart.closest('figure')?.textContent).toContain(`Decoder ${share}`);
  });

  it('typesets the formulas with the reader numbers', async () => {
    const { container } = renderSection(EncoderDecoderFlopsSection, { ...DEFAULT_CONFIG, passages: 10 });
    await waitFor(() => expect(container.querySelectorAll('[data-formula="katex"]').length).toBe(4));
    expect(container.textContent).toContain('2,560');
  });

  it('moves the slide headline with the target tokens', () => {
    renderSection(EncoderDecoderFlopsSection, DEFAULT_CONFIG, 'slide');
    const headline = () => screen.getByText(/of the time$/).textContent;
    const before = headline();
    fireEvent.change(screen.getByRole('slider', { name: 'Target tokens, Where the FLOPs go' }), { target: { value: String(stepIndex('targetTokens', 256)) } });
    expect(headline()).not.toBe(before);
    const seconds = evaluate({ ...DEFAULT_CONFIG, targetTokens: 256 }).seconds!;
    expect(headline()).toContain(formatPercent(seconds.decoder / seconds.total));
  });
});

describe('MemoryBandwidthSection', () => {
  it('quotes the cross-attention intensity the roofline plots', async () => {
    renderSection(MemoryBandwidthSection, DEFAULT_CONFIG);
    const intensity = formatFlopsPerByte(op(DEFAULT_CONFIG, 'decoder.crossAttention.attention').flopsPerByte);
    expect(proseNumber('cross-intensity')).toBe(intensity);
    const chart = await screen.findByRole('img', { name: /Roofline/ });
    expect(chart.closest('figure')?.textContent).toContain(`Decoder cross-attention over encoder keys/values (decoder): ${intensity}`);
  });

  it('keeps cross-attention memory-bound as the batch grows', () => {
    renderSection(MemoryBandwidthSection, { ...DEFAULT_CONFIG, batchSize: 1 });
    const atOne = proseNumber('cross-intensity');
    fireEvent.change(screen.getByRole('slider', { name: 'Batch size, Where the time goes: memory bandwidth and the roofline' }), { target: { value: String(stepIndex('batchSize', 64)) } });
    expect(proseNumber('batch')).toBe('64');
    expect(proseNumber('cross-intensity')).toBe(atOne);
    expect(screen.getByText(/it is memory-bound/)).toBeInTheDocument();
  });
});

describe('LayerSparseCrossAttentionSection', () => {
  it('redraws the layers when K changes', async () => {
    const { container } = renderSection(LayerSparseCrossAttentionSection, DEFAULT_CONFIG);
    await screen.findByRole('img', { name: /decoder layers keep cross-attention/ });
    expect(container.querySelectorAll('[data-cross-attention="kept"]')).toHaveLength(12);
    fireEvent.change(screen.getByRole('slider', { name: 'Cross-attention period K, Layer-sparse cross-attention' }), { target: { value: '6' } });
    const kept = [...container.querySelectorAll('[data-cross-attention="kept"]')].map((g) => g.getAttribute('data-layer'));
    expect(kept).toEqual(['5', '11']);
    expect(screen.getByRole('img', { name: /layers 5, 11/ })).toBeInTheDocument();
  });

  it('quotes the cache the layers keep', () => {
    const config = { ...DEFAULT_CONFIG, crossAttentionPeriod: 4 };
    renderSection(LayerSparseCrossAttentionSection, config);
    expect(proseNumber('kept-layers')).toBe('3');
    expect(proseNumber('cache-bytes')).toBe(formatBytes(crossCacheBytes(evaluate(config).shape)));
    expect(proseNumber('total-seconds')).toBe(formatSeconds(evaluate(config).seconds!.total));
  });

  it('previews FiDO K when every layer cross-attends', () => {
    renderSection(LayerSparseCrossAttentionSection, DEFAULT_CONFIG);
    expect(proseNumber('period')).toBe('6');
    expect(screen.getByText(/Your decoder keeps cross-attention in all 12 layers/)).toBeInTheDocument();
  });

  it('names FiDO K once in the preview', () => {
    renderSection(LayerSparseCrossAttentionSection, DEFAULT_CONFIG);
    const sentence = document.querySelector('[data-number="period"]')?.closest('p')?.textContent ?? '';
    expect(sentence).toContain("FiDO's K = 6 would keep 2 of 12 cross-attention layers: the cross-attention cache would shrink");
    expect(sentence.match(/K = 6/g)).toHaveLength(1);
  });

  it('states the kept layers at K 4', () => {
    renderSection(LayerSparseCrossAttentionSection, { ...DEFAULT_CONFIG, crossAttentionPeriod: 4 });
    const sentence = document.querySelector('[data-number="period"]')?.closest('p')?.textContent ?? '';
    expect(sentence).toMatch(/^K = 4 keeps 3 of 12 cross-attention layers: the cross-attention cache shrinks from/);
  });
});

describe('MultiQueryAttentionSection', () => {
  it('changes the cache bytes with g', async () => {
    const { container } = renderSection(MultiQueryAttentionSection, { ...DEFAULT_CONFIG, kvHeads: 4 });
    const cache = (g: number) => {
      const shape = evaluate({ ...DEFAULT_CONFIG, kvHeads: g }).shape;
      return formatBytes(crossCacheBytes(shape) + selfCacheBytes(shape));
    };
    expect(proseNumber('cache-bytes')).toBe(cache(4));
    await screen.findByRole('img', { name: /Grouped-query attention/ });
    expect(container.querySelectorAll('[data-kv-head]')).toHaveLength(4);

    fireEvent.change(screen.getByRole('combobox', { name: 'Key/value heads g' }), { target: { value: '2' } });
    expect(proseNumber('cache-bytes')).toBe(cache(2));
    expect(container.querySelectorAll('[data-kv-head]')).toHaveLength(2);
  });

  it('quotes the batch that fits', () => {
    const config = { ...DEFAULT_CONFIG, kvHeads: 1 };
    renderSection(MultiQueryAttentionSection, config);
    expect(proseNumber('max-batch')).toBe(String(evaluate(config).batch.max));
  });
});

describe('AsymmetricDecoderSection', () => {
  it('quotes the times the bars draw', async () => {
    renderSection(AsymmetricDecoderSection, DEFAULT_CONFIG);
    const fidoBase = formatSeconds(evaluate({ ...DEFAULT_CONFIG, crossAttentionPeriod: 6, kvHeads: 1 }).seconds!.total);
    expect(proseNumber('fido-base')).toBe(fidoBase);
    const chart = await screen.findByRole('img', { name: /FiDO-Base/ });
    expect(within(chart.closest('figure')!).getAllByText(new RegExp(fidoBase.replace('.', '\\.'))).length).toBeGreaterThan(0);
  });

  it('quotes the XL swap at batch 1', () => {
    renderSection(AsymmetricDecoderSection, { ...DEFAULT_CONFIG, batchSize: 64 });
    const atBatch = asymmetricNumbers(asymmetricLineup({ ...DEFAULT_CONFIG, batchSize: 64 })).xlDecoderExtraTime!;
    const atOne = asymmetricNumbers(asymmetricLineup({ ...DEFAULT_CONFIG, batchSize: 1 })).xlDecoderExtraTime!;
    expect(atOne).toBeGreaterThan(atBatch);
    expect(proseNumber('xl-extra')).toBe(`+${formatPercent(atBatch)}`);
    expect(proseNumber('xl-extra-batch-1')).toBe(`+${formatPercent(atOne)}`);
    expect(screen.getByText(/at batch 1 every sample pays for reading all of its weights/)).toBeInTheDocument();
  });

  it('names the models memory caps', () => {
    renderSection(AsymmetricDecoderSection, { ...DEFAULT_CONFIG, batchSize: 64 });
    const capped = asymmetricLineup({ ...DEFAULT_CONFIG, batchSize: 64 }).filter((e) => e.result.batch.limitedByMemory);
    expect(capped.length).toBeGreaterThan(0);
    const note = proseNumber('memory-capped');
    expect(note).toContain(`${capped[0].label} at batch ${capped[0].result.batch.effective}`);
    for (const entry of capped.slice(1)) expect(note).toContain(`${entry.label} at ${entry.result.batch.effective}`);
    expect(note).toContain('not at 64');
  });

  it('names the models that do not fit', () => {
    renderSection(AsymmetricDecoderSection, { ...DEFAULT_CONFIG, passages: 1000, passageTokens: 1024 });
    expect(screen.getByText(/FiD-Base, FiDO-Base and FiDO-Base-XL do not fit on the accelerator even at batch 1/)).toBeInTheDocument();
    expect(screen.getByText(/FiD-Base and FiDO-Large-XXL do not fit in memory even at batch 1/)).toBeInTheDocument();
    expect(screen.queryByText(/n\/a/)).not.toBeInTheDocument();
  });

  it('explains where the model disagrees with the paper', () => {
    renderSection(AsymmetricDecoderSection, DEFAULT_CONFIG);
    expect(screen.getByText(/the model and the paper disagree/)).toBeInTheDocument();
    expect(document.querySelector('[data-claim="large-xxl-vs-base"]')?.textContent).toMatch(/Large encoder alone takes/);
  });
});

describe('OutputLengthAndBatchSection', () => {
  it('names the lengths that do not fit', () => {
    // 1,000 passages of 880 tokens: vanilla FiD fits at no target length, FiDO at every one.
    renderSection(OutputLengthAndBatchSection, { ...DEFAULT_CONFIG, passages: 1000, passageTokens: 880 });
    expect(screen.getByText(/vanilla FiD at 8 target tokens and vanilla FiD at 128 do not fit in memory even at batch 1/)).toBeInTheDocument();
    expect(screen.queryByText(/FiDO at 8/)).not.toBeInTheDocument();
    expect(screen.queryByText(/n\/a/)).not.toBeInTheDocument();
  });

  it('marks the reader share the prose quotes', async () => {
    renderSection(OutputLengthAndBatchSection, DEFAULT_CONFIG);
    const seconds = evaluate(DEFAULT_CONFIG).seconds!;
    const share = formatPercent(seconds.decoder / seconds.total);
    expect(proseNumber('reader-share')).toBe(share);
    const charts = await screen.findAllByRole('img', { name: /Decoder share of time/ });
    expect(charts).toHaveLength(2);
    expect(charts[0].textContent).toContain(`you: ${share}`);
  });
});

describe('OutputLengthAndBatchSection batch', () => {
  it('quotes the batch that fits, not 512', () => {
    renderSection(OutputLengthAndBatchSection, DEFAULT_CONFIG);
    for (const [name, config] of [
      ['fido-batch-last', fidoAtSizes(DEFAULT_CONFIG)],
      ['fid-batch-last', fidAtSizes(DEFAULT_CONFIG)],
    ] as const) {
      const atMax = evaluate({ ...config, batchSize: 512 });
      const fitting = atMax.batch.effective;
      const share = formatPercent(atMax.seconds!.decoder / atMax.seconds!.total);
      const expected = fitting < 512 ? `${share} at batch ${fitting}, the largest that fits in memory` : `${share} at batch 512`;
      expect(proseNumber(name)).toBe(expected);
    }
    expect(evaluate({ ...fidoAtSizes(DEFAULT_CONFIG), batchSize: 512 }).batch.effective).toBeLessThan(512);
    expect(document.body.textContent).not.toContain('batch 512');
  });
});

describe('slides', () => {
  it('fit the paper check into one table', async () => {
    const { PaperCheckSection } = await import('@/components/article/PaperCheckSection');
    renderSection(PaperCheckSection, DEFAULT_CONFIG, 'slide');
    const table = screen.getByRole('table', { name: /claims against the model/ });
    expect(within(table).getAllByRole('row')).toHaveLength(7);
    expect(within(table).getByText('about 7x')).toBeInTheDocument();
  });
});
