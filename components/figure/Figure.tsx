'use client';
/**
 * The frame every figure sits in: a heading, the chart, a caption, the numbers behind
 * the chart in a "Show the numbers" table (its text alternative), and buttons that save
 * the chart as SVG or PNG and the table as CSV. Exports carry a permalink, by default
 * the page's address at the moment of export.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { displayCell, type FigureTable } from '@/lib/charts/table';
import styles from './Figure.module.css';

export interface FigureProps {
  /** Element id of the figure, also the base of the download file names. */
  id: string;
  title: string;
  caption?: ReactNode;
  /** The numbers behind the chart, or a function that builds them when the table is opened or saved. */
  table: FigureTable | (() => FigureTable);
  /** Address written into exports; the page's address at export time when absent. */
  permalink?: string;
  /** Heading level of the title; 3 unless given. */
  headingLevel?: 2 | 3 | 4;
  /** Reason the figure has no numbers yet; while set, the save buttons are disabled and the reason is shown. */
  emptyReason?: string;
  children: ReactNode;
}

type ExportKind = 'svg' | 'png' | 'csv';

export function Figure({ id, title, caption, table, permalink, headingLevel = 3, emptyReason, children }: FigureProps) {
  const headingId = useId();
  const emptyReasonId = useId();
  const chartRef = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState('');
  // The table is built only while open: figures redraw on every slider step, and a
  // closed table of a few hundred cells would cost most of that frame.
  const [tableOpen, setTableOpen] = useState(false);
  const Heading = `h${headingLevel}` as const;

  async function save(kind: ExportKind) {
    const link = permalink ?? window.location.href;
    try {
      // Loaded on the first save, so the export code stays out of every page's first load.
      const { exportChart, exportTable } = await import('./exportFigure');
      if (kind === 'csv') {
        exportTable(resolveTable(table), { id, permalink: link });
      } else {
        const svg = chartSvgToExport(chartRef.current);
        if (!svg) {
          setStatus('Nothing to save: the chart is not drawn at this width. The CSV holds its numbers.');
          return;
        }
        await exportChart(svg, kind, { id, title, permalink: link });
      }
      setStatus(`Saved ${kind.toUpperCase()}.`);
    } catch (error) {
      setStatus(`Could not save ${kind.toUpperCase()}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <div id={id} className={styles.block}>
      <figure className={styles.figure} aria-labelledby={headingId}>
        <Heading id={headingId} className={styles.heading}>
          {title}
        </Heading>
        <div ref={chartRef}>{children}</div>
        {caption && <figcaption className={styles.caption}>{caption}</figcaption>}
      </figure>
      <div className={styles.tools}>
        <details className={styles.details} onToggle={(event) => setTableOpen(event.currentTarget.open)}>
          <summary>Show the numbers</summary>
          {tableOpen && <FigureTableView title={title} table={resolveTable(table)} />}
        </details>
        <div className={styles.buttons} role="group" aria-label={`Save ${title}`}>
          {(['svg', 'png', 'csv'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              className={styles.button}
              onClick={() => save(kind)}
              disabled={emptyReason !== undefined}
              aria-describedby={emptyReason !== undefined ? emptyReasonId : undefined}
              aria-label={kind === 'csv' ? `Save the numbers of ${title} as CSV` : `Save ${title} as ${kind.toUpperCase()}`}
            >
              {kind.toUpperCase()}
            </button>
          ))}
        </div>
        {emptyReason !== undefined && (
          <p id={emptyReasonId} className={styles.status}>
            {emptyReason}
          </p>
        )}
        <p className={styles.status} role="status" aria-live="polite">
          {status}
        </p>
      </div>
    </div>
  );
}

/**
 * Finds the SVG a figure saves: a chart's export copy (`[data-figure-export] svg`, e.g.
 * the finished frame of an animation) when it has one, else the chart's role="img" SVG,
 * else its first SVG.
 */
export function chartSvgToExport(chart: HTMLElement | null): SVGSVGElement | null {
  if (!chart) return null;
  return (
    chart.querySelector<SVGSVGElement>('[data-figure-export] svg') ??
    chart.querySelector<SVGSVGElement>('svg[role="img"]') ??
    chart.querySelector<SVGSVGElement>('svg')
  );
}

function resolveTable(table: FigureProps['table']): FigureTable {
  return typeof table === 'function' ? table() : table;
}

/** The numbers behind a figure as an HTML table; numeric columns align right. */
function FigureTableView({ title, table }: { title: string; table: FigureTable }) {
  const numeric = table.columns.map((_, column) => table.rows.length > 0 && table.rows.every((row) => typeof row[column] === 'number' || row[column] === ''));
  return (
    <div className={styles.tableWrap} role="region" tabIndex={0} aria-label={`${title}: the numbers (scrolls sideways)`}>
      <table className={styles.table}>
        <caption className="visually-hidden">{title}: the numbers behind the chart</caption>
        <thead>
          <tr>
            {table.columns.map((column, i) => (
              <th key={i} scope="col" className={numeric[i] ? styles.number : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c} className={typeof cell === 'number' ? styles.number : undefined}>
                  {displayCell(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
