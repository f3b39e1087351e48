'use client';
/** Section 6: the asymmetric decoder; FiDO-Base-XL and FiDO-Large-XXL against FiD, as time bars. */
import { NoFitNote } from './NoFitNote';
import { useDeferredValue, useMemo } from 'react';
import { TimeBreakdownChart } from '@/components/charts/TimeBreakdownChart';
import { asymmetricLineup, asymmetricNumbers, joinNames, memoryCappedModels, modelsNotFitting } from '@/lib/article/asymmetric';
import { formatCount } from '@/lib/article/reading';
import { formatPercent, formatSeconds } from '@/lib/charts/format';
import { timeTable } from '@/lib/charts/timeBreakdown';
import { checkPaperClaims } from '@/lib/cost/paperCheck';
import { ArticleFigure } from './ArticleFigure';
import { timeBreakdownSlide } from './slideCharts';
import { useSlideBodyHeight, useSlideStage } from '@/components/lecture/slideBodyHeight';
import { SectionSlide } from './SectionSlide';
import type { SectionProps } from './sections';

function signedPercent(fraction: number | null): string {
  if (fraction === null) return 'n/a';
  return `${fraction >= 0 ? '+' : '−'}${formatPercent(Math.abs(fraction))}`;
}

function seconds(value: number | null): string {
  return value === null ? 'does not fit' : formatSeconds(value);
}

function doesNotFit(names: readonly string[]): string {
  return `${joinNames(names)} ${names.length === 1 ? 'does' : 'do'} not fit`;
}

