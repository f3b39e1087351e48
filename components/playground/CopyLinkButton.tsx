'use client';
import { memo, useRef, useState } from 'react';
import { currentPermalink } from '@/components/state/urlState';
import styles from './playground.module.css';

/**
 * Copies the page URL after writing any pending URL update. Without the clipboard API
 * (or when it fails) it shows the link in a read-only field, selected, to copy by hand.
 */
export const CopyLinkButton = memo(function CopyLinkButton({ flush }: { flush: () => void }) {
  const [message, setMessage] = useState('');
  const [fallbackUrl, setFallbackUrl] = useState<string | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);

  async function copy() {
    flush();
    const url = currentPermalink();
    try {
      if (!navigator.clipboard?.writeText) throw new Error('clipboard API unavailable');
      await navigator.clipboard.writeText(url);
      setFallbackUrl(null);
      setMessage('Link copied');
    } catch {
      setFallbackUrl(url);
      setMessage('Copying is not available here. Copy the selected link in the field next to the button with Ctrl+C or ⌘C.');
      requestAnimationFrame(() => fieldRef.current?.select());
    }
  }

  return (
    <div className={styles.copyLink}>
      <button type="button" className={styles.primaryButton} onClick={copy}>
        Copy link
      </button>
      {fallbackUrl !== null && (
        <input
          ref={fieldRef}
          className={styles.linkField}
          type="text"
          readOnly
          aria-label="Link to this configuration"
          value={fallbackUrl}
          onFocus={(event) => event.target.select()}
        />
      )}
      <span role="status" aria-live="polite" className={styles.liveMessage}>
        {message}
      </span>
    </div>
  );
});
