import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { formatSeconds } from '@/lib/charts/format';
import { boxesOverlap, convexPolygonsOverlap, placeLabels, polylineMeetsBox, segmentMeetsBox, type Box } from '@/lib/charts/labels';
import {
  drawablePoints,
  levelTextBox,
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
import { parseConfig } from '@/lib/config/url';
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

describe('roof labels', () => {
  /** The plot area of RooflineChart in a chart `width` pixels wide (margins 60 left, 24 right, 12 top). */
  const plotFor = (width: number) => ({ left: 60, right: width - 24, top: 12, bottom: 12 + Math.min(380, Math.max(220, width * 0.55)) });
  /** Width of the roofline chart on a 375 px wide page, measured in Chromium. */
  const phoneWidth = 309;

  function annotate(device: RooflineDevice, points: RooflinePoint[], plot: Box, obstacles: Box[] = []) {
    const scales = rooflineScales(device, points, plot);
    return { scales, annotations: roofAnnotations(device, points, scales, plot, roofPolyline(device, scales), obstacles)! };
  }

  function expectInside(box: Box, plot: Box, name: string) {
    expect(box.left, `${name} left edge`).toBeGreaterThanOrEqual(plot.left);
    expect(box.right, `${name} right edge`).toBeLessThanOrEqual(plot.right);
    expect(box.top, `${name} top edge`).toBeGreaterThanOrEqual(plot.top);
    expect(box.bottom, `${name} bottom edge`).toBeLessThanOrEqual(plot.bottom);
  }

  it('keeps the ridge label inside a narrow plot', () => {
    // /live before a run on a device whose ridge, 3.5 FLOPs/byte, sits mid-decade: on a
    // phone the plot has room for the label on neither side of the ridge line.
    const device = { label: 'This device', flopsPerSecond: 3.5e10, bytesPerSecond: 1e10 };
    const plot = plotFor(phoneWidth);
    const { annotations } = annotate(device, [], plot);
    expect(annotations.ridge.text).toBe('ridge 3.5 FLOPs/byte');
    expectInside(annotations.ridge.box, plot, 'ridge label');
  });

  it('keeps the memory label inside the plot on a slow device', () => {
    // The playground at 1 MFLOP/s and 1 MB/s: the slope starts at the left edge of the plot.
    const result = evaluate(parseConfig('hw=custom&peak=0.000001&bw=0.001').config);
    const points = drawablePoints(rooflinePoints(result));
    const plot = plotFor(phoneWidth);
    const { annotations } = annotate(rooflineDevice(result), points, plot);
    expect(annotations.slope?.text).toBe('memory 1 MB/s');
    expectInside(annotations.slope!.box, plot, 'memory label');
    for (const other of [annotations.peak.box, annotations.ridge.box]) expect(boxesOverlap(annotations.slope!.box, other)).toBe(false);
  });

  it('moves the memory label off other text in the plot', () => {
    // The device of /live on wasm in headless Chromium, before a run: the message that
    // there are no points sits across the middle of the slope.
    const device = { label: 'This device', flopsPerSecond: 8.39e9, bytesPerSecond: 11.1e9 };
    const plot = plotFor(phoneWidth);
    // RooflineChart draws it centred, with its baseline 24 px below the top of the plot.
    const message = levelTextBox((plot.left + plot.right) / 2, plot.top + 24, textWidth('No operations to place.'), 'middle');
    const free = annotate(device, [], plot).annotations.slope!;
    expect(boxesOverlap(free.box, message)).toBe(true);

    const slope = annotate(device, [], plot, [message]).annotations.slope!;
    expectInside(slope.box, plot, 'memory label');

    // The label's own band, rotated with the slope: 14 px high, centred 9.5 px from the line.
    const radians = (slope.angle * Math.PI) / 180;
    const along = [Math.cos(radians), Math.sin(radians)];
    const side = slope.dy === '1.2em' ? -1 : 1;
    const normal = [Math.sin(radians) * side, -Math.cos(radians) * side];
    const half = textWidth(slope.text) / 2;
    const corners = [
      [-half, 2.5],
      [half, 2.5],
      [half, 16.5],
      [-half, 16.5],
    ].map(([a, b]) => [slope.x + a * along[0] + b * normal[0], slope.y + a * along[1] + b * normal[1]] as const);

    const messageCorners = [
      [message.left, message.top],
      [message.right, message.top],
      [message.right, message.bottom],
      [message.left, message.bottom],
    ] as const;
    expect(convexPolygonsOverlap(corners, messageCorners)).toBe(false);
  });
});

describe('convex polygon overlap', () => {
  const square = [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
  ] as const;

  it('finds a rotated square across a corner', () => {
    const diamond = [
      [12, 5],
      [17, 10],
      [12, 15],
      [7, 10],
    ] as const;
    expect(convexPolygonsOverlap(square, diamond)).toBe(true);
  });

  it('separates a diamond beside a corner', () => {
    // Its level box covers the square's corner (10, 10), but its edge x + y = 21 passes outside it.
    const diamond = [
      [13, 8],
      [18, 13],
      [13, 18],
      [8, 13],
    ] as const;
    expect(convexPolygonsOverlap(square, diamond)).toBe(false);
  });

  it('finds a segment through a polygon', () => {
    expect(convexPolygonsOverlap(square, [[-5, 5], [15, 5]])).toBe(true);
    expect(convexPolygonsOverlap(square, [[-5, 12], [15, 12]])).toBe(false);
  });

  it('does not count touching edges', () => {
    const neighbour = square.map(([x, y]) => [x + 10, y] as const);
    expect(convexPolygonsOverlap(square, neighbour)).toBe(false);
  });
});
