'use client';
/**
 * A figure of the article. In the article it is the shared figure frame (title, caption,
 * numbers table, SVG/PNG/CSV export) around a chart that mounts when scrolled near. On a
 * slide it is the chart alone, mounted at once.
 */
import type { ReactNode } from 'react';
import { Figure } from '@/components/figure/Figure';
import type { FigureTable } from '@/lib/charts/table';
import { LazyFigure } from './LazyFigure';
import type { ArticleMode } from './sections';

interface ArticleFigureProps {
  id: string;
  title: string;
  caption?: ReactNode;
  table: FigureTable;
  mode: ArticleMode;
  /** Height reserved until the chart mounts, in CSS pixels. */
  minHeight: number;
  children: ReactNode;
}

export function ArticleFigure({ id, title, caption, table, mode, minHeight, children }: ArticleFigureProps) {
  if (mode === 'slide') return <>{children}</>;
  return (
    <Figure id={id} title={title} caption={caption} table={table}>
      <LazyFigure label={title} minHeight={minHeight}>
        {children}
      </LazyFigure>
    </Figure>
  );
}
