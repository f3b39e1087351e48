'use client';
/** Section 3: memory bandwidth, operational intensity and the roofline, driven by the batch size. */
import { RooflineChart } from '@/components/charts/RooflineChart';
import { rooflineNumbers } from '@/lib/article/bandwidth';
import { formatCount } from '@/lib/article/reading';
import { rooflineDevice, rooflinePoints, rooflineTable } from '@/lib/charts/roofline';
import { formatBytesPerSecond, formatFlopsPerByte, formatFlopsPerSecond, formatPercent, formatSeconds } from '@/lib/charts/format';
import { ArticleFigure } from './ArticleFigure';
import { SECTION_TITLES } from './sectionTitles';
import { WorkloadControl } from './WorkloadControl';
import { rooflineSlide } from './slideCharts';
import { useSlideBodyHeight, useSlideStage } from '@/components/lecture/slideBodyHeight';
import { SectionSlide } from './SectionSlide';
import type { SectionProps } from './sections';
import styles from './article.module.css';

export function MemoryBandwidthSection({ state, mode }: SectionProps) {
  const n = rooflineNumbers(state.result);
  const slideBodyHeight = useSlideBodyHeight();
  const slideStage = useSlideStage();
  const device = rooflineDevice(state.result);
  const points = rooflinePoints(state.result);
  const batchControl = <WorkloadControl state={state} field="batchSize" scope={SECTION_TITLES['memory-bandwidth']} className={styles.sectionControl} />;
  const chart = (
    <ArticleFigure
      id="memory-bandwidth-figure"
      title={`Roofline of ${n.deviceLabel}`}
      caption="Each operation of your configuration: operational intensity against the FLOP/s it reaches. Points on the slanted line are memory-bound."
      table={rooflineTable(device, points)}
      mode={mode}
      minHeight={360}
    >
      <RooflineChart device={device} points={points} title={`Roofline of ${n.deviceLabel}`} slide={mode === 'slide' ? rooflineSlide(slideBodyHeight, slideStage) : undefined} />
    </ArticleFigure>
  );
  const batchNote = !n.fits
    ? ' Not even one sample fits in memory, so these are the numbers of batch 1 on an accelerator with enough memory.'
    : n.limitedByMemory
      ? ` Batch ${formatCount(n.requestedBatch)} does not fit in memory; the largest that fits, ${formatCount(n.effectiveBatch)}, is used.`
      : '';
  const crossSentence = (
    <>
      At batch <strong data-number="batch">{formatCount(n.effectiveBatch)}</strong>, cross-attention does{' '}
      <strong data-number="cross-intensity">{formatFlopsPerByte(n.crossAttention.flopsPerByte)}</strong>, far below the ridge
      at <strong data-number="ridge">{formatFlopsPerByte(n.ridgeFlopsPerByte)}</strong>: it is {n.crossAttention.bound}-bound.
    </>
  );

  if (mode === 'slide') {
    return (
      <SectionSlide headline={crossSentence}>
        {chart}
        {batchControl}
      </SectionSlide>
    );
  }

  return (
    <>
      <p>
        An accelerator can only compute on data it has fetched from memory. {n.deviceLabel} does{' '}
        {formatFlopsPerSecond(state.result.device.flopsPerSecond)} but reads memory at{' '}
        {formatBytesPerSecond(state.result.device.bytesPerSecond)} (at the efficiencies you set), so an operation keeps the
        arithmetic units busy only if it does at least{' '}
        {formatFlopsPerByte(n.ridgeFlopsPerByte)} for every byte it moves. That ratio of FLOPs to bytes is the
        operation&apos;s <em>operational intensity</em>, and the point where the two limits meet is the ridge of the roofline
        (Williams, Waterman and Patterson, 2009). Below the ridge an operation waits for memory; above it, for arithmetic.
      </p>
      <p>
        The encoder sits well above the ridge: its MLP multiplies the weights by all {formatCount(state.result.shape.passages * state.result.shape.passageTokens)}{' '}
        vectors of a sample at once, about {formatFlopsPerByte(n.encoderMlp.flopsPerByte)}. The decoder handles one token
        per sample per step. Its weights are read once per step for the whole batch, so its MLP reaches{' '}
        {formatFlopsPerByte(n.decoderMlp.flopsPerByte)} at this batch and climbs as the batch grows. Cross-attention is
        different: every sample has its own keys and values of all encoder vectors, and each step reads all of them for a
        few FLOPs each. For every cache element it reads, it does about h/g multiply-adds (here{' '}
        {formatCount(n.headsPerKvHead)}), whatever the batch.
      </p>
      <p>
        {crossSentence}
        {batchNote} Cross-attention takes{' '}
        <strong data-number="cross-share">
          {n.crossAttentionShareOfDecoder === null ? 'an unknown share' : formatPercent(n.crossAttentionShareOfDecoder)}
        </strong>{' '}
        of the decoder&apos;s time, and the decoder{' '}
        <strong data-number="decoder-share">{n.decoderShare === null ? 'an unknown share' : formatPercent(n.decoderShare)}</strong> of
        the {n.totalSeconds === null ? '' : formatSeconds(n.totalSeconds)} per sample. Drag the batch size: the MLP and
        projection points move right towards the ridge, and the cross-attention point stays where it is.
      </p>
      {chart}
      {batchControl}
    </>
  );
}
