import { describe, expect, it } from 'vitest';
import { decadeDomain, decadeTicks, positiveOrNaN, zeroBasedDomain } from '@/lib/charts/domain';
import { placeLabels } from '@/lib/charts/labels';
import { layoutLegend } from '@/lib/charts/legend';
import { textWidth, truncateText, wrapText } from '@/lib/charts/text';
import { memoryData, memoryTable } from '@/lib/charts/memory';
import { roofAnnotations, roofPolyline, rooflineDevice, rooflinePoints, rooflineScales, rooflineTable } from '@/lib/charts/roofline';
import { shareRows, shareTable } from '@/lib/charts/share';
import { OPERATION_OPACITY, shapeTimeBar, timeTable, vanillaFidConfig } from '@/lib/charts/timeBreakdown';
import { DEFAULT_CONFIG } from '@/lib/config/config';
import { evaluate } from '@/lib/cost/model';

const fid = evaluate({ ...DEFAULT_CONFIG });
const bounds = { left: 60, right: 620, top: 10, bottom: 310 };

describe('domains', () => {
  it('sends zero and negatives to NaN before a log axis', () => {
    expect(positiveOrNaN(0)).toBeNaN();
    expect(positiveOrNaN(-1)).toBeNaN();
    expect(positiveOrNaN(Infinity)).toBeNaN();
    expect(positiveOrNaN(2)).toBe(2);
  });

  it('widens a log domain to whole decades', () => {
    expect(decadeDomain([3, 250])).toEqual([1, 1000]);
    expect(decadeDomain([0, -5, NaN, 42])).toEqual([10, 100]);
  });

  it('centres a single value in a log domain', () => {
    expect(decadeDomain([100, 100])).toEqual([10, 1000]);
    expect(decadeDomain([])).toEqual([1, 10]);
  });

  it('gives a zero-width linear domain a unit span', () => {
    expect(zeroBasedDomain([0, 0])).toEqual([0, 1]);
    expect(zeroBasedDomain([NaN])).toEqual([0, 1]);
    expect(zeroBasedDomain([2, 5])).toEqual([0, 5]);
  });

  it('thins decade ticks to the count that fits', () => {
    expect(decadeTicks([1, 1e4], 10)).toEqual([1, 10, 100, 1000, 1e4]);
    expect(decadeTicks([1, 1e8], 3)).toEqual([1, 1000, 1e6]);
  });
});

describe('placeLabels', () => {
  it('keeps a lone label right of its point', () => {
    const [label] = placeLabels([{ x: 100, y: 100, width: 10, height: 12 }], { bounds });
    expect(label).toEqual({ x: 106, y: 100, moved: false });
  });

  it('separates labels of coinciding points', () => {
    const request = { x: 300, y: 100, width: 14, height: 12 };
    const placed = placeLabels([request, request, request], { bounds });
    const ys = placed.map((p) => p.y).sort((a, b) => a - b);
    expect(ys[1] - ys[0]).toBeGreaterThanOrEqual(12);
    expect(ys[2] - ys[1]).toBeGreaterThanOrEqual(12);
    expect(placed.filter((p) => p.moved)).toHaveLength(2);
  });

  it('steps around an obstacle', () => {
    const obstacle = { left: 100, right: 140, top: 90, bottom: 110 };
    const [label] = placeLabels([{ x: 100, y: 100, width: 10, height: 12 }], { bounds, obstacles: [obstacle] });
    expect(label.moved).toBe(true);
    expect(label.y - 6 >= 110 || label.y + 6 <= 90).toBe(true);
  });

  it('flips to the left at the right edge', () => {
    const [label] = placeLabels([{ x: 615, y: 100, width: 14, height: 12 }], { bounds });
    expect(label.x + 14).toBeLessThanOrEqual(615);
  });
});

