/**
 * Data for the memory chart: the accelerator memory a batch needs against the capacity.
 * A batch needs the weights once, plus per sample the cross-attention cache, the
 * self-attention cache and the activations of the phase that needs the most. Bars show
 * the effective batch, the requested batch when it did not fit, and the largest batch
 * that fits.
 */
import type { CostResult } from '../cost/model';
import type { MemoryPhase } from '../cost/memory';
import { formatBytes } from './format';
import type { FigureTable } from './table';

export type MemoryPart = 'weights' | 'crossCache' | 'selfCache' | 'activations';

export const MEMORY_PART_LABELS: Record<MemoryPart, string> = {
  weights: 'Weights',
  crossCache: 'Cross-attention cache',
  selfCache: 'Self-attention cache',
  activations: 'Activations',
};

export const PEAK_PHASE_TEXT: Record<MemoryPhase, string> = {
  encode: 'encoding (one encoder layer over all passages, plus the encoder output)',
  project: 'the cross-attention key/value projection (encoder output plus the cache being written)',
  decode: 'decoding (both caches plus one step of activations)',
};

/** Short names of the memory phases, for table rows. */
export const PHASE_LABELS: Record<MemoryPhase, string> = {
  encode: 'Encoding',
  project: 'Cross-attention K/V projection',
  decode: 'Decoding',
};

export interface MemorySegment {
  part: MemoryPart;
  startBytes: number;
  endBytes: number;
  bytes: number;
}

export interface MemoryBar {
  kind: 'effective' | 'requested' | 'largest';
  batch: number;
  label: string;
  segments: MemorySegment[];
  totalBytes: number;
  fits: boolean;
}

export interface MemoryData {
  bars: MemoryBar[];
  capacityBytes: number;
  peakPhase: MemoryPhase;
  maxBatch: number;
}

function barAt(result: CostResult, batch: number, kind: MemoryBar['kind'], label: string): MemoryBar {
  const m = result.memory;
  const sizes: [MemoryPart, number][] = [
    ['weights', m.weightBytes],
    ['crossCache', m.crossCacheBytesPerSample * batch],
    ['selfCache', m.selfCacheBytesPerSample * batch],
    ['activations', m.activationBytesPerSample * batch],
  ];
  const segments: MemorySegment[] = [];
  let position = 0;
  for (const [part, raw] of sizes) {
    const bytes = Number.isFinite(raw) && raw > 0 ? raw : 0;
    segments.push({ part, startBytes: position, endBytes: position + bytes, bytes });
    position += bytes;
  }
  return { kind, batch, label, segments, totalBytes: position, fits: position <= m.capacityBytes };
}

export function memoryData(result: CostResult): MemoryData {
  const { batch, memory } = result;
  const bars: MemoryBar[] = [];
  if (!batch.fits) {
    bars.push(barAt(result, 1, 'requested', 'Batch 1 (does not fit)'));
  } else {
    const effectiveIsLargest = batch.effective === batch.max;
    bars.push(barAt(result, batch.effective, 'effective', `Batch ${batch.effective}${effectiveIsLargest ? ' (effective, largest that fits)' : ' (effective)'}`));
    if (batch.limitedByMemory) bars.push(barAt(result, batch.requested, 'requested', `Batch ${batch.requested} (requested, does not fit)`));
    if (!effectiveIsLargest) bars.push(barAt(result, batch.max, 'largest', `Batch ${batch.max} (largest that fits)`));
  }
  return { bars, capacityBytes: memory.capacityBytes, peakPhase: memory.peakPhase, maxBatch: batch.fits ? batch.max : 0 };
}

export function memoryHeadline(data: MemoryData, deviceLabel: string): string {
  const capacity = `${formatBytes(data.capacityBytes)} on ${deviceLabel}`;
  const first = data.bars[0];
  if (data.maxBatch === 0) return `Memory: even batch 1 needs ${formatBytes(first.totalBytes)}, more than the ${capacity}.`;
  return `Memory at batch ${first.batch}: ${formatBytes(first.totalBytes)} of ${capacity}; at most batch ${data.maxBatch} fits. Peak in ${PEAK_PHASE_TEXT[data.peakPhase]}.`;
}

/** The one unit of the memory table's byte columns: decimal gigabytes. */
export const MEMORY_TABLE_UNIT = { unit: 'GB', divisor: 1e9 } as const;

/**
 * The figure table of `MemoryChart`: for each bar's batch, one row per phase with that
 * phase's own memory, so the encoding row shows no cross-attention cache because none
 * exists yet, and the decoding row shows the cache it reads. `Peak` marks the phase the
 * chart's bar draws. Every byte column is in GB whatever the configuration, so two CSV
 * exports of the chart share their column names. The CSV keeps 12 significant digits.
 */
export function memoryTable(result: CostResult): FigureTable {
  const data = memoryData(result);
  const { weightBytes, phases } = result.memory;
  const unit = MEMORY_TABLE_UNIT;
  const parts: MemoryPart[] = ['weights', 'crossCache', 'selfCache', 'activations'];
  const rows = data.bars.flatMap((bar) =>
    phases.map((p) => {
      const bytes: Record<MemoryPart, number> = {
        weights: weightBytes,
        crossCache: p.crossCacheBytesPerSample * bar.batch,
        selfCache: p.selfCacheBytesPerSample * bar.batch,
        activations: p.activationBytesPerSample * bar.batch,
      };
      const total = weightBytes + p.bytesPerSample * bar.batch;
      return [
        bar.batch,
        PHASE_LABELS[p.phase],
        ...parts.map((part) => bytes[part] / unit.divisor),
        total / unit.divisor,
        data.capacityBytes / unit.divisor,
        total <= data.capacityBytes ? 'yes' : 'no',
        p.phase === data.peakPhase ? 'yes' : 'no',
      ];
    }),
  );
  return {
    columns: ['Batch', 'Phase', ...parts.map((p) => `${MEMORY_PART_LABELS[p]} (${unit.unit})`), `Total (${unit.unit})`, `Capacity (${unit.unit})`, 'Fits', 'Peak'],
    rows,
  };
}
