'use client';
/**
 * How long Race both, Run FiD and Run FiDO should take on this device, shown beside the
 * run buttons once the device is calibrated, so a reader can lower the settings before a
 * long run. The estimate is the calibrated prediction (calibrate.ts `estimateRun`) times
 * the passes of a run, plus the device measurements between its timed passes. Kernel launches are in it only for a variant whose earlier run, at
 * the same settings on the same backend, counted them.
 */
import { memo } from 'react';
import type { Config } from '@/lib/config/config';
import { configQuery } from '@/lib/config/url';
import { estimateRun, runPasses, type LaunchCalibration, type RunEstimate } from '@/lib/fido/calibrate';
import { variantConfig, type BackendName, type Variant } from '@/lib/fido/protocol';
import { pluralize } from '@/lib/text/plural';
import type { VariantRun } from './liveState';
import styles from './live.module.css';

/** A race estimated above this many seconds gets a warning to lower the settings first. */
export const LONG_RUN_SECONDS = 60;

/** Formats a duration to two significant digits: "0.42 s", "12 s", "2.5 min", "1.2 h". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unknown';
  if (seconds < 60) return `${Number(seconds.toPrecision(2))} s`;
  if (seconds < 3600) return `${Number((seconds / 60).toPrecision(2))} min`;
  return `${Number((seconds / 3600).toPrecision(2))} h`;
}

function kernelsOfEarlierRun(run: VariantRun | null, model: Config, backend: BackendName) {
  const result = run?.result;
  if (!result || result.backend !== backend) return null;
  // Kernel counts depend on the configuration, so only a run at the same settings can lend them.
  return configQuery(result.config) === configQuery(model) ? result.kernels : null;
}

// NOTE: "at least" assumes no kernel beats the calibrated rates. In headless Chromium the roofline alone
// was 1.3 to 2.1 times below the measured pass on wasm and webgl, but data that stays in cache can move faster.
function qualified(estimate: Pick<RunEstimate, 'seconds' | 'includesLaunches'>): string {
  return `${estimate.includesLaunches ? 'about' : 'at least'} ${formatDuration(estimate.seconds)}`;
}

export interface RunEstimateProps {
  config: Config;
  /** The calibrated device (`deviceConfig`), or null before the calibration. */
  device: Config | null;
  calibration: LaunchCalibration | null;
  /** Seconds one run spends measuring the device between its timed passes (`estimateSampling`). */
  samplingSeconds: number;
  /** Backend the calibration ran on. */
  backend: BackendName | null;
  warmups: number;
  repeats: number;
  runs: Record<Variant, VariantRun | null>;
}

export const RunEstimateNote = memo(function RunEstimateNote({ config, device, calibration, samplingSeconds, backend, warmups, repeats, runs }: RunEstimateProps) {
  if (!device || !calibration || !backend) return null;
  const passes = runPasses(warmups, repeats);
  const estimate = (variant: Variant) => {
    const model = variantConfig(config, variant);
    const run = estimateRun(model, device, calibration, passes, kernelsOfEarlierRun(runs[variant], model, backend));
    return { ...run, seconds: run.seconds + samplingSeconds };
  };
  const fid = estimate('fid');
  const fido = estimate('fido');
  const race = { seconds: fid.seconds + fido.seconds, includesLaunches: fid.includesLaunches && fido.includesLaunches };
  const long = race.seconds > LONG_RUN_SECONDS;

  let included = 'This is the roofline alone. Kernel launches (a first run counts them), building the model and warm-up compilation add to it.';
  if (race.includesLaunches) included = 'Kernel launches counted by the earlier runs at these settings are included. Building the model and warm-up compilation add to it.';
  else if (fid.includesLaunches || fido.includesLaunches) {
    included = '"About" includes the kernel launches counted by an earlier run at these settings, "at least" is the roofline alone. Building the model and warm-up compilation add to both.';
  }

  return (
    <p className={long ? styles.warning : styles.note} data-testid="run-estimate" data-race-seconds={race.seconds} data-long={long}>
      {long && <strong>This may take a long time. </strong>}
      Estimated on this device: Race both {qualified(race)}, Run FiD {qualified(fid)}, Run FiDO {qualified(fido)} ({pluralize(passes, 'pass', 'passes')}{' '}
      per model: {warmups} warm-up, {repeats} timed, 1 to count kernels, and the device measured again between timed passes). {included}
      {long && ' To wait less, lower the passages, tokens or repeats first.'}
    </p>
  );
});
