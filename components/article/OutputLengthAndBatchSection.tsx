'use client';
/** Section 7: how the decoder's share of time moves with output length and with batch size. */
import { NoFitNote } from './NoFitNote';
import { useMemo } from 'react';
import { shareCurves, type ShareCurve, type ShareCurves } from '@/lib/article/shareCurves';
import { joinNames } from '@/lib/article/asymmetric';
import { formatCount } from '@/lib/article/reading';
import { shareCurvesTable } from '@/lib/article/tables';
import { formatPercent } from '@/lib/charts/format';
import { ArticleFigure } from './ArticleFigure';
import { SECTION_TITLES } from './sectionTitles';
import { WorkloadControl } from './WorkloadControl';
import { ShareCurvesChart } from './ShareCurvesChart';
import { SectionSlide } from './SectionSlide';
import type { SectionProps } from './sections';
import styles from './article.module.css';

function shareAt(curve: ShareCurve | undefined, x: number): string {
  const point = curve?.points.find((p) => p.x === x);
  return point ? formatPercent(point.share) : 'n/a';
}

/**
 * Shares at the first and last point of a curve. `lastBatch` is the batch memory allows
 * at the last point, which can be below the requested `lastX`.
 */
function ends(curve: ShareCurve | undefined): { first: string; last: string; lastX: number; lastBatch: number } {
  const points = curve?.points ?? [];
  if (points.length === 0) return { first: 'n/a', last: 'n/a', lastX: 0, lastBatch: 0 };
  const lastPoint = points[points.length - 1];
  return { first: formatPercent(points[0].share), last: formatPercent(lastPoint.share), lastX: lastPoint.x, lastBatch: lastPoint.effectiveBatch };
}

/** "batch 512", or "batch 140, the largest that fits in memory" when memory caps the request. */
function batchPhrase(end: { lastX: number; lastBatch: number }): string {
  const batch = `batch ${formatCount(end.lastBatch)}`;
  return end.lastBatch < end.lastX ? `${batch}, the largest that fits in memory` : batch;
}

function curveOf(data: ShareCurves, id: ShareCurve['id']): ShareCurve | undefined {
  return data.curves.find((c) => c.id === id);
}

export function OutputLengthAndBatchSection({ state, mode }: SectionProps) {
  const byLength = useMemo(() => shareCurves(state.config, 'targetTokens'), [state.config]);
  const byBatch = useMemo(() => shareCurves(state.config, 'batchSize'), [state.config]);
  const fidLength = curveOf(byLength, 'fid');
  const fidoLength = curveOf(byLength, 'fido');
  const fidBatch = ends(curveOf(byBatch, 'fid'));
  const fidoBatch = ends(curveOf(byBatch, 'fido'));
  const lengthShares = [shareAt(fidLength, 8), shareAt(fidLength, 128), shareAt(fidoLength, 8), shareAt(fidoLength, 128)];
  const lengthCases = ['vanilla FiD at 8 target tokens', 'vanilla FiD at 128', 'FiDO at 8', 'FiDO at 128'];
  const missingLengths = lengthCases.filter((_, i) => lengthShares[i] === 'n/a');
  const readerShare = byLength.reader ? formatPercent(byLength.reader.share) : null;

  const charts = (
    <div className={styles.chartPair}>
      <ArticleFigure
        id="output-length-figure"
        title="Decoder share of time against target tokens"
        caption="At your batch. Solid red: vanilla FiD at your sizes; dashed blue: FiDO at your sizes (K = 6, one key/value head)."
        table={shareCurvesTable(byLength)}
        mode={mode}
        minHeight={300}
      >
        <ShareCurvesChart data={byLength} />
      </ArticleFigure>
      {mode === 'article' && (
        <ArticleFigure
          id="batch-size-figure"
          title="Decoder share of time against the batch"
          caption="At your target length; the requested batch, lowered where memory is short."
          table={shareCurvesTable(byBatch)}
          mode={mode}
          minHeight={300}
        >
          <ShareCurvesChart data={byBatch} />
        </ArticleFigure>
      )}
    </div>
  );
  const lengthControl = <WorkloadControl state={state} field="targetTokens" scope={SECTION_TITLES['output-length-and-batch']} className={styles.sectionControl} />;

  if (mode === 'slide') {
    return (
      <SectionSlide
        headline={
          readerShare === null
            ? 'Your configuration does not fit in memory even at batch 1'
            : `At ${formatCount(state.config.targetTokens)} target tokens the decoder takes ${readerShare} of the time`
        }
      >
        {charts}
        {lengthControl}
      </SectionSlide>
    );
  }

  return (
    <>
      <p>
        The encoder runs once per sample, whatever the answer&apos;s length; the decoder runs once per generated token. So the
        longer the output, the larger the decoder&apos;s share of the time.{' '}
        {readerShare === null ? (
          <>Your configuration does not fit in memory even at batch 1, so its decoder&apos;s share of the time cannot be quoted.</>
        ) : (
          <>
            In your configuration, at {formatCount(state.config.targetTokens)} target tokens, the decoder takes{' '}
            <strong data-number="reader-share">{readerShare}</strong>.
          </>
        )}{' '}
        {lengthShares.includes('n/a') ? (
          <>
            At the sizes you chose, {joinNames(missingLengths)} {missingLengths.length === 1 ? 'does' : 'do'} not fit in memory
            even at batch 1, so the shares at 8 and 128 tokens cannot be compared. In general FiDO&apos;s decoder stays cheaper,
            but for long outputs it
          </>
        ) : (
          <>
            At the sizes you chose, vanilla FiD&apos;s decoder goes from {lengthShares[0]} of the time at 8 tokens to{' '}
            {lengthShares[1]} at 128, and FiDO&apos;s from {lengthShares[2]} to {lengthShares[3]}. FiDO&apos;s decoder stays
            cheaper, but for long outputs it
          </>
        )}{' '}
        is no longer negligible, which is why long-output tasks call for a smaller gap between decoder and encoder size.
      </p>
      {fidBatch.lastX < 1 || fidoBatch.lastX < 1 ? (
        <p>
          The batch moves the shares the other way: weights are read once per step for the whole batch, so a larger batch
          spreads their cost over more samples. At the sizes you chose, FiD or FiDO does not fit in memory even at batch 1,
          so there is no curve to quote.
        </p>
      ) : (
        <p>
          The batch moves the shares the other way. Weights are read once per step for the whole batch, so a larger batch
          spreads their cost over more samples. FiDO&apos;s decoder, which reads mostly weights, gets much cheaper per sample:
          its share falls from <strong data-number="fido-batch-1">{fidoBatch.first}</strong> at batch 1 to{' '}
          <span data-number="fido-batch-last">
            {fidoBatch.last} at {batchPhrase(fidoBatch)}
          </span>
          . FiD&apos;s decoder reads mostly its per-sample cross-attention cache, which no batch shares: its share goes from{' '}
          <strong data-number="fid-batch-1">{fidBatch.first}</strong> to{' '}
          <span data-number="fid-batch-last">
            {fidBatch.last} at {batchPhrase(fidBatch)}
          </span>
          . Memory caps the batch: past the largest batch that fits, the curves go flat.
        </p>
      )}
      <NoFitNote result={state.result} />
      {charts}
      {lengthControl}
    </>
  );
}
