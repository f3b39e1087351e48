'use client';
/**
 * The article's sections, in reading order: the contract shared by the article page
 * and lecture mode. Each section renders its own body (prose, figure, controls) for a
 * given configuration; the page or the slide around it renders the title.
 *
 * Every section's code is loaded on demand (React.lazy), so the first load of `/` carries
 * only the page shell. The static export still prerenders each section's HTML.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import type { Config } from '@/lib/config/config';
import type { CostResult } from '@/lib/cost';
import { SECTION_TITLES, type SectionId } from './sectionTitles';
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

/** Distance outside the viewport at which a section's code starts loading (IntersectionObserver rootMargin). */
const SECTION_ROOT_MARGIN = '800px 0px';

/** Renders nothing, and calls `onMount` once its Suspense boundary has hydrated or mounted. */
function MountSignal({ onMount }: { onMount: () => void }) {
  useEffect(onMount, [onMount]);
  return null;
}

/**
 * Wraps a section whose code loads on demand. In the article the code loads, and the
 * prerendered HTML hydrates, only once the section comes near the viewport or the
 * configuration changes, so the first load hydrates the top of the page only.
 * Until its boundary has hydrated, the body keeps the props of the first render, which
 * match the prerendered HTML. An earlier update would make React replace that HTML with
 * the fallback.
 */
function lazySection(id: string, load: () => Promise<ComponentType<SectionProps>>): (props: SectionProps) => ReactNode {
  let openGate: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    openGate = resolve;
  });
  // The static prerender renders every section at once.
  if (typeof window === 'undefined') openGate();
  const Body = lazy(async () => {
    await gate;
    return { default: await load() };
  });

  function LazySection(props: SectionProps) {
    const [first] = useState(props);
    const [mounted, setMounted] = useState(false);
    const markMounted = useCallback(() => setMounted(true), []);
    const bodyProps = mounted ? props : first;
    const configChanged = JSON.stringify(props.state.config) !== JSON.stringify(first.state.config);

    useEffect(() => {
      const target = document.getElementById(id);
      if (props.mode === 'slide' || configChanged || !target || typeof IntersectionObserver === 'undefined') {
        openGate();
        return;
      }
      const observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          openGate();
          observer.disconnect();
        },
        { rootMargin: SECTION_ROOT_MARGIN },
      );
      observer.observe(target);
      return () => observer.disconnect();
    }, [props.mode, configChanged]);

    // The element stays the same object while `bodyProps` does, so a re-render of the page is no update to the boundary.
    return useMemo(
      () => (
        <Suspense fallback={<p className={styles.sectionLoading}>Loading this section…</p>}>
          <Body {...bodyProps} />
          <MountSignal onMount={markMounted} />
        </Suspense>
      ),
      [bodyProps, markMounted],
    );
  }
  return LazySection;
}

/** Code loaders of the sections' components; their order is the article's reading order. */
const SECTION_LOADERS: Record<SectionId, () => Promise<ComponentType<SectionProps>>> = {
  'fusion-in-decoder': async () => (await import('./FusionInDecoderSection')).FusionInDecoderSection,
  flops: async () => (await import('./EncoderDecoderFlopsSection')).EncoderDecoderFlopsSection,
  'memory-bandwidth': async () => (await import('./MemoryBandwidthSection')).MemoryBandwidthSection,
  'layer-sparse-cross-attention': async () => (await import('./LayerSparseCrossAttentionSection')).LayerSparseCrossAttentionSection,
  'multi-query-attention': async () => (await import('./MultiQueryAttentionSection')).MultiQueryAttentionSection,
  'asymmetric-decoder': async () => (await import('./AsymmetricDecoderSection')).AsymmetricDecoderSection,
  'output-length-and-batch': async () => (await import('./OutputLengthAndBatchSection')).OutputLengthAndBatchSection,
  'run-it-yourself': async () => (await import('./TinyFidoRaceSection')).TinyFidoRaceSection,
  'paper-check': async () => (await import('./PaperCheckSection')).PaperCheckSection,
};

export const ARTICLE_SECTIONS: readonly ArticleSection[] = (Object.keys(SECTION_LOADERS) as SectionId[]).map((id) => ({
  id,
  title: SECTION_TITLES[id],
  Section: lazySection(id, SECTION_LOADERS[id]),
}));
