/**
 * Estimated widths of SVG text, for layout that must happen before anything is drawn.
 * SVG text cannot be measured before it is in the document, and not at all in jsdom or
 * the static prerender. The per-character widths are rough estimates after DejaVu Sans,
 * a wide system sans-serif, so narrower fonts such as Arial leave some slack.
 */

export interface TextStyle {
  /** Font size in pixels; 11 unless given. */
  fontSize?: number;
  bold?: boolean;
}

/** Advance widths in em for groups of characters; anything else counts as DEFAULT_EM. */
const EM_WIDTHS: [string, number][] = [
  ['ijlI.,:;\'|!·', 0.3],
  [' ', 0.32],
  ['ft()[]/-', 0.38],
  ['rs', 0.5],
  ['0123456789', 0.64],
  ['mw%…', 0.95],
  ['MW', 0.9],
  ['ABCDEFGHKLNOPQRSTUVXYZ', 0.72],
];
const DEFAULT_EM = 0.6;
const BOLD_FACTOR = 1.08;

const EM_BY_CHARACTER = new Map<string, number>();
for (const [characters, em] of EM_WIDTHS) for (const character of characters) EM_BY_CHARACTER.set(character, em);

function characterWidth(character: string, style: TextStyle): number {
  const em = EM_BY_CHARACTER.get(character) ?? DEFAULT_EM;
  return em * (style.fontSize ?? 11) * (style.bold ? BOLD_FACTOR : 1);
}

/** Estimates the width of `text` in pixels. */
export function textWidth(text: string, style: TextStyle = {}): number {
  let width = 0;
  for (const character of text) width += characterWidth(character, style);
  return width;
}

/** Shortens `text` to fit `width` pixels, ending in an ellipsis when cut. */
export function truncateText(text: string, width: number, style: TextStyle = {}): string {
  if (textWidth(text, style) <= width) return text;
  const room = width - characterWidth('…', style);
  let used = 0;
  let end = 0;
  const characters = Array.from(text);
  while (end < characters.length && used + characterWidth(characters[end], style) <= room) {
    used += characterWidth(characters[end], style);
    end += 1;
  }
  return `${characters.slice(0, end).join('').trimEnd()}…`;
}

/**
 * Breaks `text` into lines no wider than `width` pixels at spaces. A single word wider
 * than `width` gets a line of its own, shortened with an ellipsis.
 */
export function wrapText(text: string, width: number, style: TextStyle = {}): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, style) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = textWidth(word, style) <= width ? word : truncateText(word, width, style);
  }
  if (line) lines.push(line);
  return lines;
}
