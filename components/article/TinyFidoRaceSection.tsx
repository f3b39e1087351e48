'use client';
/** Section 8: the tiny FiD / FiDO race of /live, embedded. TensorFlow.js loads only when the bench scrolls near. */
import dynamic from 'next/dynamic';
import { useRef } from 'react';
import { LazyFigure } from './LazyFigure';
import { useFocusHandOff } from './useFocusHandOff';
import { SectionSlide } from './SectionSlide';
import type { SectionProps } from './sections';
import styles from './article.module.css';

const LiveBench = dynamic(async () => (await import('@/components/live/LiveBench')).LiveBench, {
  ssr: false,
  // Focusable, so a reader who tabs in before the code arrives waits here and is then moved into the bench.
  loading: () => (
    <p className={styles.sectionLoading} tabIndex={0} data-focus-placeholder="">
      Loading the live bench…
    </p>
  ),
});

export function TinyFidoRaceSection({ mode }: SectionProps) {
  const benchRegion = useRef<HTMLDivElement>(null);
  useFocusHandOff(benchRegion);

  if (mode === 'slide') {
    // The bench is taller than a slide, so the slide points to its own page.
    return (
      <SectionSlide headline="A tiny FiD and a tiny FiDO, racing in your browser with TensorFlow.js">
        <p>
          Both encode the same passages and decode greedily over a key/value cache; the bench times every phase on this
          device and sets it beside the cost model&apos;s prediction.
        </p>
        <p>
          <a href="/live/">Open the live bench</a>
        </p>
      </SectionSlide>
    );
  }

  // The bench mounts on focus in this section too, so tabbing past the "Copy link" button reaches it.
  const bench = (
    <div ref={benchRegion} data-race-bench="">
      <LazyFigure label="Live bench of a tiny FiD and a tiny FiDO" minHeight={480} focusable>
        <LiveBench embedded />
      </LazyFigure>
    </div>
  );

  return (
    <>
      <p>
        Everything so far comes from a model of the hardware. Here the mechanism runs for real: a tiny FiD and a tiny FiDO,
        with model widths of a few hundred at most, encode passages and decode greedily over a key/value cache in your
        browser, with TensorFlow.js in a Web Worker. The bench times each phase on your device and sets the measured times
        beside the cost model&apos;s prediction for your device. Nothing runs until you start it.
      </p>
      <p>
        Tiny models on a laptop are not Base-sized models on a TPU: fixed overheads weigh far more, so expect the speedup to
        differ from the sections above. What carries over is the mechanism, namely how the decoder&apos;s step time grows
        with the number of passages it cross-attends to, and how LSA and MQA shrink that growth. The bench keeps its own
        settings in the URL, under keys such as <code>live.passages</code>, apart from the configuration above.
      </p>
      {bench}
    </>
  );
}
