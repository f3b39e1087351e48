'use client';
/**
 * Notices for the keys of the page's link that no setting of the page reads, so a
 * misspelt key is reported rather than silently left at its default. The link is read
 * after mount, so the server render and the first client render agree.
 */
import { useCallback, useEffect, useState } from 'react';
import { unknownKeyNotices, type Notice } from '@/lib/config/url';

/** Returns the notices for the link's unknown keys and a function that dismisses them. */
export function useUnknownKeyNotices(isKnown: (key: string) => boolean): [Notice[], () => void] {
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(() => {
    // As useUrlConfig does: read after mount, and again when Back or Forward changes the link.
    const read = () => setNotices(unknownKeyNotices(window.location.search, isKnown));
    read();
    window.addEventListener('popstate', read);
    return () => window.removeEventListener('popstate', read);
  }, [isKnown]);
  const dismiss = useCallback(() => setNotices([]), []);
  return [notices, dismiss];
}
