/**
 * Layout of an SVG legend: swatch-and-text items flowed left to right into rows that
 * fit a width, with text widths estimated by `textWidth`.
 */
import { textWidth, truncateText } from './text';

export const LEGEND_ROW_HEIGHT = 16;
export const SWATCH_SIZE = 10;
const SWATCH_GAP = 4;
const ITEM_GAP = 14;

export interface LegendItemPosition<T> {
  item: T;
  /** The item's label, shortened with an ellipsis when wider than the legend. */
  text: string;
  x: number;
  y: number;
}

export interface LegendLayout<T> {
  items: LegendItemPosition<T>[];
  height: number;
}

/** Flows `items` into rows no wider than `width`; `y` is the top of each row. */
export function layoutLegend<T>(items: readonly T[], label: (item: T) => string, width: number): LegendLayout<T> {
  const placed: LegendItemPosition<T>[] = [];
  let x = 0;
  let y = 0;
  for (const item of items) {
    const text = truncateText(label(item), width - SWATCH_SIZE - SWATCH_GAP);
    const itemWidth = SWATCH_SIZE + SWATCH_GAP + textWidth(text);
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += LEGEND_ROW_HEIGHT;
    }
    placed.push({ item, text, x, y });
    x += itemWidth + ITEM_GAP;
  }
  return { items: placed, height: items.length === 0 ? 0 : y + LEGEND_ROW_HEIGHT };
}
