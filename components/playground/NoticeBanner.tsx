'use client';
import { memo } from 'react';
import type { Notice } from '@/lib/config/url';
import styles from './playground.module.css';
import { describeNoticeOutcome } from '@/lib/config/schema';

/** Lists the URL values that were changed before use: key, value given, value used and why. */
export const NoticeBanner = memo(function NoticeBanner({ notices, onDismiss }: { notices: Notice[]; onDismiss: () => void }) {
  if (notices.length === 0) return null;
  return (
    <div role="status" className={styles.notice} aria-labelledby="url-notice-title">
      <div className={styles.noticeHeader}>
        <h2 id="url-notice-title">Some values in the link could not be used as given</h2>
        <button type="button" className={styles.secondaryButton} onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      <ul>
        {notices.map((notice, i) => (
          <li key={`${notice.key}-${i}`}>
            <code>{notice.key}</code>: given <code>{notice.given || '(empty)'}</code>, {describeNoticeOutcome(notice)} ({notice.reason}).
          </li>
        ))}
      </ul>
    </div>
  );
});
