/**
 * The numbers behind the article's own diagrams, as figure tables: the text alternative
 * shown under "Show the numbers" and the CSV export.
 */
import type { FigureTable } from '../charts/table';
import type { ReadingNumbers } from './reading';
import type { ShareCurves } from './shareCurves';

export function readingTable(n: ReadingNumbers): FigureTable {
  return {
    columns: ['quantity', 'value'],
    rows: [
      ['passages P', n.passages],
      ['tokens per question+passage n_p', n.passageTokens],
      ['encoder output vectors n_s = P·n_p', n.encoderVectors],
      ['vectors read by cross-attention per step', n.decoderVectors],
      ['target tokens n_t', n.targetTokens],
      ['decoder layers with cross-attention', n.crossAttentionLayers],
      ['decoder layers', n.decoderLayers],
    ],
  };
}

export function layersTable(layers: number, keptLayers: readonly number[]): FigureTable {
  const kept = new Set(keptLayers);
  return {
    columns: ['decoder layer (0-based)', 'cross-attention'],
    rows: Array.from({ length: layers }, (_, i) => [i, kept.has(i) ? 'kept' : 'none']),
  };
}

export function headsTable(heads: number, kvHeads: number): FigureTable {
  const group = heads / kvHeads;
  return {
    columns: ['query head', 'key/value head it reads'],
    rows: Array.from({ length: heads }, (_, i) => [i, Math.floor(i / group)]),
  };
}

const VARIABLE_COLUMN: Record<ShareCurves['variable'], string> = {
  targetTokens: 'target tokens',
  batchSize: 'requested batch',
};

/** Builds one row per grid point with the decoder share of each curve, in percent. */
export function shareCurvesTable(data: ShareCurves): FigureTable {
  const xs = [...new Set(data.curves.flatMap((c) => c.points.map((p) => p.x)))].sort((a, b) => a - b);
  return {
    columns: [VARIABLE_COLUMN[data.variable], ...data.curves.map((c) => `${c.label} decoder share (%)`)],
    rows: xs.map((x) => [x, ...data.curves.map((c) => {
      const point = c.points.find((p) => p.x === x);
      return point ? point.share * 100 : '';
    })]),
  };
}
