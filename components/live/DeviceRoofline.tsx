'use client';
/**
 * The reader's device as a roofline (measured matmul FLOP/s as the roof, measured add
 * bandwidth as the slope) with each measured phase of the tiny model placed on it:
 * x = the cost model's FLOPs per byte, y = cost-model FLOPs / measured seconds.
 */
import { memo, useMemo } from 'react';
import { RooflineChart } from '@/components/charts/RooflineChart';
import { Figure } from '@/components/figure/Figure';
import { formatFlopsPerSecond, formatSeconds } from '@/lib/charts/format';
import type { RooflineDevice, RooflinePoint as ChartPoint } from '@/lib/charts/roofline';
import type { FigureTable } from '@/lib/charts/table';
import type { RooflinePoint } from '@/lib/fido/calibrate';
import { VARIANT_NAMES } from './names';

const PHASE_LABELS: Record<RooflinePoint['phase'], string> = {
  encoder: 'encoder',
  projection: 'cross-attention K/V projection',
  decoder: 'decoder, all steps',
};

function chartPoints(points: readonly RooflinePoint[]): ChartPoint[] {
  return points.map((p) => ({
    id: `${p.variant}-${p.phase}`,
    label: `${VARIANT_NAMES[p.variant]} ${PHASE_LABELS[p.phase]}`,
    flopsPerByte: p.flopsPerByte,
    flopsPerSecond: p.measuredFlopsPerSecond,
    // The projection runs once per input but belongs to the decoder in the cost model.
    phase: p.phase === 'encoder' ? 'encoder' : 'decoder',
    detail: `measured ${formatSeconds(p.measuredSeconds)}, predicted ${formatSeconds(p.predictedSeconds)}`,
  }));
}

/** FLOP/s the calibrated roof allows at a point's intensity: the peak or the bandwidth slope, whichever is lower. */
function roofFlopsPerSecond(point: RooflinePoint, device: RooflineDevice): number {
  return Math.min(device.flopsPerSecond, point.flopsPerByte * device.bytesPerSecond);
}

function pointsTable(points: readonly RooflinePoint[], device: RooflineDevice): FigureTable {
  return {
    columns: ['Run and phase', 'FLOPs', 'Intensity (FLOPs/byte)', 'Measured (FLOP/s)', 'Share of the roof', 'Measured (s)', 'Predicted (s)'],
    rows: points.map((p) => {
      const roof = roofFlopsPerSecond(p, device);
      return [
        `${VARIANT_NAMES[p.variant]} ${PHASE_LABELS[p.phase]}`,
        p.flops,
        p.flopsPerByte,
        p.measuredFlopsPerSecond,
        `${Math.round((100 * p.measuredFlopsPerSecond) / roof)}%`,
        p.measuredSeconds,
        p.predictedSeconds,
      ];
    }),
  };
}

export const DeviceRoofline = memo(function DeviceRoofline({
  id,
  points,
  device,
  headingLevel,
}: {
  id: string;
  points: RooflinePoint[];
  device: RooflineDevice;
  headingLevel: 2 | 3;
}) {
  const chart = useMemo(() => chartPoints(points), [points]);
  const table = useMemo(() => pointsTable(points, device), [points, device]);
  const aboveRoof = points.some((p) => p.measuredFlopsPerSecond > roofFlopsPerSecond(p, device));
  return (
    <>
      <Figure
        id={id}
        title="Tiny model phases on this device's roofline"
        headingLevel={headingLevel}
        table={table}
        emptyReason={points.length === 0 ? 'Nothing to save yet: run a model to place its phases on the roofline.' : undefined}
        caption={
          <>
            The roof is this device as measured: {formatFlopsPerSecond(device.flopsPerSecond)} on a large matmul and the bandwidth of
            elementwise adds. Each point is one phase of a run: its cost-model FLOPs per byte across, its cost-model FLOPs divided by the
            measured seconds up. The decoder sits below its roof because its kernels are small (one query row at a time) and each has a
            fixed launch cost, neither of which the roofline counts.
          </>
        }
      >
        <RooflineChart device={device} points={chart} title="Phases of the tiny model, measured" />
      </Figure>
      {aboveRoof && (
        <p data-testid="above-roof">
          Some phases ran faster than the calibrated roof allows, so the device was probably busier during the calibration than
          during the runs. Press Recalibrate while nothing else runs on the device, then run the models again.
        </p>
      )}
    </>
  );
});
