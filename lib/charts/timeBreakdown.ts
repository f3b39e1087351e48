/**
 * Data for the time-breakdown chart: per bar (one cost result each), the time per
 * sample stacked by operation, encoder operations first, then decoder operations.
 */
import type { Config } from '../config/config';
import type { CostResult } from '../cost/model';
import { OPERATION_NAMES, phaseOf, type OperationName, type Phase } from '../cost/operations';
import { columnUnit, formatBytes, formatSeconds } from './format';
import type { FigureTable } from './table';

export interface TimeBar {
  id: string;
  label: string;
  result: CostResult;
}

export interface TimeSegment {
  name: OperationName;
  label: string;
  phase: Phase;
  /** Seconds per sample where the segment starts and ends along the bar. */
  startSeconds: number;
  endSeconds: number;
  seconds: number;
}

export interface ShapedTimeBar {
  id: string;
  label: string;
  /** False when not even batch 1 fits in memory: the bar has no segments. */
  fits: boolean;
  segments: TimeSegment[];
  encoderSeconds: number;
  decoderSeconds: number;
  totalSeconds: number;
  effectiveBatch: number;
  requestedBatch: number;
  /** Why the bar is empty, or why its batch is smaller than requested; empty otherwise. */
  note: string;
}

export interface OperationShade {
  name: OperationName;
  label: string;
  phase: Phase;
  /** Fill opacity of the phase colour, 1 for the phase's first operation. */
  opacity: number;
}

const LIGHTEST_OPACITY = 0.35;

/**
 * Fill opacity of each operation's phase colour: 1 for the phase's first operation in
 * cost-model order, down to LIGHTEST_OPACITY for its last, so neighbours differ.
 */
export const OPERATION_OPACITY: Record<OperationName, number> = (() => {
  const opacity = {} as Record<OperationName, number>;
  for (const phase of ['encoder', 'decoder'] as const) {
    const names = OPERATION_NAMES.filter((name) => phaseOf(name) === phase);
    names.forEach((name, i) => {
      const step = names.length > 1 ? i / (names.length - 1) : 0;
      opacity[name] = Number((1 - (1 - LIGHTEST_OPACITY) * step).toFixed(3));
    });
  }
  return opacity;
})();

/** Why a result's bar is empty or smaller than requested, in words; '' when neither. */
export function batchNote(result: CostResult): string {
  const { batch, memory, device } = result;
  if (!batch.fits) {
    const needed = memory.weightBytes + memory.bytesPerSample;
    return `Does not fit on ${device.label}: batch 1 needs ${formatBytes(needed)} of ${formatBytes(memory.capacityBytes)}.`;
  }
  if (batch.limitedByMemory) return `Batch ${batch.effective}: the requested ${batch.requested} does not fit in memory.`;
  return '';
}

export function shapeTimeBar(bar: TimeBar): ShapedTimeBar {
  const { result } = bar;
  const fits = result.seconds !== null;
  const segments: TimeSegment[] = [];
  let position = 0;
  if (fits) {
    for (const phase of ['encoder', 'decoder'] as const) {
      for (const op of result.operations) {
        if (op.phase !== phase) continue;
        const seconds = Number.isFinite(op.seconds) && op.seconds > 0 ? op.seconds : 0;
        segments.push({ name: op.name, label: op.label, phase, startSeconds: position, endSeconds: position + seconds, seconds });
        position += seconds;
      }
    }
  }
  return {
    id: bar.id,
    label: bar.label,
    fits,
    segments,
    encoderSeconds: result.seconds?.encoder ?? NaN,
    decoderSeconds: result.seconds?.decoder ?? NaN,
    totalSeconds: result.seconds?.total ?? NaN,
    effectiveBatch: result.batch.effective,
    requestedBatch: result.batch.requested,
    note: batchNote(result),
  };
}

export function shapeTimeBars(bars: readonly TimeBar[]): ShapedTimeBar[] {
  return bars.map(shapeTimeBar);
}

/** Operations that take time in at least one bar, in cost-model order, for the legend. */
export function legendOperations(bars: readonly ShapedTimeBar[]): OperationShade[] {
  const labels = new Map<OperationName, string>();
  for (const bar of bars) for (const s of bar.segments) if (s.seconds > 0) labels.set(s.name, s.label);
  return OPERATION_NAMES.filter((name) => labels.has(name)).map((name) => ({
    name,
    label: labels.get(name)!,
    phase: phaseOf(name),
    opacity: OPERATION_OPACITY[name],
  }));
}

/** The headline: each bar's total time per sample and its decoder share. */
export function timeHeadline(bars: readonly ShapedTimeBar[]): string {
  if (bars.length === 0) return 'Time per sample: no configurations to compare.';
  const parts = bars.map((bar) => {
    if (!bar.fits) return `${bar.label}: does not fit in memory`;
    const share = bar.totalSeconds > 0 ? Math.round((100 * bar.decoderSeconds) / bar.totalSeconds) : 0;
    return `${bar.label}: ${formatSeconds(bar.totalSeconds)} (decoder ${share}%)`;
  });
  return `Time per sample by operation. ${parts.join('; ')}.`;
}

/** The figure table of `TimeBreakdownChart`: per bar, one row per operation, then its totals. */
export function timeTable(input: readonly TimeBar[]): FigureTable {
  const bars = shapeTimeBars(input);
  const unit = columnUnit(
    bars.map((b) => b.totalSeconds),
    's',
    { maxExponent: 0 },
  );
  const rows: (string | number)[][] = [];
  for (const bar of bars) {
    if (!bar.fits) {
      rows.push([bar.label, 'all', bar.note, '', bar.effectiveBatch]);
      continue;
    }
    for (const s of bar.segments) rows.push([bar.label, s.phase, s.label, s.seconds / unit.divisor, bar.effectiveBatch]);
    rows.push([bar.label, 'encoder', 'Encoder total', bar.encoderSeconds / unit.divisor, bar.effectiveBatch]);
    rows.push([bar.label, 'decoder', 'Decoder total', bar.decoderSeconds / unit.divisor, bar.effectiveBatch]);
    rows.push([bar.label, 'all', 'Total', bar.totalSeconds / unit.divisor, bar.effectiveBatch]);
  }
  return { columns: ['Configuration', 'Phase', 'Operation', `Time per sample (${unit.unit})`, 'Batch'], rows };
}

/**
 * Vanilla FiD of the same sizes as `config`: cross-attention in every decoder layer
 * (K = 1), multi-head attention (g = h) and every encoder vector (no FiD-Light).
 */
export function vanillaFidConfig(config: Config): Config {
  return { ...config, crossAttentionPeriod: 1, kvHeads: 0, firstK: 0 };
}
