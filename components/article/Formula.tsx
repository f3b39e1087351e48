'use client';
/**
 * A formula typeset with KaTeX once it comes near the viewport. Until then, and if
 * KaTeX or its fonts have not loaded yet (or fail to), it shows `text`, a plain-text version of the same formula.
 */
import { useEffect, useRef, useState } from 'react';
import { useNearViewport } from './LazyFigure';
import styles from './article.module.css';

interface FormulaProps {
  tex: string;
  /** The same formula in plain text. */
  text: string;
  display?: boolean;
}

/** Resolves once KaTeX's main and math fonts have loaded, or after 3 s, or at once without the Font Loading API. */
function katexFontsReady(): Promise<unknown> {
  if (typeof document === 'undefined' || !document.fonts?.load) return Promise.resolve();
  const fonts = Promise.all([document.fonts.load('1em KaTeX_Main'), document.fonts.load('italic 1em KaTeX_Math')]);
  return Promise.race([fonts, new Promise((resolve) => setTimeout(resolve, 3000))]).catch(() => undefined);
}

export function Formula({ tex, text, display = false }: FormulaProps) {
  const box = useRef<HTMLSpanElement>(null);
  const near = useNearViewport(box, '600px 0px');
  const [rendered, setRendered] = useState<{ tex: string; html: string } | null>(null);

  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    import('./katexRender')
      .then(async ({ renderTex }) => {
        const html = renderTex(tex, display);
        // KaTeX's fonts hide their glyphs while they load; the plain text stays until they are ready.
        await katexFontsReady();
        if (!cancelled) setRendered({ tex, html });
      })
      .catch(() => {
        // The plain-text formula stays in place.
      });
    return () => {
      cancelled = true;
    };
  }, [near, tex, display]);

  const className = display ? styles.formulaDisplay : styles.formulaInline;
  // A display formula scrolls sideways on a narrow screen, so it takes keyboard focus.
  const scrollable = display ? { tabIndex: 0, role: 'group', 'aria-label': `Formula: ${text}` } : {};
  if (rendered === null) {
    return (
      <span ref={box} className={`${className} ${styles.formulaText}`} {...scrollable}>
        {text}
      </span>
    );
  }
  return <span ref={box} className={className} data-formula="katex" dangerouslySetInnerHTML={{ __html: rendered.html }} {...scrollable} />;
}
