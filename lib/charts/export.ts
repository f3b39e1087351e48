/**
 * Pure parts of figure export: CSV text of a figure's table, the standalone SVG
 * document around a chart's markup, and download file names.
 *
 * CSV follows RFC 4180: CRLF line ends, fields holding a comma, a double quote, CR or
 * LF (or leading or trailing spaces) in double quotes, with inner quotes doubled. The
 * first line is the header row. When a permalink is given it goes in one final row,
 * `Permalink,<url>` padded with empty fields to the column count, so every row has as
 * many fields as the header.
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
  const width = table.columns.length;
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(','));
  if (permalink) {
    const row: TableCell[] = width >= 2 ? ['Permalink', permalink, ...new Array(width - 2).fill('')] : [`Permalink: ${permalink}`];
    lines.push(row.map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
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

/** Height of the line below the chart that prints the permalink, in pixels. */
export const PERMALINK_LINE_HEIGHT = 20;

/** Height of the standalone document for a chart `height` pixels tall. */
export function standaloneSvgHeight(height: number, permalink: string): number {
  return height + (permalink ? PERMALINK_LINE_HEIGHT : 0);
}

/**
 * A standalone SVG document: the chart on the page background, its title in <title>,
 * the permalink in <desc> and as a small text line under the chart.
 */
export function standaloneSvg(options: StandaloneSvgOptions): string {
  const { markup, width, height, title, permalink, background, foreground, fontFamily } = options;
  const total = standaloneSvgHeight(height, permalink);
  const font = escapeXml(fontFamily);
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${font}">`,
    `<title>${escapeXml(title)}</title>`,
    permalink ? `<desc>${escapeXml(`Permalink: ${permalink}`)}</desc>` : '',
    `<rect x="0" y="0" width="${width}" height="${total}" fill="${escapeXml(background)}"/>`,
    markup,
    permalink
      ? `<text x="8" y="${height + PERMALINK_LINE_HEIGHT - 6}" font-size="10" fill="${escapeXml(foreground)}">${escapeXml(permalink)}</text>`
      : '',
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
