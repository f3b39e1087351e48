'use client';
/** Section 4: layer-sparse cross-attention. The period K selects the decoder layers that keep it. */
import { NoFitNote } from './NoFitNote';
import { useMemo } from 'react';
import { denseCrossAttention, layerSparseNumbers } from '@/lib/article/layerSparse';
import { layersTable } from '@/lib/article/tables';
import { formatBytes, formatSeconds } from '@/lib/charts/format';
import { FIDO_PERIOD } from '@/lib/config/presets';
import { normalizeConfig } from '@/lib/config/url';
import { evaluate } from '@/lib/cost';
import { DecoderLayersDiagram } from './DecoderLayersDiagram';
import { RangeField } from '@/components/controls';
import { ArticleFigure } from './ArticleFigure';
import { SECTION_TITLES } from './sectionTitles';
import { SectionSlide } from './SectionSlide';
import { isTallSlide } from './slideCharts';
import { useSlideBodyHeight } from '@/components/lecture/slideBodyHeight';
import type { SectionProps } from './sections';
import styles from './article.module.css';

function times(ratio: number | null): string {
  return ratio === null ? 'n/a' : `${ratio.toFixed(2)}×`;
}

export function LayerSparseCrossAttentionSection({ state, mode }: SectionProps) {
  const period = state.config.crossAttentionPeriod;
  const dense = useMemo(() => evaluate(denseCrossAttention(state.config)), [state.config]);
  // With K = 1 there is nothing to compare, so the prose previews FiDO's K instead.
  const sparse = useMemo(
    () => (period === 1 ? evaluate(normalizeConfig({ ...state.config, crossAttentionPeriod: FIDO_PERIOD }).config) : state.result),
    [period, state.config, state.result],
  );
  const n = layerSparseNumbers(sparse, dense);
  const layers = state.result.shape.decoder.layers;
  const slideBodyHeight = useSlideBodyHeight();
  const periodControl = (
    <div className={styles.sectionControl}>
      <RangeField
        label="Cross-attention period K"
        labelScope={SECTION_TITLES['layer-sparse-cross-attention']}
        min={1}
        max={layers}
        exactInput={false}
        value={period}
        onChange={(crossAttentionPeriod) => state.setConfig((c) => ({ ...c, crossAttentionPeriod }))}
      />
    </div>
  );
  const diagram = (
    <ArticleFigure
      id="layer-sparse-figure"
      title="Decoder layers with and without cross-attention"
      caption="Decoder layers of your configuration. Solid cross-attention blocks are kept; dashed slots have none."
      table={layersTable(layers, state.result.crossAttentionLayers)}
      mode={mode}
      minHeight={220}
    >
      <DecoderLayersDiagram layers={layers} keptLayers={state.result.crossAttentionLayers} slide={mode === 'slide'} tallRows={mode === 'slide' && isTallSlide(slideBodyHeight)} />
    </ArticleFigure>
  );
  const would = period === 1 ? 'would ' : '';
  const keptLayers = (
    <>
      <strong data-number="kept-layers">{n.keptLayers.length}</strong> of {n.layers} cross-attention layers
    </>
  );
  const savings = (
    <>
      {period === 1 ? (
        <>
          Your decoder keeps cross-attention in all {layers} layers (K = 1). FiDO&apos;s K ={' '}
          <strong data-number="period">{n.period}</strong> would keep {keptLayers}
        </>
      ) : (
        <>
          K = <strong data-number="period">{n.period}</strong> keeps {keptLayers}
        </>
      )}
      : the cross-attention cache {would}shrink{period === 1 ? '' : 's'} from {formatBytes(n.denseCacheBytes)} to{' '}
      <strong data-number="cache-bytes">{formatBytes(n.cacheBytes)}</strong> per sample, and each answer {would}read
      {period === 1 ? '' : 's'} <strong data-number="read-bytes">{formatBytes(n.readBytes)}</strong> of it instead of{' '}
      {formatBytes(n.denseReadBytes)}.
    </>
  );

  if (mode === 'slide') {
    return (
      <SectionSlide
        headline={
          period === 1
            ? `K = 1: all ${layers} layers keep cross-attention; K = ${FIDO_PERIOD} would be ${times(n.speedup)} faster`
            : `K = ${period}: ${n.keptLayers.length} of ${layers} layers keep cross-attention, ${times(n.speedup)} faster`
        }
      >
        {diagram}
        {periodControl}
      </SectionSlide>
    );
  }

  return (
    <>
      <p>
        If cross-attention is the memory-bound part, the first fix is to do less of it. FiDO keeps cross-attention only in
        every K-th decoder layer: layer i (counting from 0) has a cross-attention sublayer if and only if (i + 1) is a
        multiple of K. The other layers have no cross-attention weights at all, so they never read the encoder&apos;s keys and
        values, and the key/value projection of the encoder output runs only for the layers that keep it. FiD-Light
        (Hofstätter et al., 2022) shrinks the same cache the other way, by keeping only the first k vectors of each passage.
      </p>
      {n.totalSeconds === null ? (
        <>
          <p>{savings}</p>
          <NoFitNote result={state.result} />
        </>
      ) : (
        <p>
          {savings} Cross-attention time per sample {period === 1 ? 'would drop' : 'drops'} from{' '}
          {n.denseCrossSeconds === null ? 'n/a' : formatSeconds(n.denseCrossSeconds)} to{' '}
          <strong data-number="cross-seconds">{n.crossSeconds === null ? 'n/a' : formatSeconds(n.crossSeconds)}</strong>, and the
          whole sample {period === 1 ? 'would take' : 'takes'} <strong data-number="total-seconds">{n.totalSeconds === null ? 'n/a' : formatSeconds(n.totalSeconds)}</strong>{' '}
          instead of {n.denseTotalSeconds === null ? 'n/a' : formatSeconds(n.denseTotalSeconds)}:{' '}
          <strong data-number="speedup">{times(n.speedup)}</strong> faster than cross-attention in every layer. The FiDO code
          sets no default K; 6 is the example in its documentation, and this site uses it for FiDO.
        </p>
      )}
      {diagram}
      {periodControl}
    </>
  );
}