export function AsymmetricDecoderSection({ state, mode }: SectionProps) {
  const lineup = useMemo(() => asymmetricLineup(state.config), [state.config]);
  const n = asymmetricNumbers(lineup);
  // The same swap at batch 1, where no other sample shares the decoder's weight reads.
  const batchOne = useMemo(
    () => (mode === 'article' && state.config.batchSize > 1 ? asymmetricNumbers(asymmetricLineup({ ...state.config, batchSize: 1 })) : null),
    [state.config, mode],
  );
  const bars = useMemo(() => lineup.map(({ id, label, result }) => ({ id, label, result })), [lineup]);
  // The claim check scans efficiencies and lengths (tens of milliseconds), so it trails slider drags.
  const deferredConfig = useDeferredValue(state.config);
  const claim = useMemo(
    () => (mode === 'article' ? checkPaperClaims(deferredConfig).claims.find((c) => c.id === 'large-xxl-vs-base') : undefined),
    [deferredConfig, mode],
  );
  const slideBodyHeight = useSlideBodyHeight();
  const slideStage = useSlideStage();
  const chart = (
    <ArticleFigure
      id="asymmetric-decoder-figure"
      title="Time per sample of FiD and FiDO at several sizes"
      caption="Time per sample by operation, encoder in blue and decoder in red. Workload, batch, precision and accelerator are yours; FiDO uses K = 6 and one key/value head. A model short of memory runs at the largest batch that fits, named beside its bar."
      table={timeTable(bars)}
      mode={mode}
      minHeight={320}
    >
      <TimeBreakdownChart bars={bars} slide={mode === 'slide' ? timeBreakdownSlide(slideBodyHeight, slideStage) : undefined} />
    </ArticleFigure>
  );
  const fidoBaseEntry = lineup.find((e) => e.id === 'fido-base');
  const xlEntry = lineup.find((e) => e.id === 'fido-base-xl');
  const fidoBaseBatch = fidoBaseEntry?.result.batch.effective ?? state.config.batchSize;
  const xlBatch = xlEntry?.result.batch.effective ?? state.config.batchSize;
  const swapBatch =
    fidoBaseBatch === xlBatch ? `batch ${formatCount(xlBatch)}` : `batch ${formatCount(fidoBaseBatch)} for FiDO-Base and ${formatCount(xlBatch)} for FiDO-Base-XL`;
  const xlMissing = modelsNotFitting(lineup, ['fido-base', 'fido-base-xl']);
  const xlSentence =
    n.xlDecoderExtraTime === null ? (
      <>{doesNotFit(xlMissing)} in memory even at batch 1, so the cost of a Base-to-XL decoder swap cannot be quoted</>
    ) : (
      <>
        At {swapBatch}, a Base-to-XL decoder swap costs FiDO <strong data-number="xl-extra">{signedPercent(n.xlDecoderExtraTime)}</strong> time
        per sample
      </>
    );
  const largeXxlMissing = modelsNotFitting(lineup, ['fido-large-xxl', 'fid-base']);
  const ratio = n.largeXxlOverFidBase;
  const largeXxlSentence =
    ratio === null ? (
      <>{doesNotFit(largeXxlMissing)} in memory even at batch 1, so FiDO-Large-XXL and FiD-Base cannot be compared.</>
    ) : (
      <>
        FiDO-Large-XXL takes <strong data-number="large-xxl">{seconds(n.seconds['fido-large-xxl'])}</strong> per sample
        against FiD-Base&apos;s <strong data-number="fid-base">{seconds(n.seconds['fid-base'])}</strong>, that is{' '}
        <strong data-number="large-xxl-ratio">{ratio.toFixed(2)}×</strong> its time.{' '}
        {ratio < 1
          ? 'As the FiDO paper’s abstract states, the larger FiDO model is the faster one.'
          : 'The FiDO paper’s abstract states that FiDO-Large-XXL is faster than FiD-Base, so here the model and the paper disagree.'}
      </>
    );
  if (mode === 'slide') {
    return (
      <SectionSlide headline={xlSentence}>
        {chart}
      </SectionSlide>
    );
  }

  const baseMissing = modelsNotFitting(lineup, ['fid-base', 'fido-base', 'fido-base-xl']);
  const capped = memoryCappedModels(lineup);
  return (
    <>
      <p>
        Layer-sparse cross-attention and multi-query attention make the decoder so cheap that the encoder now dominates. That
        frees budget for a larger decoder, whose extra capacity helps the model write better answers. What the larger decoder
        costs depends on the batch: each decoding step reads the decoder&apos;s weights once for the whole batch, so at a large
        batch that read is shared by many samples and a bigger decoder adds little time per sample, while at batch 1 every
        sample pays for reading all of its weights at every step. FiDO pairs each encoder with a decoder two T5 sizes larger,
        such as a Base encoder with an XL decoder.
      </p>
      {baseMissing.length > 0 ? (
        <>
          <p>
            At your workload, {doesNotFit(baseMissing)} on the accelerator even at batch 1, so the times per sample of FiD-Base,
            FiDO-Base and FiDO-Base-XL cannot be compared. {largeXxlSentence}
          </p>
          <NoFitNote result={state.result} />
        </>
      ) : (
        <p>
          At your workload, FiDO-Base takes <strong data-number="fido-base">{seconds(n.seconds['fido-base'])}</strong> per
          sample, {n.fidoBaseSpeedup === null ? 'n/a' : `${n.fidoBaseSpeedup.toFixed(2)}×`} faster than FiD-Base.{' '}
          {xlSentence}: FiDO-Base-XL takes {seconds(n.seconds['fido-base-xl'])}, of which the Base encoder still takes{' '}
          {n.baseXlEncoderShare === null ? 'n/a' : formatPercent(n.baseXlEncoderShare)}.{' '}
          {batchOne && batchOne.xlDecoderExtraTime !== null && fidoBaseBatch > 1 && xlBatch > 1 && (
            <>
              At batch 1 the same swap costs <strong data-number="xl-extra-batch-1">{signedPercent(batchOne.xlDecoderExtraTime)}</strong>,
              because no other sample shares the XL decoder&apos;s weight reads.{' '}
            </>
          )}
          {largeXxlSentence}
        </p>
      )}
      {capped.length > 0 && (
        <p data-number="memory-capped">
          Memory caps {joinNames(capped.map((c, i) => `${c.label} at ${i === 0 ? 'batch ' : ''}${formatCount(c.batch)}`))},{' '}
          {capped.length === 1 ? 'the largest batch that fits, so its bar is drawn at that batch' : 'the largest batches that fit, so their bars are drawn at those batches'}, not at{' '}
          {formatCount(state.config.batchSize)}.
        </p>
      )}
      {claim && claim.verdict === 'disagrees' && (
        <p data-claim="large-xxl-vs-base">
          Why: {claim.explanation} {claim.gapCloser}
        </p>
      )}
      {chart}
    </>
  );
}
