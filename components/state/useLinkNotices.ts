'use client';
/**
 * Notices a page derives from its whole link beyond its own configuration, such as keys
 * that no setting reads, so a misspelt key is reported rather than silently left at its
 * default. The link is read after mount, so the server render and the first client
 * render agree.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Notice } from '@/lib/config/url';

/**
 * Returns the notices `read` finds in the link's query and a function that dismisses them.
 * `read` must be a stable (module-level) function.
 */
export function useLinkNotices(read: (search: string) => Notice[]): [Notice[], () => void] {
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(() => {
    // As useUrlConfig does: read after mount, and again when Back or Forward changes the link.
    const update = () => setNotices(read(window.location.search));
    update();
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, [read]);
  const dismiss = useCallback(() => setNotices([]), []);
  return [notices, dismiss];
}
