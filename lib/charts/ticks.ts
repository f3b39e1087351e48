/**
 * Tick thinning for horizontal axes: the most ticks whose formatted labels, centred on
 * their positions, leave a gap between neighbours at the axis's width.
 */
import { textWidth } from './text';

export interface TickFitOptions {
  /** Candidate tick values for a requested count, as d3's `scale.ticks(count)` returns them. */
  ticksFor: (count: number) => number[];
  /** Pixel position of a value. */
  position: (value: number) => number;
  /** Tick label text. */
  format: (value: number) => string;
  /** Largest count to try. */
  maxCount: number;
  /** Tick label font size in pixels; 11 unless given. */
  fontSize?: number;
  /** Least space between two neighbouring labels, in pixels. */
  gapPixels?: number;
}

/** Reports whether centred labels of `values` leave at least `gapPixels` between neighbours. */
export function labelsFit(values: readonly number[], options: Omit<TickFitOptions, 'ticksFor' | 'maxCount'>): boolean {
  const { position, format, fontSize = 11, gapPixels = 8 } = options;
  const boxes = values
    .map((value) => {
      const half = textWidth(format(value), { fontSize }) / 2;
      return { left: position(value) - half, right: position(value) + half };
    })
    .sort((a, b) => a.left - b.left);
  return boxes.every((box, i) => i === 0 || box.left - boxes[i - 1].right >= gapPixels);
}

/** Returns the ticks of the largest count, at most `maxCount`, whose labels fit; at least the ticks of count 1. */
export function fittingTicks(options: TickFitOptions): number[] {
  for (let count = Math.max(1, Math.floor(options.maxCount)); count > 1; count--) {
    const values = options.ticksFor(count);
    if (labelsFit(values, options)) return values;
  }
  const fewest = options.ticksFor(1);
  // d3 may still return two ticks for a count of 1; keep the first end alone if they collide.
  return labelsFit(fewest, options) ? fewest : fewest.slice(0, 1);
}
