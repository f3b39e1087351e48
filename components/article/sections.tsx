'use client';
/**
 * The article's sections, in reading order: the contract shared by the article page
 * and lecture mode. Each section renders its own body (prose, figure, controls) for a
 * given configuration; the page or the slide around it renders the title.
 *
 * Every section's code is loaded on demand (React.lazy), so the first load of `/` carries
 * only the page shell. The static export still prerenders each section's HTML.
 */
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { Config } from '@/lib/config/config';
import type { CostResult } from '@/lib/cost';
import styles from './article.module.css';

export interface ArticleState {
  config: Config;
  setConfig: (update: Config | ((c: Config) => Config)) => void;
  /** Cost of `config`. */
  result: CostResult;
  /** Cost of vanilla FiD with the same sizes and workload (K = 1, multi-head, no first-k). */
  fid: CostResult;
}

/** `article`: full prose and figure; `slide`: a compact view that fits 1280x720. */
export type ArticleMode = 'article' | 'slide';

export interface SectionProps {
  state: ArticleState;
  mode: ArticleMode;
}

export interface ArticleSection {
  /** Anchor of the section (`/#id`). */
  id: string;
  title: string;
  Section: (props: SectionProps) => ReactNode;
}

function lazySection(load: () => Promise<ComponentType<SectionProps>>): (props: SectionProps) => ReactNode {
  const Body = lazy(async () => ({ default: await load() }));
  function LazySection(props: SectionProps) {
    return (
      <Suspense fallback={<p className={styles.sectionLoading}>Loading this section…</p>}>
        <Body {...props} />
      </Suspense>
    );
  }
  return LazySection;
}

export const ARTICLE_SECTIONS: readonly ArticleSection[] = [
  {
    id: 'fusion-in-decoder',
    title: 'Retrieval-augmented reading: FiD in one picture',
    Section: lazySection(async () => (await import('./FusionInDecoderSection')).FusionInDecoderSection),
  },
  {
    id: 'flops',
    title: 'Where the FLOPs go',
    Section: lazySection(async () => (await import('./EncoderDecoderFlopsSection')).EncoderDecoderFlopsSection),
  },
  {
    id: 'memory-bandwidth',
    title: 'Where the time goes: memory bandwidth and the roofline',
    Section: lazySection(async () => (await import('./MemoryBandwidthSection')).MemoryBandwidthSection),
  },
  {
    id: 'layer-sparse-cross-attention',
    title: 'Layer-sparse cross-attention',
    Section: lazySection(async () => (await import('./LayerSparseCrossAttentionSection')).LayerSparseCrossAttentionSection),
  },
  {
    id: 'multi-query-attention',
    title: 'Multi-query attention',
    Section: lazySection(async () => (await import('./MultiQueryAttentionSection')).MultiQueryAttentionSection),
  },
  {
    id: 'asymmetric-decoder',
    title: 'The asymmetric decoder: a larger decoder at small cost',
    Section: lazySection(async () => (await import('./AsymmetricDecoderSection')).AsymmetricDecoderSection),
  },
  {
    id: 'output-length-and-batch',
    title: 'Output length and batch size',
    Section: lazySection(async () => (await import('./OutputLengthAndBatchSection')).OutputLengthAndBatchSection),
  },
  {
    id: 'run-it-yourself',
    title: 'Run it yourself: a tiny FiDO race',
    Section: lazySection(async () => (await import('./TinyFidoRaceSection')).TinyFidoRaceSection),
  },
  {
    id: 'paper-check',
    title: 'Paper check, assumptions and references',
    Section: lazySection(async () => (await import('./PaperCheckSection')).PaperCheckSection),
  },
];
