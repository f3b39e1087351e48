'use client';
/** Section 6: the asymmetric decoder; FiDO-Base-XL and FiDO-Large-XXL against FiD, as time bars. */
import { NoFitNote } from './NoFitNote';
import { useDeferredValue, useMemo } from 'react';
import { TimeBreakdownChart } from '@/components/charts/TimeBreakdownChart';
import { asymmetricLineup, asymmetricNumbers } from '@/lib/article/asymmetric';
import { formatPercent, formatSeconds } from '@/lib/charts/format';
import { timeTable } from '@/lib/charts/timeBreakdown';
import { checkPaperClaims } from '@/lib/cost/paperCheck';
import { ArticleFigure } from './ArticleFigure';
import { TIME_BREAKDOWN_SLIDE } from './slideCharts';
import type { SectionProps } from './sections';
import styles from './article.module.css';

function signedPercent(fraction: number | null): string {
  if (fraction === null) return 'n/a';
  return `${fraction >= 0 ? '+' : '−'}${formatPercent(Math.abs(fraction))}`;
}

function seconds(value: number | null): string {
  return value === null ? 'does not fit' : formatSeconds(value);
}

export function AsymmetricDecoderSection({ state, mode }: SectionProps) {
  const lineup = useMemo(() => asymmetricLineup(state.config), [state.config]);
  const n = asymmetricNumbers(lineup);
  const bars = useMemo(() => lineup.map(({ id, label, result }) => ({ id, label, result })), [lineup]);
  // The claim check scans efficiencies and lengths (tens of milliseconds), so it trails slider drags.
  const deferredConfig = useDeferredValue(state.config);
  const claim = useMemo(
    () => (mode === 'article' ? checkPaperClaims(deferredConfig).claims.find((c) => c.id === 'large-xxl-vs-base') : undefined),
    [deferredConfig, mode],
  );
  const chart = (
    <ArticleFigure
      id="asymmetric-decoder-figure"
      title="Time per sample of FiD and FiDO at several sizes"
      caption="Time per sample by operation, encoder in blue and decoder in red. Workload, batch, precision and accelerator are yours; FiDO uses K = 6 and one key/value head."
      table={timeTable(bars)}
      mode={mode}
      minHeight={320}
    >
      <TimeBreakdownChart bars={bars} slide={mode === 'slide' ? TIME_BREAKDOWN_SLIDE : undefined} />
    </ArticleFigure>
  );
  const xlSentence = (
    <>
      A Base-to-XL decoder swap costs FiDO <strong data-number="xl-extra">{signedPercent(n.xlDecoderExtraTime)}</strong> time
      per sample
    </>
  );
  const ratio = n.largeXxlOverFidBase;
  const largeXxlSentence =
    ratio === null ? (
      <>FiDO-Large-XXL or FiD-Base does not fit in memory at these settings, so the two cannot be compared.</>
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
      <div className={styles.slide}>
        <p className={styles.headline}>{xlSentence}</p>
        {chart}
      </div>
    );
  }

  return (
    <>
      <p>
        Layer-sparse cross-attention and multi-query attention make the decoder so cheap that the encoder now dominates. That
        frees budget for a larger decoder: the decoder&apos;s weights are read once per step for the whole batch, so a bigger
        decoder adds little time per sample, while its extra capacity helps the model write better answers. FiDO therefore
        pairs each encoder with a decoder two T5 sizes larger, such as a Base encoder with an XL decoder.
      </p>
      {n.seconds['fido-base'] === null || n.seconds['fid-base'] === null || n.seconds['fido-base-xl'] === null ? (
        <>
          <p>
            At your workload, FiD-Base, FiDO-Base or FiDO-Base-XL does not fit on the accelerator even at batch 1, so their
            times per sample cannot be compared. {largeXxlSentence}
          </p>
          <NoFitNote result={state.result} />
        </>
      ) : (
        <p>
          At your workload, FiDO-Base takes <strong data-number="fido-base">{seconds(n.seconds['fido-base'])}</strong> per
          sample, {n.fidoBaseSpeedup === null ? 'n/a' : `${n.fidoBaseSpeedup.toFixed(2)}×`} faster than FiD-Base.{' '}
          {xlSentence}: FiDO-Base-XL takes {seconds(n.seconds['fido-base-xl'])}, of which the Base encoder still takes{' '}
          {n.baseXlEncoderShare === null ? 'n/a' : formatPercent(n.baseXlEncoderShare)}. {largeXxlSentence}
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
