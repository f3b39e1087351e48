/**
 * KaTeX and its stylesheet, in a module of their own so both load only when a formula
 * first comes near the viewport. The stylesheet's fonts are served from this site.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';

/** Renders TeX to HTML with MathML for screen readers. With throwOnError off, invalid TeX renders as red source text. */
export function renderTex(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { displayMode, throwOnError: false, output: 'htmlAndMathml' });
}
