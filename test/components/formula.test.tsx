import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Formula } from '@/components/article/Formula';

/** Replaces document.fonts with one whose loads wait until `release` is called. */
function holdFonts(): () => void {
  let release: () => void = () => undefined;
  const loaded = new Promise<void>((resolve) => {
    release = resolve;
  });
  Object.defineProperty(document, 'fonts', { configurable: true, value: { load: () => loaded.then(() => []) } });
  return release;
}

afterEach(() => {
  delete (document as { fonts?: unknown }).fonts;
});

describe('Formula', () => {
  it('shows the plain-text formula until the KaTeX fonts have loaded', async () => {
    // KaTeX itself is loaded already, so only the fonts can hold the formula back.
    await import('@/components/article/katexRender');
    const release = holdFonts();
    const { container } = render(<Formula tex="E = N \cdot L" text="E = N × L" />);
    // Long enough for KaTeX to load and render.
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(container.textContent).toBe('E = N × L');
    expect(container.querySelector('[data-formula="katex"]')).toBeNull();

    await act(async () => release());
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(container.querySelector('[data-formula="katex"]')).not.toBeNull();
  });
});
