'use client';
/**
 * Result views of the live bench: the generated tokens, the phase breakdown with the cost
 * model's prediction beside each measurement, and the FiDO speedup, measured and predicted.
 */
import { memo } from 'react';
import type { Config } from '@/lib/config/config';
import { onDevice, predictPhases, predictRun, type LaunchCost, type SpeedupComparison } from '@/lib/fido/calibrate';
import type { Variant } from '@/lib/fido/protocol';
import { formatSeconds } from '@/lib/charts/format';
import { phaseMedians, type VariantRun } from './liveState';
import { pluralize } from '@/lib/text/plural';
import { formatRatio, VARIANT_NAMES } from './names';
import styles from './live.module.css';

function emptyText(run: VariantRun | null): string {
  if (!run) return 'not run yet';
  if (run.stopped === 'cancelled') return 'Cancelled before the first token.';
  if (run.stopped === 'failed') return 'Failed before the first token.';
  return 'waiting for the first token…';
}

export const TokenStream = memo(function TokenStream({ variant, run }: { variant: Variant; run: VariantRun | null }) {
  const tokens = run?.tokens ?? [];
  const total = run?.config.targetTokens ?? 0;
  return (
    <div>
      <p>
        <strong>{VARIANT_NAMES[variant]} output</strong>{' '}
        {run ? `(${tokens.length} of ${pluralize(total, 'token')}${run.backend ? `, on ${run.backend}` : ''}${run.stopped ? `, ${run.stopped}` : ''})` : ''}
      </p>
      <p className={styles.tokens} aria-live="polite" aria-label={`${VARIANT_NAMES[variant]} generated tokens`} data-testid={`tokens-${variant}`}>
        {tokens.length === 0 ? (
          <span className={styles.note}>{emptyText(run)}</span>
        ) : (
          tokens.map((token, index) => <span key={index}>{token.replaceAll(' ', '·')}</span>)
        )}
      </p>
    </div>
  );
});

const PHASE_ROWS = [
  { key: 'encoder', label: 'Encoder (all passages, one batch)' },
  { key: 'projection', label: 'Cross-attention K/V projection' },
  { key: 'decoder', label: 'Decoder (sum of per-step medians)' },
] as const;

/** The prediction of one phase: roofline and launch terms once the run has finished, roofline only before. */
function phasePrediction(run: VariantRun, device: Config | null, secondsPerKernel: number | null): Record<(typeof PHASE_ROWS)[number]['key'], LaunchCost> | null {
  if (!device) return null;
  if (run.result && secondsPerKernel !== null) return predictRun(run.result, device, secondsPerKernel);
  const roofline = predictPhases(onDevice(run.config, device));
  const only = (seconds: number): LaunchCost => ({ rooflineSeconds: seconds, kernels: Number.NaN, launchSeconds: Number.NaN, seconds: Number.NaN });
  return { encoder: only(roofline.encoder.seconds), projection: only(roofline.projection.seconds), decoder: only(roofline.decoder.seconds) };
}

export const PhaseTable = memo(function PhaseTable({
  runs,
  device,
  secondsPerKernel,
}: {
  runs: Record<Variant, VariantRun | null>;
  device: Config | null;
  secondsPerKernel: number | null;
}) {
  const variants = (['fid', 'fido'] as const).filter((v) => runs[v]);
  if (variants.length === 0) return <p className={styles.note}>Run a model to see the phase breakdown.</p>;
  const measured = Object.fromEntries(variants.map((v) => [v, phaseMedians(runs[v]!)]));
  const predicted = Object.fromEntries(variants.map((v) => [v, phasePrediction(runs[v]!, device, secondsPerKernel)]));
  return (
    <table className={styles.table} aria-label="Phase times, measured and predicted">
      <thead>
        <tr>
          <th scope="col">Phase</th>
          {variants.map((v) => (
            <th key={v} scope="col" colSpan={5}>
              {VARIANT_NAMES[v]} ({runs[v]!.backend ?? '…'})
            </th>
          ))}
        </tr>
        <tr>
          <th scope="col" />
          {variants.map((v) => [
            <th key={`${v}m`} scope="col">measured</th>,
            <th key={`${v}r`} scope="col">roofline</th>,
            <th key={`${v}l`} scope="col">+ kernel launches</th>,
            <th key={`${v}p`} scope="col">= predicted</th>,
            <th key={`${v}q`} scope="col">measured / predicted</th>,
          ])}
        </tr>
      </thead>
      <tbody>
        {PHASE_ROWS.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {variants.map((v) => {
              const m = measured[v][row.key];
              const cost = predicted[v]?.[row.key];
              const r = cost?.rooflineSeconds ?? Number.NaN;
              const p = cost?.seconds ?? Number.NaN;
              const kernels = cost?.kernels ?? Number.NaN;
              // Full-precision seconds in data attributes, for scripts reading the page (bench/fido.bench.ts).
              return [
                <td key={`${v}m`} data-variant={v} data-phase={row.key} data-kind="measured" data-seconds={String(m)}>
                  {formatSeconds(m)}
                </td>,
                <td key={`${v}r`} data-variant={v} data-phase={row.key} data-kind="roofline" data-seconds={String(r)}>
                  {formatSeconds(r)}
                </td>,
                <td key={`${v}l`} data-variant={v} data-phase={row.key} data-kind="launch" data-seconds={String(cost?.launchSeconds ?? Number.NaN)} data-kernels={String(kernels)}>
                  {Number.isFinite(kernels) ? `${formatSeconds(cost!.launchSeconds)} (${pluralize(kernels, 'kernel')})` : '–'}
                </td>,
                <td key={`${v}p`} data-variant={v} data-phase={row.key} data-kind="predicted" data-seconds={String(p)}>
                  {formatSeconds(p)}
                </td>,
                <td key={`${v}q`}>{formatRatio(m / p)}</td>,
              ];
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});

export const SpeedupView = memo(function SpeedupView({ speedup }: { speedup: SpeedupComparison | null }) {
  if (!speedup) return <p className={styles.note}>Race both models to compare their speed.</p>;
  return (
    <div className={styles.speedups} data-testid="speedups">
      <div>
        <span>Decoder speedup, measured</span>
        <strong data-speedup="measuredDecoder" data-value={speedup.measuredDecoder}>
          {formatRatio(speedup.measuredDecoder)}
        </strong>
      </div>
      <div>
        <span>Decoder speedup, roofline only</span>
        <strong data-speedup="predictedDecoder" data-value={speedup.predictedDecoder}>
          {formatRatio(speedup.predictedDecoder)}
        </strong>
      </div>
      <div>
        <span>Decoder speedup, roofline plus kernel launches</span>
        <strong data-speedup="predictedDecoderWithLaunch" data-value={speedup.predictedDecoderWithLaunch}>
          {formatRatio(speedup.predictedDecoderWithLaunch)}
        </strong>
      </div>
      <div>
        <span>Whole run, measured</span>
        <strong data-speedup="measuredTotal" data-value={speedup.measuredTotal}>
          {formatRatio(speedup.measuredTotal)}
        </strong>
      </div>
      <div>
        <span>Whole run, roofline only</span>
        <strong data-speedup="predictedTotal" data-value={speedup.predictedTotal}>
          {formatRatio(speedup.predictedTotal)}
        </strong>
      </div>
      <div>
        <span>Whole run, roofline plus kernel launches</span>
        <strong data-speedup="predictedTotalWithLaunch" data-value={speedup.predictedTotalWithLaunch}>
          {formatRatio(speedup.predictedTotalWithLaunch)}
        </strong>
      </div>
    </div>
  );
});
