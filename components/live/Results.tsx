'use client';
/**
 * Result views of the live bench: the generated tokens, the phase breakdown with the cost
 * model's prediction beside each measurement, and the FiDO speedup, measured and predicted.
 */
import { memo } from 'react';
import type { Config } from '@/lib/config/config';
import { onDevice, predictPhases, predictRun, type LaunchCalibration, type LaunchCost, type SpeedupComparison } from '@/lib/fido/calibrate';
import type { Variant } from '@/lib/fido/protocol';
import { formatBytesPerSecond, formatSeconds } from '@/lib/charts/format';
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

/** Predicts each phase: roofline and calibrated terms once the run has finished, roofline only before. */
function phasePrediction(run: VariantRun, device: Config | null, calibration: LaunchCalibration | null): Record<(typeof PHASE_ROWS)[number]['key'], LaunchCost> | null {
  if (!device) return null;
  if (run.result && calibration !== null) return predictRun(run.result, device, calibration);
  const roofline = predictPhases(onDevice(run.config, device));
  const only = (seconds: number): LaunchCost => ({
    rooflineSeconds: seconds,
    bytesPerSecond: Number.NaN,
    calibratedRooflineSeconds: Number.NaN,
    kernels: Number.NaN,
    launchSeconds: Number.NaN,
    seconds: Number.NaN,
  });
  return { encoder: only(roofline.encoder.seconds), projection: only(roofline.projection.seconds), decoder: only(roofline.decoder.seconds) };
}

const PREDICTION_COLUMNS = ['measured', 'roofline only', 'calibrated roofline', '+ kernel launches', '= predicted', 'measured / predicted'] as const;

export const PhaseTable = memo(function PhaseTable({
  runs,
  device,
  calibration,
}: {
  runs: Record<Variant, VariantRun | null>;
  device: Config | null;
  calibration: LaunchCalibration | null;
}) {
  const variants = (['fid', 'fido'] as const).filter((v) => runs[v]);
  if (variants.length === 0) return <p className={styles.note}>Run a model to see the phase breakdown.</p>;
  const measured = Object.fromEntries(variants.map((v) => [v, phaseMedians(runs[v]!)]));
  const predicted = Object.fromEntries(variants.map((v) => [v, phasePrediction(runs[v]!, device, calibration)]));
  return (
    <div className={styles.tableScroll} role="region" tabIndex={0} aria-label="Phase times, measured and predicted (scrolls sideways)">
      <table className={styles.table} aria-label="Phase times, measured and predicted">
        <thead>
          <tr>
            {/* One cell over both header rows, so the second row starts with no empty header cell. */}
            <th scope="col" rowSpan={2}>
              Phase
            </th>
            {variants.map((v) => (
              <th key={v} scope="col" colSpan={PREDICTION_COLUMNS.length}>
                {VARIANT_NAMES[v]} ({runs[v]!.backend ?? '…'})
              </th>
            ))}
          </tr>
          <tr>
            {variants.map((v) =>
              PREDICTION_COLUMNS.map((column) => (
                <th key={`${v}-${column}`} scope="col">
                  {column}
                </th>
              )),
            )}
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
                const c = cost?.calibratedRooflineSeconds ?? Number.NaN;
                const p = cost?.seconds ?? Number.NaN;
                const kernels = cost?.kernels ?? Number.NaN;
                const bytesPerSecond = cost?.bytesPerSecond ?? Number.NaN;
                // Full-precision seconds in data attributes, for scripts reading the page (bench/fido.bench.ts).
                return [
                  <td key={`${v}m`} data-variant={v} data-phase={row.key} data-kind="measured" data-seconds={String(m)}>
                    {formatSeconds(m)}
                  </td>,
                  <td key={`${v}r`} data-variant={v} data-phase={row.key} data-kind="roofline" data-seconds={String(r)}>
                    {formatSeconds(r)}
                  </td>,
                  <td key={`${v}c`} data-variant={v} data-phase={row.key} data-kind="calibrated-roofline" data-seconds={String(c)} data-bytes-per-second={String(bytesPerSecond)}>
                    {Number.isFinite(c) ? `${formatSeconds(c)} (${formatBytesPerSecond(bytesPerSecond)})` : '–'}
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
    </div>
  );
});

/**
 * Names the launch time and matrix-vector bandwidth each finished run's prediction used:
 * those measured between its timed runs, beside the calibration's.
 */
export const DuringRunNote = memo(function DuringRunNote({
  runs,
  calibration,
}: {
  runs: Record<Variant, VariantRun | null>;
  calibration: LaunchCalibration | null;
}) {
  const measured = (['fid', 'fido'] as const).flatMap((variant) => {
    const during = runs[variant]?.result?.duringRun;
    return during ? [{ variant, during }] : [];
  });
  if (measured.length === 0) return null;
  return (
    <ul className={styles.note} aria-label="Device figures measured during each run">
      {measured.map(({ variant, during }) => (
        <li
          key={variant}
          data-testid={`during-run-${variant}`}
          data-seconds-per-kernel={during.secondsPerKernel}
          data-bytes-per-second={during.matvecBytesPerSecond}
        >
          {VARIANT_NAMES[variant]}&apos;s prediction uses a kernel launch of {formatSeconds(during.secondsPerKernel)} and a
          matrix-vector bandwidth of {formatBytesPerSecond(during.matvecBytesPerSecond)}, measured between its timed runs (
          {pluralize(during.probePasses, 'probe pass', 'probe passes')} and {pluralize(during.matvecProducts, 'product')})
          {calibration
            ? `; the calibration before it measured ${formatSeconds(calibration.secondsPerKernel)} and ${formatBytesPerSecond(calibration.matvecBytesPerSecond)}.`
            : '.'}
        </li>
      ))}
    </ul>
  );
});

const SPEEDUP_FIGURES: readonly { key: keyof SpeedupComparison; label: string }[] = [
  { key: 'measuredDecoder', label: 'Decoder speedup, measured' },
  { key: 'predictedDecoder', label: 'Decoder speedup, roofline only' },
  { key: 'predictedDecoderCalibrated', label: 'Decoder speedup, calibrated prediction' },
  { key: 'measuredTotal', label: 'Whole run, measured' },
  { key: 'predictedTotal', label: 'Whole run, roofline only' },
  { key: 'predictedTotalCalibrated', label: 'Whole run, calibrated prediction' },
];

export const SpeedupView = memo(function SpeedupView({ speedup }: { speedup: SpeedupComparison | null }) {
  if (!speedup) return <p className={styles.note}>Race both models to compare their speed.</p>;
  return (
    <div className={styles.speedups} data-testid="speedups">
      {SPEEDUP_FIGURES.map(({ key, label }) => (
        <div key={key}>
          <span>{label}</span>
          <strong data-speedup={key} data-value={speedup[key]}>
            {formatRatio(speedup[key])}
          </strong>
        </div>
      ))}
    </div>
  );
});
