import Link from 'next/link';
import { ThemeSwitch } from './ThemeSwitch';

export function SiteHeader() {
  return (
    <header className="site-header">
      <nav aria-label="Site">
        <Link href="/" className="site-title">
          FiDO explained
        </Link>
        <ul>
          <li>
            <Link href="/playground/">Playground</Link>
          </li>
          <li>
            <Link href="/live/">Live model</Link>
          </li>
        </ul>
        <ThemeSwitch />
      </nav>
    </header>
  );
}
