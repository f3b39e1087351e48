import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found' };

/** Renders the static export's 404.html in the site's layout and theme, not Next's default page. */
export default function NotFound() {
  return (
    <article>
      <h1>Page not found</h1>
      <p>
        There is no page at this address. The <Link href="/">article</Link> explains FiD and FiDO, the{' '}
        <Link href="/playground/">playground</Link> has every control and chart, and the{' '}
        <Link href="/live/">live model</Link> runs a tiny FiD and FiDO in your browser.
      </p>
    </article>
  );
}
