/**
 * Collision-avoiding placement of small point labels. Each label starts right of its
 * point. When it would overlap a label already placed or an obstacle, it moves down or
 * up by whole label heights (nearest first, down before up, since a rising roofline
 * leaves more room below), then tries the left side. Lines (such as a roofline) count as
 * obstacles too. A label that finds no free spot keeps its first position rather than
 * leaving the plot.
 */

export interface LabelRequest {
  /** Anchor point in pixels. */
  x: number;
  y: number;
  /** Label box size in pixels. */
  width: number;
  height: number;
}

export interface PlacedLabel {
  /** Left edge and vertical centre of the label box. */
  x: number;
  y: number;
  /** True when the label sits above or below its point and needs a leader line. */
  moved: boolean;
}

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface PlacementOptions {
  /** Gap between a point and its label, in pixels. */
  gap?: number;
  /** Plot area the labels must stay inside. */
  bounds: { left: number; right: number; top: number; bottom: number };
  /** Largest move, in label heights, before giving up on a side. */
  maxSteps?: number;
  /** Boxes no label may cover: the marks themselves and fixed text. */
  obstacles?: readonly Box[];
  /** Least space between two label boxes, in pixels, so neighbouring numbers do not read as one ("1" and "3" as "13"). */
  labelGap?: number;
  /** Polylines in pixels, as [x, y] vertices, that no label may cross or touch. */
  lines?: readonly (readonly (readonly [number, number])[])[];
  /** Minimum space between a label box and a line, in pixels. */
  lineGap?: number;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function grow(box: Box, by: number): Box {
  return { left: box.left - by, right: box.right + by, top: box.top - by, bottom: box.bottom + by };
}

/**
 * Tests whether the segment from (x0, y0) to (x1, y1) meets `box`, by clipping the
 * segment's parameter range to the box's four slabs (Liang–Barsky).
 */
export function segmentMeetsBox(x0: number, y0: number, x1: number, y1: number, box: Box): boolean {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let enter = 0;
  let exit = 1;
  const slabs: [number, number][] = [
    [-dx, x0 - box.left],
    [dx, box.right - x0],
    [-dy, y0 - box.top],
    [dy, box.bottom - y0],
  ];
  for (const [direction, distance] of slabs) {
    if (direction === 0) {
      // Parallel to this slab: outside it means no contact at all.
      if (distance < 0) return false;
      continue;
    }
    const t = distance / direction;
    if (direction < 0) enter = Math.max(enter, t);
    else exit = Math.min(exit, t);
    if (enter > exit) return false;
  }
  return true;
}

/** Tests whether any segment of `polyline` meets `box`. */
export function polylineMeetsBox(polyline: readonly (readonly [number, number])[], box: Box): boolean {
  for (let i = 1; i < polyline.length; i++) {
    const [x0, y0] = polyline[i - 1];
    const [x1, y1] = polyline[i];
    if (segmentMeetsBox(x0, y0, x1, y1, box)) return true;
  }
  return false;
}

/** A corner or end point in pixels, as [x, y]. */
export type Point = readonly [number, number];

/** Returns the four corners of `box`, clockwise from the top left. */
export function boxCorners(box: Box): Point[] {
  return [
    [box.left, box.top],
    [box.right, box.top],
    [box.right, box.bottom],
    [box.left, box.bottom],
  ];
}

/** Returns the smallest and largest projection of `points` onto the axis `normal`. */
function projectionRange(points: readonly Point[], normal: readonly [number, number]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const [x, y] of points) {
    const projection = x * normal[0] + y * normal[1];
    min = Math.min(min, projection);
    max = Math.max(max, projection);
  }
  return [min, max];
}

/**
 * Tests whether two convex polygons, each given by its corners in order, share area,
 * by the separating axis theorem. A segment is a polygon of two points. Polygons that
 * only touch along an edge or at a corner do not overlap.
 */
export function convexPolygonsOverlap(a: readonly Point[], b: readonly Point[]): boolean {
  for (const polygon of [a, b]) {
    const edges = polygon.length === 2 ? 1 : polygon.length;
    for (let i = 0; i < edges; i++) {
      const [x0, y0] = polygon[i];
      const [x1, y1] = polygon[(i + 1) % polygon.length];
      const normal: [number, number] = [y0 - y1, x1 - x0];
      const [minA, maxA] = projectionRange(a, normal);
      const [minB, maxB] = projectionRange(b, normal);
      if (maxA <= minB || maxB <= minA) return false;
    }
  }
  return true;
}

function inside(box: Box, bounds: PlacementOptions['bounds']): boolean {
  return box.left >= bounds.left && box.right <= bounds.right && box.top >= bounds.top && box.bottom <= bounds.bottom;
}

/** Places one label per request, in the order given; returns positions in the same order. */
export function placeLabels(requests: readonly LabelRequest[], options: PlacementOptions): PlacedLabel[] {
  const { gap = 6, bounds, maxSteps = 6, obstacles = [], labelGap = 3, lines = [], lineGap = 2 } = options;
  const placed: Box[] = [...obstacles];
  const labels: Box[] = [];
  const result: PlacedLabel[] = new Array(requests.length);

  // Place from top to bottom so nudges spread evenly through a cluster.
  const order = requests.map((_, i) => i).sort((a, b) => requests[a].y - requests[b].y || requests[a].x - requests[b].x);

  for (const i of order) {
    const r = requests[i];
    const sides = [r.x + gap, r.x - gap - r.width];
    let chosen: { box: Box; moved: boolean } | null = null;

    search: for (const left of sides) {
      for (let step = 0; step <= maxSteps; step++) {
        for (const sign of step === 0 ? [0] : [1, -1]) {
          const centre = r.y + sign * step * r.height;
          const box = { left, right: left + r.width, top: centre - r.height / 2, bottom: centre + r.height / 2 };
          if (!inside(box, bounds)) continue;
          if (placed.some((p) => boxesOverlap(p, box))) continue;
          if (labels.some((p) => boxesOverlap(grow(p, labelGap), box))) continue;
          if (lines.some((polyline) => polylineMeetsBox(polyline, grow(box, lineGap)))) continue;
          chosen = { box, moved: step > 0 };
          break search;
        }
      }
    }

    if (!chosen) {
      const left = sides[0];
      chosen = { box: { left, right: left + r.width, top: r.y - r.height / 2, bottom: r.y + r.height / 2 }, moved: false };
    }
    labels.push(chosen.box);
    result[i] = { x: chosen.box.left, y: (chosen.box.top + chosen.box.bottom) / 2, moved: chosen.moved };
  }
  return result;
}
