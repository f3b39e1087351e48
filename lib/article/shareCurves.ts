/**
 * Numbers of the output-length and batch section: the decoder's share of the time per
 * sample as the target length or the batch grows. The curves are vanilla FiD and FiDO
 * at the reader's sizes, and the reader's own configuration is a marked point.
 */
import { describeModel, type Config } from '../config/config';
import { FIDO_PERIOD, vanillaFid, withModel } from '../config/presets';
import { WORKLOAD_LIMITS } from '../config/schema';
import { evaluate } from '../cost';

export type ShareVariable = 'targetTokens' | 'batchSize';

export interface SharePoint {
  x: number;
  /** Decoder seconds over total seconds, in [0, 1]. */
  share: number;
  /** Batch actually used, which memory may cap below the requested one. */
  effectiveBatch: number;
}

export interface ShareCurve {
  id: 'fid' | 'fido';
  label: string;
  points: SharePoint[];
}

export interface ShareCurves {
  variable: ShareVariable;
  curves: ShareCurve[];
  /** The reader's configuration; null when it does not fit in memory. */
  reader: SharePoint | null;
}

/** Powers of two from 1 to 512 target tokens and from 1 to 512 samples. */
export const SHARE_GRID: Record<ShareVariable, number[]> = {
  targetTokens: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
  batchSize: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
};

/** Vanilla FiD of the reader's sizes. */
export function fidAtSizes(config: Config): Config {
  return vanillaFid(config);
}

/** FiDO of the reader's sizes: K = 6 and one key/value head, no first-k. */
export function fidoAtSizes(config: Config): Config {
  return withModel(config, {
    encoderSize: config.encoderSize,
    decoderSize: config.decoderSize,
    crossAttentionPeriod: FIDO_PERIOD,
    kvHeads: 1,
    firstK: 0,
  });
}

/** Decoder share of `config` with `variable` set to `x`; null when nothing fits in memory. */
export function sharePoint(config: Config, variable: ShareVariable, x: number): SharePoint | null {
  const clamped = Math.min(WORKLOAD_LIMITS[variable].max, Math.max(WORKLOAD_LIMITS[variable].min, Math.round(x)));
  const result = evaluate({ ...config, [variable]: clamped });
  if (!result.seconds || !(result.seconds.total > 0)) return null;
  return { x: clamped, share: result.seconds.decoder / result.seconds.total, effectiveBatch: result.batch.effective };
}

function curve(id: ShareCurve['id'], label: string, config: Config, variable: ShareVariable): ShareCurve {
  const points: SharePoint[] = [];
  for (const x of SHARE_GRID[variable]) {
    const point = sharePoint(config, variable, x);
    if (point) points.push(point);
  }
  return { id, label, points };
}

export function shareCurves(config: Config, variable: ShareVariable): ShareCurves {
  return {
    variable,
    curves: [
      curve('fid', describeModel(fidAtSizes(config)), fidAtSizes(config), variable),
      curve('fido', describeModel(fidoAtSizes(config)), fidoAtSizes(config), variable),
    ],
    reader: sharePoint(config, variable, config[variable]),
  };
}
