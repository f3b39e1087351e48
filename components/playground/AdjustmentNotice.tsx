'use client';
import { memo } from 'react';
import { describeAdjustment, type Adjustment } from '@/lib/config/adjustments';
import styles from './playground.module.css';

/**
 * Lists the dependent values that a control change lowered, such as FiD-Light k after
 * fewer tokens per passage. The live region stays in the page while empty, so a screen
 * reader announces the first adjustment too, and it sticks to the top of the viewport
 * while the controls scroll.
 */
export const AdjustmentNotice = memo(function AdjustmentNotice({ adjustments, onDismiss }: { adjustments: Adjustment[]; onDismiss: () => void }) {
  return (
    <div role="status" className={styles.adjustmentNotice}>
      {adjustments.length > 0 && (
        <div className={styles.notice}>
          <ul>
            {adjustments.map((adjustment) => (
              <li key={adjustment.field}>{describeAdjustment(adjustment)}</li>
            ))}
          </ul>
          <button type="button" className={styles.secondaryButton} onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
});