describe('rooflinePoints', () => {
  it('skips operations without FLOPs', () => {
    const points = rooflinePoints(fid);
    expect(points.map((p) => p.id)).not.toContain('encoder.embedding');
    expect(points.map((p) => p.id)).not.toContain('decoder.embedding');
    expect(points).toHaveLength(fid.operations.filter((op) => op.flops > 0).length);
  });

  it('reports FLOPs over seconds at the effective batch', () => {
    const mlp = rooflinePoints(fid).find((p) => p.id === 'decoder.mlp')!;
    const op = fid.operations.find((o) => o.name === 'decoder.mlp')!;
    expect(mlp.flopsPerSecond).toBeCloseTo(op.flops / op.seconds);
    // Memory-bound at batch 64: the rate sits on the slope, intensity times bandwidth.
    expect(mlp.flopsPerSecond / (mlp.flopsPerByte * fid.device.bytesPerSecond)).toBeCloseTo(1, 6);
    expect(mlp.detail).toMatch(/^memory-bound, [\d.]+ µs per sample$/);
  });

  it('keeps the decoder MLP under the ridge and the encoder MLP over it', () => {
    const points = rooflinePoints(fid);
    const ridge = fid.device.ridgeFlopsPerByte;
    expect(points.find((p) => p.id === 'decoder.mlp')!.flopsPerByte).toBeLessThan(ridge);
    expect(points.find((p) => p.id === 'encoder.mlp')!.flopsPerByte).toBeGreaterThan(ridge);
  });

  it('draws the roof through the ridge', () => {
    const device = rooflineDevice(fid);
    const scales = rooflineScales(device, rooflinePoints(fid), bounds);
    const roof = roofPolyline(device, scales);
    expect(roof).toHaveLength(3);
    expect(roof[1][0]).toBeCloseTo(fid.device.ridgeFlopsPerByte);
    expect(roof[1][1]).toBe(fid.device.flopsPerSecond);
    expect(roof[0][1]).toBeCloseTo(roof[0][0] * fid.device.bytesPerSecond);
  });

  it('maps to whole pixels', () => {
    const scales = rooflineScales(rooflineDevice(fid), rooflinePoints(fid), bounds);
    for (const p of rooflinePoints(fid)) {
      expect(Number.isInteger(scales.x(p.flopsPerByte))).toBe(true);
      expect(Number.isInteger(scales.y(p.flopsPerSecond))).toBe(true);
    }
  });

  it('keeps the slope label off the points', () => {
    const device = rooflineDevice(fid);
    const points = rooflinePoints(fid);
    const scales = rooflineScales(device, points, bounds);
    const slope = roofAnnotations(device, points, scales, bounds, roofPolyline(device, scales))!.slope!;
    expect(slope.text).toBe('memory 1.2 TB/s');
    for (const p of points) {
      const x = scales.x(p.flopsPerByte);
      const y = scales.y(p.flopsPerSecond);
      const inside = x > slope.box.left && x < slope.box.right && y > slope.box.top && y < slope.box.bottom;
      expect(inside, p.label).toBe(false);
    }
  });

  it('moves the ridge label left near the edge', () => {
    const device = { label: 'Edge', flopsPerSecond: 1e15, bytesPerSecond: 1e12 };
    const points = [{ id: 'p', label: 'low', flopsPerByte: 10, flopsPerSecond: 1e13, phase: 'decoder' }];
    const scales = rooflineScales(device, points, bounds);
    const ridge = roofAnnotations(device, points, scales, bounds, roofPolyline(device, scales))!.ridge;
    expect(scales.x(1000)).toBe(bounds.right);
    expect(ridge.anchor).toBe('end');
    expect(ridge.box.right).toBeLessThanOrEqual(bounds.right);
  });

  it('tabulates each point in the same order', () => {
    const table = rooflineTable(rooflineDevice(fid), rooflinePoints(fid));
    expect(table.columns).toEqual(['#', 'Operation', 'Phase', 'Intensity (FLOPs/byte)', 'Achieved (TFLOP/s)', 'Limited by']);
    expect(table.rows[0].slice(0, 3)).toEqual([1, 'Encoder Q/K/V/O projections', 'encoder']);
    expect(table.rows.find((r) => r[1] === 'Decoder MLP')![5]).toBe('memory bandwidth');
  });
});

