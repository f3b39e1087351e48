import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/SiteHeader';
import './globals.css';

export const metadata: Metadata = {
  title: {
    default: 'FiDO explained: why Fusion-in-Decoder decoding is slow',
    template: '%s · FiDO explained',
  },
  description:
    'An interactive explainer of Fusion-in-Decoder inference cost and the FiDO changes: layer-sparse cross-attention, multi-query attention and an asymmetric decoder.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
