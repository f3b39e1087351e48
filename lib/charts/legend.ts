/**
 * Layout of an SVG legend: swatch-and-text items flowed left to right into rows that
 * fit a width. Text width is estimated from the character count, since SVG text cannot
 * be measured before it is drawn (and not at all in jsdom or the static prerender).
 */

/** Average advance of an 11 px sans-serif character, in pixels; generous so text does not collide. */
export const CHARACTER_WIDTH = 6.2;
export const LEGEND_ROW_HEIGHT = 16;
export const SWATCH_SIZE = 10;
const SWATCH_GAP = 4;
const ITEM_GAP = 14;

export function estimateTextWidth(text: string, characterWidth = CHARACTER_WIDTH): number {
  return text.length * characterWidth;
}

export interface LegendItemPosition<T> {
  item: T;
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
    const itemWidth = SWATCH_SIZE + SWATCH_GAP + estimateTextWidth(label(item));
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += LEGEND_ROW_HEIGHT;
    }
    placed.push({ item, x, y });
    x += itemWidth + ITEM_GAP;
  }
  return { items: placed, height: items.length === 0 ? 0 : y + LEGEND_ROW_HEIGHT };
}

/** Shortens `text` to about `width` pixels, ending in an ellipsis when cut. */
export function truncateText(text: string, width: number, characterWidth = CHARACTER_WIDTH): string {
  const max = Math.floor(width / characterWidth);
  if (text.length <= max) return text;
  return max <= 1 ? '…' : `${text.slice(0, max - 1).trimEnd()}…`;
}
