'use client';
import { memo } from 'react';
import type { CostResult } from '@/lib/cost';
import { formatBytes, formatCount, formatFlops, formatSeconds, formatSizeRatio, formatTimeRatio, MISSING } from './format';
import styles from './playground.module.css';

interface Row {
  label: string;
  value: (result: CostResult) => number | null;
  format: (value: number | null) => string;
  /** Words for B against A: "slower"/"faster" for times, "larger"/"smaller" otherwise. */
  ratioText: (ratio: number | null) => string;
}

export const COMPARE_ROWS: Row[] = [
  { label: 'Time per sample', value: (r) => r.seconds?.total ?? null, format: formatSeconds, ratioText: formatTimeRatio },
  { label: 'Decoder time per sample', value: (r) => r.seconds?.decoder ?? null, format: formatSeconds, ratioText: formatTimeRatio },
  { label: 'Parameters', value: (r) => r.params.total, format: formatCount, ratioText: formatSizeRatio },
  { label: 'FLOPs per sample', value: (r) => r.flops.total, format: formatFlops, ratioText: formatSizeRatio },
  { label: 'Memory per sample', value: (r) => r.memory.bytesPerSample, format: formatBytes, ratioText: formatSizeRatio },
  { label: 'Effective batch', value: (r) => (r.batch.fits ? r.batch.effective : null), format: (v) => (v === null ? MISSING : String(v)), ratioText: formatSizeRatio },
];

/** B against A for each headline figure, with the ratio B/A in words ("2x slower", "16x smaller"). */
export const CompareTable = memo(function CompareTable({ a, b, nameA, nameB }: { a: CostResult; b: CostResult; nameA: string; nameB: string }) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid="compare-table">
        <caption>
          Configuration B ({nameB}) against A ({nameA})
        </caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">B against A</th>
          </tr>
        </thead>
        <tbody>
          {COMPARE_ROWS.map((row) => {
            const valueA = row.value(a);
            const valueB = row.value(b);
            const ratio = valueA !== null && valueB !== null && valueA > 0 ? valueB / valueA : null;
            return (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.format(valueA)}</td>
                <td>{row.format(valueB)}</td>
                <td>{row.ratioText(ratio)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
