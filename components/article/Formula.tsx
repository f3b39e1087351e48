'use client';
/**
 * A formula typeset with KaTeX once it comes near the viewport. Until then, and if
 * KaTeX fails to load, it shows `text`, a plain-text version of the same formula.
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

export function Formula({ tex, text, display = false }: FormulaProps) {
  const box = useRef<HTMLSpanElement>(null);
  const near = useNearViewport(box, '600px 0px');
  const [rendered, setRendered] = useState<{ tex: string; html: string } | null>(null);

  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    import('./katexRender')
      .then(({ renderTex }) => {
        if (!cancelled) setRendered({ tex, html: renderTex(tex, display) });
      })
      .catch(() => {
        // The plain-text formula stays in place.
      });
    return () => {
      cancelled = true;
    };
  }, [near, tex, display]);

  const className = display ? styles.formulaDisplay : styles.formulaInline;
  if (rendered === null) {
    return (
      <span ref={box} className={`${className} ${styles.formulaText}`}>
        {text}
      </span>
    );
  }
  return <span ref={box} className={className} data-formula="katex" dangerouslySetInnerHTML={{ __html: rendered.html }} />;
}
