/**
 * Data for the share chart: the encoder's and the decoder's share of FLOPs and of time
 * per sample, the FiDO paper's central contrast (most FLOPs in the encoder, most time in
 * the decoder).
 */
import type { CostResult } from '../cost/model';
import type { Phase } from '../cost/operations';
import { formatFlops, formatPercent, formatSeconds } from './format';
import type { FigureTable } from './table';

export interface SharePart {
  phase: Phase;
  /** Fraction of the row's total in [0, 1]. */
  fraction: number;
  value: number;
}

export interface ShareRow {
  id: 'flops' | 'time';
  label: string;
  /** Formatted total of the row, such as "2.15 TFLOPs" or "22.4 ms". */
  total: string;
  /** Empty when the row has no total to split (zero FLOPs, or nothing fits in memory). */
  parts: SharePart[];
  /** Why `parts` is empty; '' otherwise. */
  missing: string;
}

function splitRow(id: ShareRow['id'], label: string, encoder: number, decoder: number, total: string, missing: string): ShareRow {
  const sum = encoder + decoder;
  if (!(sum > 0) || !Number.isFinite(sum)) return { id, label, total, parts: [], missing };
  return {
    id,
    label,
    total,
    parts: [
      { phase: 'encoder', fraction: encoder / sum, value: encoder },
      { phase: 'decoder', fraction: decoder / sum, value: decoder },
    ],
    missing: '',
  };
}

export function shareRows(result: CostResult): ShareRow[] {
  const flops = splitRow('flops', 'FLOPs', result.flops.encoder, result.flops.decoder, formatFlops(result.flops.total), 'no FLOPs');
  const time = result.seconds
    ? splitRow('time', 'Time', result.seconds.encoder, result.seconds.decoder, formatSeconds(result.seconds.total), 'no time')
    : { id: 'time' as const, label: 'Time', total: 'n/a', parts: [], missing: `does not fit on ${result.device.label}` };
  return [flops, time];
}

function shareOf(row: ShareRow, phase: Phase): string {
  const part = row.parts.find((p) => p.phase === phase);
  return part ? formatPercent(part.fraction) : 'n/a';
}

/** The headline: who has the FLOPs and who has the time. */
export function shareHeadline(rows: readonly ShareRow[]): string {
  const [flops, time] = rows;
  const encoder = `the encoder does ${shareOf(flops, 'encoder')} of the FLOPs`;
  if (time.parts.length === 0) return `Share of FLOPs: ${encoder}; time: ${time.missing}.`;
  return `Share of FLOPs against share of time: ${encoder} and takes ${shareOf(time, 'encoder')} of the time; the decoder does ${shareOf(flops, 'decoder')} of the FLOPs and takes ${shareOf(time, 'decoder')} of the time.`;
}

/** The figure table of `ShareChart`. */
export function shareTable(result: CostResult): FigureTable {
  const rows = shareRows(result);
  return {
    columns: ['Quantity', 'Encoder (%)', 'Decoder (%)', 'Total per sample'],
    rows: rows.map((row) => {
      const encoder = row.parts.find((p) => p.phase === 'encoder');
      const decoder = row.parts.find((p) => p.phase === 'decoder');
      return [row.label, encoder ? encoder.fraction * 100 : row.missing, decoder ? decoder.fraction * 100 : row.missing, row.total];
    }),
  };
}
