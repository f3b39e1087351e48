import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { formatSeconds } from '@/lib/charts/format';
import { boxesOverlap, placeLabels, polylineMeetsBox, segmentMeetsBox } from '@/lib/charts/labels';
import {
  drawablePoints,
  placePointLabels,
  POINT_LABEL_GAP,
  POINT_LABEL_HEIGHT,
  pointLabelTextWidth,
  roofAnnotations,
  roofPolyline,
  rooflineDevice,
  rooflinePoints,
  rooflineScales,
  type RooflineDevice,
  type RooflinePoint,
} from '@/lib/charts/roofline';
import { DEFAULT_CONFIG } from '@/lib/config/config';
import { presetById, withModel } from '@/lib/config/presets';
import { evaluate } from '@/lib/cost/model';
import { textWidth } from '@/lib/charts/text';
import { fittingTicks, labelsFit } from '@/lib/charts/ticks';

const bounds = { left: 60, right: 620, top: 10, bottom: 310 };
const device: RooflineDevice = { label: 'Test device', flopsPerSecond: 1e14, bytesPerSecond: 1e12 };

function point(id: string, flopsPerByte: number, flopsPerSecond: number): RooflinePoint {
  return { id, label: id, phase: 'decoder', flopsPerByte, flopsPerSecond };
}

describe('label placement', () => {
  it('keeps a gap between neighbouring labels', () => {
    // Two points 9 px apart on one row: touching labels would read as one number.
    const placed = placeLabels(
      [
        { x: 100, y: 100, width: 9, height: 13 },
        { x: 109, y: 100, width: 9, height: 13 },
      ],
      { bounds, gap: 0 },
    );
    const boxes = placed.map((p) => ({ left: p.x - 2, right: p.x + 9 + 2, top: p.y - 6.5, bottom: p.y + 6.5 }));
    expect(boxesOverlap(boxes[0], boxes[1])).toBe(false);
  });

  it('gives points at one spot one label with commas', () => {
    const points = [point('a', 2, 2e12), point('b', 50, 4e13), point('c', 2, 2e12)];
    const scales = rooflineScales(device, points, bounds);
    const labels = placePointLabels(points, scales, bounds, null);
    expect(labels[0]?.text).toBe('1, 3');
    expect(labels[1]?.text).toBe('2');
    expect(labels[2]).toBeNull();
  });
});

describe('label placement beside lines', () => {
  it('detects a segment through a box', () => {
    const box = { left: 10, right: 20, top: 10, bottom: 20 };
    expect(segmentMeetsBox(0, 0, 30, 30, box)).toBe(true);
    expect(segmentMeetsBox(0, 15, 30, 15, box)).toBe(true);
    expect(segmentMeetsBox(0, 0, 30, 5, box)).toBe(false);
    expect(segmentMeetsBox(0, 25, 30, 25, box)).toBe(false);
    expect(segmentMeetsBox(15, 0, 15, 9, box)).toBe(false);
  });

  it('moves a label off a rising line', () => {
    // A line rising through the spot right of the point, as the roof's memory slope does.
    const line = [
      [0, 100],
      [100, 0],
    ] as const;
    const [label] = placeLabels([{ x: 50, y: 50, width: 16, height: 13 }], { bounds: { left: 0, right: 100, top: 0, bottom: 100 }, lines: [line] });
    const box = { left: label.x, right: label.x + 16, top: label.y - 6.5, bottom: label.y + 6.5 };
    expect(polylineMeetsBox(line, box)).toBe(false);
    expect(label.moved).toBe(true);
  });
});

describe('tick thinning', () => {
  it('drops ticks until the labels fit the width', () => {
    const x = scaleLinear().domain([0, 20_000]).range([0, 300]);
    const values = fittingTicks({ ticksFor: (count) => x.ticks(count), position: x, format: formatSeconds, maxCount: 10 });
    expect(labelsFit(values, { position: x, format: formatSeconds })).toBe(true);
    expect(values.length).toBeGreaterThanOrEqual(2);
    expect(values.length).toBeLessThan(x.ticks(10).length);
  });

  it('reports labels that run into each other', () => {
    const x = scaleLinear().domain([0, 20_000]).range([0, 300]);
    const crowded = [18_000, 20_000];
    expect(textWidth(formatSeconds(20_000))).toBeGreaterThan(x(20_000) - x(18_000));
    expect(labelsFit(crowded, { position: x, format: formatSeconds })).toBe(false);
  });

  it('keeps every tick on a wide axis', () => {
    const x = scaleLinear().domain([0, 10]).range([0, 1000]);
    const values = fittingTicks({ ticksFor: (count) => x.ticks(count), position: x, format: String, maxCount: 10 });
    expect(values).toEqual(x.ticks(10));
  });
});

describe('roofline point labels', () => {
  const configs = {
    'FiD-Base': { ...DEFAULT_CONFIG },
    'FiD-Base at batch 1': { ...DEFAULT_CONFIG, batchSize: 1 },
    'FiDO-Base': withModel({ ...DEFAULT_CONFIG }, presetById('fido-base').model),
  };

  for (const [name, config] of Object.entries(configs)) {
    for (const width of [300, 343, 640, 1200]) {
      it(`keeps ${name} numbers apart and off the roof at ${width} px`, () => {
        const result = evaluate(config);
        const device = rooflineDevice(result);
        const points = drawablePoints(rooflinePoints(result));
        // The plot area of RooflineChart at this width (margins 60 left, 24 right, 12 top).
        const plot = { left: 60, right: width - 24, top: 12, bottom: 12 + Math.min(380, Math.max(220, width * 0.55)) };
        const scales = rooflineScales(device, points, plot);
        const roof = roofPolyline(device, scales);
        const labels = placePointLabels(points, scales, plot, roofAnnotations(device, points, scales, plot, roof), roof).filter((l) => l !== null);
        const boxes = labels.map((l) => ({
          text: l.text,
          left: l.x,
          right: l.x + pointLabelTextWidth(l.text),
          top: l.y - POINT_LABEL_HEIGHT / 2,
          bottom: l.y + POINT_LABEL_HEIGHT / 2,
        }));
        expect(boxes.length).toBeGreaterThan(3);

        const roofPixels = roof.map(([x, y]) => [scales.x(x), scales.y(y)] as const);
        for (const box of boxes) expect(polylineMeetsBox(roofPixels, box), `"${box.text}" on the roof line`).toBe(false);

        boxes.forEach((a, i) => {
          for (const b of boxes.slice(i + 1)) {
            const apartX = Math.max(b.left - a.right, a.left - b.right);
            const apartY = Math.max(b.top - a.bottom, a.top - b.bottom);
            expect(Math.max(apartX, apartY), `"${a.text}" and "${b.text}"`).toBeGreaterThanOrEqual(POINT_LABEL_GAP);
          }
        });
      });
    }
  }
});
