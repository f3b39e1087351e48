'use client';
import { memo, useMemo } from 'react';
import { useValueAfterPaint } from '@/components/state/useValueAfterPaint';
import type { Config } from '@/lib/config/config';
import { ABOUT_TOLERANCE, checkPaperClaims, type PaperCheck, type Verdict } from '@/lib/cost/paperCheck';
import styles from './playground.module.css';

const VERDICT_TEXT: Record<Verdict, string> = {
  agrees: 'Model agrees',
  disagrees: 'Model disagrees',
  unknown: 'Cannot check',
};

/**
 * Each claim of the FiDO paper with the model's figure beside the paper's, evaluated at
 * the reader's workload and accelerator. Evaluating the claims takes about 5 ms (measured
 * in Node), so they are recomputed after the frame that shows the new charts.
 */
export function PaperCheckPanel({ config }: { config: Config }) {
  const settled = useValueAfterPaint(config);
  const check = useMemo(() => checkPaperClaims(settled), [settled]);
  return <PaperCheckView check={check} />;
}

/** The claims of one check, memoized: a slider step renders nothing here until the check is redone. */
const PaperCheckView = memo(function PaperCheckView({ check }: { check: PaperCheck }) {
  return (
    <section className={`${styles.card} ${styles.offscreen}`} aria-labelledby="paper-check-title" data-testid="paper-check">
      <h2 id="paper-check-title">Check the paper&apos;s claims</h2>
      <p>
        Each claim of de Jong et al. (FiDO, Findings of ACL 2023), evaluated by the cost model with the paper&apos;s model sizes at
        your settings: {check.settings.join('; ')}. Where the paper says &ldquo;about&rdquo;, a model figure within{' '}
        {Math.round(ABOUT_TOLERANCE * 100)}% of the paper&apos;s counts as agreeing.
      </p>
      <ul className={styles.assumptions}>
        {check.assumptions.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      <ol className={styles.claims}>
        {check.claims.map((claim) => (
          <li key={claim.id} className={styles.claim} data-verdict={claim.verdict} aria-labelledby={`claim-${claim.id}`}>
            <h3 id={`claim-${claim.id}`}>{claim.claim}</h3>
            <p className={styles.verdict}>{VERDICT_TEXT[claim.verdict]}</p>
            <dl className={styles.claimFigures}>
              <dt>Compared</dt>
              <dd>{claim.compared}</dd>
              <dt>Paper</dt>
              <dd>{claim.paper}</dd>
              <dt>Model</dt>
              <dd>{claim.model}</dd>
            </dl>
            <p>{claim.explanation}</p>
            {claim.gapCloser && (
              <p>
                <strong>What would close the gap:</strong> {claim.gapCloser}
              </p>
            )}
            {claim.convention && <p className={styles.note}>{claim.convention}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
});
