'use client';
import { memo } from 'react';
import type { CostResult } from '@/lib/cost';
import { formatBytes, formatCount, formatFlops, formatPercent, formatSeconds, formatTimeRatio, MISSING } from './format';
import type { Estimates } from './useEstimates';
import styles from './playground.module.css';

/** Explains why a configuration does not fit, with the sizes involved. */
export function doesNotFitMessage(result: CostResult): string {
  const { weightBytes, bytesPerSample, capacityBytes } = result.memory;
  if (weightBytes >= capacityBytes) {
    return `Does not fit: the weights alone need ${formatBytes(weightBytes)} of the ${formatBytes(capacityBytes)} on the accelerator.`;
  }
  return `Does not fit: the weights need ${formatBytes(weightBytes)} and one sample ${formatBytes(bytesPerSample)} more, beyond the ${formatBytes(capacityBytes)} on the accelerator.`;
}

export function batchText(result: CostResult): string {
  const { requested, max, fits, limitedByMemory } = result.batch;
  if (!fits) return 'none fits';
  if (limitedByMemory) return `requested ${requested}, largest that fits ${max}`;
  return `as requested (up to ${max} would fit)`;
}

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className={styles.figure}>
      <dt>{label}</dt>
      <dd className={styles.figureValue}>{value}</dd>
      {detail && <dd className={styles.figureDetail}>{detail}</dd>}
    </div>
  );
}

function timeOf(result: CostResult): number | null {
  return result.seconds?.total ?? null;
}

function ratioOf(a: number | null, b: number | null): number | null {
  return a !== null && b !== null && b > 0 ? a / b : null;
}

/** The headline numbers of one configuration and its standing against vanilla FiD and FiD-Base. */
export const Headline = memo(function Headline({ estimates, title }: { estimates: Estimates; title: string }) {
  const { result, vanilla, fidBase, name, vanillaName } = estimates;
  const seconds = result.seconds;
  const isVanilla = name === vanillaName;
  const againstVanilla = ratioOf(timeOf(result), timeOf(vanilla));

  const references = [
    { label: name, note: 'this configuration', result },
    ...(isVanilla ? [] : [{ label: vanillaName, note: 'vanilla, same sizes', result: vanilla }]),
    ...(name === 'FiD-Base' ? [] : [{ label: 'FiD-Base', note: 'reference', result: fidBase }]),
  ];

  return (
    <section className={styles.card} aria-labelledby="headline-title" data-testid="headline">
      <h2 id="headline-title">
        {title}: {name}
      </h2>
      {!seconds && (
        <p role="alert" className={styles.alert}>
          {doesNotFitMessage(result)} No time is shown.
        </p>
      )}
      <dl className={styles.figures}>
        <Figure
          label="Time per sample"
          value={formatSeconds(seconds?.total ?? null)}
          detail={seconds ? `encoder ${formatSeconds(seconds.encoder)}, decoder ${formatSeconds(seconds.decoder)}` : undefined}
        />
        <Figure label="Decoder's share of time" value={seconds ? formatPercent(seconds.decoder / seconds.total) : MISSING} />
        <Figure
          label={`Time against vanilla ${vanillaName}`}
          value={formatTimeRatio(againstVanilla)}
          detail={isVanilla ? 'this is vanilla FiD' : 'same sizes, workload and accelerator'}
        />
        <Figure
          label="Parameters"
          value={formatCount(result.params.total)}
          detail={`encoder ${formatCount(result.params.encoder)}, decoder ${formatCount(result.params.decoder)}`}
        />
        <Figure
          label="FLOPs per sample"
          value={formatFlops(result.flops.total)}
          detail={`encoder ${formatFlops(result.flops.encoder)}, decoder ${formatFlops(result.flops.decoder)}`}
        />
        <Figure label="Training FLOPs per sample" value={formatFlops(result.flops.trainingPerSample)} detail="forward and backward, 3x inference" />
        <Figure label="Effective batch" value={result.batch.fits ? String(result.batch.effective) : MISSING} detail={batchText(result)} />
        <Figure label="Memory per sample" value={formatBytes(result.memory.bytesPerSample)} detail={`weights ${formatBytes(result.memory.weightBytes)}`} />
      </dl>

      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption>Against references at the same workload, precision and accelerator</caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Time per sample</th>
              <th scope="col">Decoder</th>
              <th scope="col">Time against FiD-Base</th>
            </tr>
          </thead>
          <tbody>
            {references.map(({ label, note, result: r }) => (
              <tr key={note}>
                <th scope="row">
                  {label} <span className={styles.rowNote}>({note})</span>
                </th>
                <td>{formatSeconds(timeOf(r))}</td>
                <td>{formatSeconds(r.seconds?.decoder ?? null)}</td>
                <td>{formatTimeRatio(ratioOf(timeOf(r), timeOf(fidBase)))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});
