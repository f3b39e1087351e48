'use client';
/**
 * "Link to this section": copies the page URL with the reader's configuration and the
 * section's anchor, so the link opens the same numbers scrolled to this section.
 */
import { useState } from 'react';
import type { Config } from '@/lib/config/config';
import { mergeConfigQuery } from '@/components/state/urlState';
import styles from './article.module.css';

/** Builds the absolute URL of section `id` for `config`, keeping the page's other query keys. */
export function sectionUrl(config: Config, id: string): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${mergeConfigQuery(search, config)}#${id}`;
}

type CopyStatus = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; url: string };

export function SectionLink({ id, title, config }: { id: string; title: string; config: Config }) {
  const [status, setStatus] = useState<CopyStatus>({ kind: 'idle' });

  async function copy() {
    const url = sectionUrl(config, id);
    try {
      if (!navigator.clipboard) throw new Error('the clipboard API is not available');
      await navigator.clipboard.writeText(url);
      setStatus({ kind: 'copied' });
    } catch {
      // Without clipboard access (insecure origin, denied permission) show the URL to copy by hand.
      setStatus({ kind: 'manual', url });
    }
  }

  return (
    <span className={styles.sectionLink}>
      <button type="button" onClick={copy} aria-label={`Copy link to this section: ${title}`}>
        Copy link to this section
      </button>
      <span role="status" className={styles.copyStatus}>
        {status.kind === 'copied' && 'Link copied.'}
        {status.kind === 'manual' && (
          <>
            Copying failed; select the link:{' '}
            <input readOnly value={status.url} aria-label={`Link to the section “${title}”`} onFocus={(e) => e.currentTarget.select()} />
          </>
        )}
      </span>
    </span>
  );
}
