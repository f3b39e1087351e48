/**
 * Pure parts of figure export: CSV text of a figure's table, the standalone SVG
 * document around a chart's markup, and download file names.
 *
 * CSV follows RFC 4180: CRLF line ends, fields holding a comma, a double quote, CR or
 * LF (or leading or trailing spaces) in double quotes, with inner quotes doubled. The
 * first line is the header row. When a permalink is given it goes in one final row,
 * `Permalink,<url>` padded with empty fields to the column count, so every row has as
 * many fields as the header (a one-column table gets an empty second column).
 */
import type { FigureTable, TableCell } from './table';

const CSV_NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * Formats one CSV field: numbers to 12 significant digits, which drops binary rounding
 * noise such as 0.6553604999999999 (non-finite numbers become empty), and text quoted
 * when needed.
 */
export function csvField(cell: TableCell | null | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(Number(cell.toPrecision(12))) : '';
  return CSV_NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function encodeCsv(table: FigureTable, permalink?: string): string {
  // With a permalink a one-column table gets an empty second column, so the permalink row
  // reads `Permalink,<url>` in every CSV and every row keeps the same number of fields.
  const width = permalink ? Math.max(table.columns.length, 2) : table.columns.length;
  const pad = (row: readonly TableCell[]): TableCell[] => [...row, ...new Array<TableCell>(Math.max(width - row.length, 0)).fill('')];
  const rows = [table.columns, ...table.rows].map(pad);
  if (permalink) rows.push(pad(['Permalink', permalink]));
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Escapes text for an XML text node or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface StandaloneSvgOptions {
  /** Serialized children of the chart's <svg>, with their styles already inline. */
  markup: string;
  width: number;
  height: number;
  title: string;
  permalink: string;
  /** Computed theme colours and font, so the file renders the same outside the page. */
  background: string;
  foreground: string;
  fontFamily: string;
}

/** Font size of the permalink lines under an exported chart, in pixels. */
export const PERMALINK_FONT_PX = 10;
/** Distance between the baselines of two permalink lines, in pixels. */
export const PERMALINK_LINE_HEIGHT = 14;
/** Gap between the chart and the first permalink line, in pixels. */
const PERMALINK_PADDING = 6;
/** Left and right margin of the permalink lines, in pixels. */
const PERMALINK_MARGIN = 8;

/**
 * Estimates the width of `text` at `fontPx` pixels without a browser: 0.95 em for the
 * widest glyphs (m, w, M, W, %, @), 0.72 em for other capitals and 0.6 em for the rest.
 * These are above the widths of these glyphs in common sans-serif fonts, so a line
 * that fits by this estimate fits on the page.
 */
export function estimateTextWidth(text: string, fontPx: number = PERMALINK_FONT_PX): number {
  let ems = 0;
  for (const char of text) {
    if (/[mwMW%@]/.test(char)) ems += 0.95;
    else if (/[A-Z]/.test(char)) ems += 0.72;
    else ems += 0.6;
  }
  return ems * fontPx;
}

/**
 * Splits a permalink into lines no wider than `width` pixels by the width estimate. A line
 * breaks after the last `&`, `?` or `/` that fits when that keeps at least half the line,
 * and anywhere otherwise, since a URL has no spaces. Joining the lines gives the permalink.
 */
export function wrapPermalink(permalink: string, width: number): string[] {
  const available = Math.max(width - 2 * PERMALINK_MARGIN, estimateTextWidth('W'));
  const chars = Array.from(permalink);
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start + 1;
    while (end < chars.length && estimateTextWidth(chars.slice(start, end + 1).join('')) <= available) end++;
    if (end < chars.length) {
      const line = chars.slice(start, end);
      const separator = Math.max(line.lastIndexOf('&'), line.lastIndexOf('?'), line.lastIndexOf('/'));
      if (separator + 1 >= line.length / 2) end = start + separator + 1;
    }
    lines.push(chars.slice(start, end).join(''));
    start = end;
  }
  return lines;
}

/** Height of the standalone document for a chart `width` by `height` pixels. */
export function standaloneSvgHeight(height: number, permalink: string, width: number): number {
  if (!permalink) return height;
  return height + PERMALINK_PADDING + wrapPermalink(permalink, width).length * PERMALINK_LINE_HEIGHT;
}

/**
 * A standalone SVG document: the chart on the page background, its title in <title>,
 * the permalink in <desc> and as small text lines under the chart, wrapped to its width.
 */
export function standaloneSvg(options: StandaloneSvgOptions): string {
  const { markup, width, height, title, permalink, background, foreground, fontFamily } = options;
  const total = standaloneSvgHeight(height, permalink, width);
  const font = escapeXml(fontFamily);
  const permalinkLines = permalink
    ? wrapPermalink(permalink, width).map(
        (line, i) =>
          `<text x="${PERMALINK_MARGIN}" y="${height + PERMALINK_PADDING + (i + 1) * PERMALINK_LINE_HEIGHT - 4}" font-size="${PERMALINK_FONT_PX}" fill="${escapeXml(foreground)}">${escapeXml(line)}</text>`,
      )
    : [];
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${font}">`,
    `<title>${escapeXml(title)}</title>`,
    permalink ? `<desc>${escapeXml(`Permalink: ${permalink}`)}</desc>` : '',
    `<rect x="0" y="0" width="${width}" height="${total}" fill="${escapeXml(background)}"/>`,
    markup,
    ...permalinkLines,
    '</svg>',
  ];
  return parts.filter(Boolean).join('\n');
}

/** A download name such as "fido-roofline.svg" from a figure id; never empty. */
export function exportFilename(id: string, extension: 'svg' | 'png' | 'csv'): string {
  const slug = id
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `fido-${slug || 'figure'}.${extension}`;
}