describe('time breakdown data', () => {
  it('stacks encoder operations before decoder operations', () => {
    const bar = shapeTimeBar({ id: 'fid', label: 'FiD', result: fid });
    const phases = bar.segments.map((s) => s.phase);
    expect(phases.indexOf('decoder')).toBe(phases.lastIndexOf('encoder') + 1);
    expect(bar.segments.at(-1)!.endSeconds).toBeCloseTo(fid.seconds!.total, 12);
  });

  it('shades each phase from full to light', () => {
    expect(OPERATION_OPACITY['encoder.embedding']).toBe(1);
    expect(OPERATION_OPACITY['encoder.norms']).toBe(0.35);
    expect(OPERATION_OPACITY['decoder.outputProjection']).toBe(0.35);
  });

  it('turns FiDO back into vanilla FiD of the same sizes', () => {
    const fido = { ...DEFAULT_CONFIG, decoderSize: 'xl' as const, crossAttentionPeriod: 6, kvHeads: 1, firstK: 32 };
    expect(vanillaFidConfig(fido)).toEqual({ ...fido, crossAttentionPeriod: 1, kvHeads: 0, firstK: 0 });
  });

  it('tabulates totals in one unit', () => {
    const table = timeTable([{ id: 'fid', label: 'FiD', result: fid }]);
    expect(table.columns[3]).toBe('Time per sample (ms)');
    const total = table.rows.find((r) => r[2] === 'Total')!;
    expect(total[3]).toBeCloseTo(fid.seconds!.total * 1e3, 9);
  });
});

describe('share and memory data', () => {
  it('splits FLOPs and time into fractions that sum to one', () => {
    for (const row of shareRows(fid)) expect(row.parts.reduce((sum, p) => sum + p.fraction, 0)).toBeCloseTo(1, 12);
    expect(shareTable(fid).rows[0][0]).toBe('FLOPs');
  });

  it('multiplies per-sample memory by the batch', () => {
    const data = memoryData(fid);
    const cross = data.bars[0].segments.find((s) => s.part === 'crossCache')!;
    expect(cross.bytes).toBe(fid.memory.crossCacheBytesPerSample * 64);
    expect(data.bars[0].fits).toBe(true);
    expect(data.bars.map((b) => b.kind)).toEqual(['effective', 'largest']);
    expect(memoryTable(fid).rows.map((row) => row[0])).toEqual([64, 64, 64, 86, 86, 86]);
  });
});

describe('legend layout', () => {
  it('wraps items into rows', () => {
    const layout = layoutLegend(['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc'], (s) => s, 160);
    expect(layout.items.map((i) => i.y)).toEqual([0, 16, 32]);
    expect(layout.height).toBe(48);
  });

  it('shortens an item wider than the legend', () => {
    const layout = layoutLegend(['Cross-attention K/V projection of encoder output'], (s) => s, 200);
    expect(layout.items[0].text).toMatch(/^Cross-attention .*…$/);
    expect(textWidth(layout.items[0].text) + 14).toBeLessThanOrEqual(200);
  });

});

describe('text measure', () => {
  it('counts digits wider than narrow letters', () => {
    expect(textWidth('0000')).toBeGreaterThan(textWidth('iiii'));
    expect(textWidth('ab', { bold: true })).toBeGreaterThan(textWidth('ab'));
    expect(textWidth('ab', { fontSize: 22 })).toBeCloseTo(2 * textWidth('ab'));
  });

  it('truncates long text with an ellipsis', () => {
    const cut = truncateText('Decoder cross-attention over encoder keys/values', 80);
    expect(cut).toMatch(/^Decoder cr?o?.*…$/);
    expect(textWidth(cut)).toBeLessThanOrEqual(80);
    expect(truncateText('short', 100)).toBe('short');
  });

  it('wraps at spaces within the width', () => {
    const lines = wrapText('Peak per sample during decoding (both caches plus one step of activations).', 150);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Peak per sample during decoding (both caches plus one step of activations).');
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(150);
  });

  it('shortens a word wider than the line', () => {
    expect(wrapText('Supercalifragilistic', 40)).toHaveLength(1);
    expect(wrapText('Supercalifragilistic', 40)[0]).toMatch(/…$/);
    expect(wrapText('', 40)).toEqual([]);
  });
});
