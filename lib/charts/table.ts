/**
 * The table behind a figure: its text alternative on the page and its CSV export.
 * Numeric cells are in the unit their column header names, unrounded; the
 * page shows them rounded to three significant digits.
 */
import { formatNumber } from './format';

export type TableCell = string | number;

export interface FigureTable {
  columns: string[];
  rows: TableCell[][];
}

/** The text a table cell shows on the page. */
export function displayCell(cell: TableCell): string {
  return typeof cell === 'number' ? formatNumber(cell) : cell;
}
