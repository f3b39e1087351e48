'use client';
/** Section 5: multi-query attention. The key/value heads g control the cache bytes and the batch that fits. */
import { NoFitNote } from './NoFitNote';
import { useMemo } from 'react';
import { SelectField, type SelectOption } from '@/components/controls';
import { kvHeadLabel } from '@/components/playground/ModelControls';
import { kvHeadChoices, multiHead, multiQueryNumbers } from '@/lib/article/multiQuery';
import { formatCount } from '@/lib/article/reading';
import { headsTable } from '@/lib/article/tables';
import { formatBytes, formatSeconds } from '@/lib/charts/format';
import { normalizeConfig } from '@/lib/config/url';
import { evaluate } from '@/lib/cost';
import { AttentionHeadsDiagram } from './AttentionHeadsDiagram';
import { ArticleFigure } from './ArticleFigure';
import { SectionSlide } from './SectionSlide';
import type { SectionProps } from './sections';
import styles from './article.module.css';

function KvHeadsSelect({ heads, kvHeads, onChange }: { heads: number; kvHeads: number; onChange: (g: number) => void }) {
  const options: SelectOption<string>[] = kvHeadChoices(heads).map((g) => ({ value: String(g), label: kvHeadLabel(g, heads) }));
  return <SelectField label="Key/value heads g" value={String(kvHeads)} options={options} onChange={(value) => onChange(Number(value))} />;
}

export function MultiQueryAttentionSection({ state, mode }: SectionProps) {
  const mha = useMemo(() => evaluate(multiHead(state.config)), [state.config]);
  const heads = state.result.shape.decoder.heads;
  const kvHeads = state.result.shape.kvHeads;
  const preview = kvHeads === heads;
  // With multi-head attention there is nothing to compare, so the prose previews multi-query attention.
  const shared = useMemo(
    () => (preview ? evaluate(normalizeConfig({ ...state.config, kvHeads: 1 }).config) : state.result),
    [preview, state.config, state.result],
  );
  const n = multiQueryNumbers(shared, mha);
  const control = (
    <div className={styles.sectionControl}>
      <KvHeadsSelect
        heads={heads}
        kvHeads={kvHeads}
        // g = h is stored as 0, the multi-head default, so the URL stays short.
        onChange={(g) => state.setConfig((c) => ({ ...c, kvHeads: g === heads ? 0 : g }))}
      />
    </div>
  );
  const diagram = (
    <ArticleFigure
      id="multi-query-figure"
      title="Query heads and the key/value heads they share"
      caption="Decoder attention heads of your configuration: each query head is joined to the key/value head it reads."
      table={headsTable(heads, kvHeads)}
      mode={mode}
      minHeight={200}
    >
      <AttentionHeadsDiagram heads={heads} kvHeads={kvHeads} slide={mode === 'slide'} />
    </ArticleFigure>
  );
  const cacheSentence = preview ? (
    <>
      Your decoder uses multi-head attention (g = h = {heads}): the key/value cache is{' '}
      {formatBytes(n.multiHeadCacheBytes)} per sample and {formatCount(n.multiHeadMaxBatch)} samples fit in memory. With
      g = <strong data-number="kv-heads">{n.kvHeads}</strong> it would be{' '}
      <strong data-number="cache-bytes">{formatBytes(n.cacheBytes)}</strong>
      {n.maxBatch < 1 ? (
        ', and still not one sample would fit.'
      ) : (
        <>
          , and up to <strong data-number="max-batch">{formatCount(n.maxBatch)}</strong> samples would fit.
        </>
      )}
    </>
  ) : (
    <>
      With g = <strong data-number="kv-heads">{n.kvHeads}</strong>, the key/value cache is{' '}
      <strong data-number="cache-bytes">{formatBytes(n.cacheBytes)}</strong> per sample (
      {formatBytes(n.multiHeadCacheBytes)} with multi-head attention)
      {n.maxBatch < 1 ? (
        ', and not even one sample fits in memory.'
      ) : (
        <>
          , and up to <strong data-number="max-batch">{formatCount(n.maxBatch)}</strong> samples fit in memory (
          {formatCount(n.multiHeadMaxBatch)} with multi-head attention).
        </>
      )}
    </>
  );

  if (mode === 'slide') {
    return (
      <SectionSlide headline={cacheSentence}>
        {diagram}
        {control}
      </SectionSlide>
    );
  }

  return (
    <>
      <p>
        The second fix makes each byte of the cache serve more queries. In multi-head attention each of the h query heads
        has its own key and value head, so the cache holds h·d<sub>kv</sub> numbers per vector for keys and as many for
        values. Multi-query attention (Shazeer, 2019) keeps all h query heads but lets them share a single key/value head;
        grouped-query attention (Ainslie et al., 2023) sits in between, with g key/value heads each shared by h/g query
        heads. FiDO uses multi-query attention in the decoder. The cache, and the bytes read for it at every step, shrink by
        h/g, and the cross-attention intensity rises by the same factor.
      </p>
      {n.decoderSeconds === null ? (
        <>
          <p>{cacheSentence}</p>
          <NoFitNote result={state.result} />
        </>
      ) : (
        <p>
          {cacheSentence} The decoder {preview ? 'would take' : 'takes'}{' '}
          <strong data-number="decoder-seconds">{n.decoderSeconds === null ? 'n/a' : formatSeconds(n.decoderSeconds)}</strong> per
          sample at batch {formatCount(n.effectiveBatch)}, against{' '}
          {n.multiHeadDecoderSeconds === null ? 'no time (it does not fit in memory)' : formatSeconds(n.multiHeadDecoderSeconds)} with multi-head attention at
          batch {formatCount(n.multiHeadEffectiveBatch)}. Fewer key/value heads also shrink the key/value projections, so the
          decoder has fewer weights to read.
        </p>
      )}
      {diagram}
      {control}
    </>
  );
}
