import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArticlePage } from '@/components/article/ArticlePage';
import { ARTICLE_SECTIONS } from '@/components/article/sections';
import { FIDO_BIBTEX, PaperCheckSection } from '@/components/article/PaperCheckSection';
import { DEFAULT_CONFIG } from '@/lib/config/config';
import { renderSection } from './article-harness';

afterEach(() => {
  window.history.replaceState(null, '', '/');
  vi.restoreAllMocks();
});

describe('ARTICLE_SECTIONS', () => {
  it('lists nine sections with unique ids', () => {
    expect(ARTICLE_SECTIONS).toHaveLength(9);
    expect(new Set(ARTICLE_SECTIONS.map((s) => s.id)).size).toBe(9);
  });
});

describe('ArticlePage', () => {
  it('renders every section with its heading and link control', async () => {
    render(<ArticlePage />);
    for (const { id, title } of ARTICLE_SECTIONS) {
      const section = document.getElementById(id)!;
      expect(within(section).getByRole('heading', { level: 2, name: new RegExp(title.replace(/[()]/g, '.')) })).toBeInTheDocument();
      expect(within(section).getByRole('button', { name: `Copy link to this section: ${title}` })).toBeInTheDocument();
    }
    expect(await screen.findByText(/independent passes/, {}, { timeout: 15_000 })).toBeInTheDocument();
  });

  it('reads the configuration from the URL', async () => {
    window.history.replaceState(null, '', '/?passages=10&k=6&kv=1');
    render(<ArticlePage />);
    await waitFor(() => expect(document.querySelector('[data-ready="true"]')).not.toBeNull());
    expect(document.querySelector('[data-number="model"]')?.textContent).toBe('FiDO-Base');
    await waitFor(() => expect(document.querySelector('[data-number="encoder-vectors"]')?.textContent).toBe('2,560'));
  });

  it('names the values a hand-edited URL changed', async () => {
    window.history.replaceState(null, '', '/?passages=banana&kv=5');
    render(<ArticlePage />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/passages=banana/);
    expect(alert.textContent).toMatch(/kv=5/);
  });

  it('reports misspelt keys', async () => {
    window.history.replaceState(null, '', '/?passage=4&live.passages=4&live.seed=2&live.passage=3&slide=2&k=6');
    render(<ArticlePage />);
    const alert = await screen.findByRole('alert');
    const items = within(alert).getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual([
      'passage=4: not a setting of this page; check the spelling; ignored.',
      'live.passage=3: not a setting of this page; check the spelling; ignored.',
    ]);
  });

  it('reports invalid bench values at the top', async () => {
    window.history.replaceState(null, '', '/?live.passages=abc&live.encd=4096&live.decl=1&k=3');
    render(<ArticlePage />);
    const alert = await screen.findByRole('alert');
    const items = within(alert).getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toContain('live.passages=abc: not a number; the default is used; used 16.');
    expect(items.some((item) => item?.startsWith('live.encd=4096: above the tiny model\'s limit'))).toBe(true);
    // The bench's default K, lowered to fit one decoder layer, is not a key of the link.
    expect(items.some((item) => item?.startsWith('live.k='))).toBe(false);
  });

  it('says an ignored value is ignored', async () => {
    window.history.replaceState(null, '', '/?hw=a100&peak=1');
    render(<ArticlePage />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('peak=1: hw is a100, not custom; ignored.');
    expect(alert.textContent).not.toMatch(/using ignored|used ignored/);
  });

  it('copies the section URL with the query and anchor', async () => {
    window.history.replaceState(null, '', '/?passages=10');
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<ArticlePage />);
    await waitFor(() => expect(document.querySelector('[data-ready="true"]')).not.toBeNull());
    const section = document.getElementById('memory-bandwidth')!;
    await act(async () => fireEvent.click(within(section).getByRole('button', { name: /Copy link to this section/ })));
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/?passages=10#memory-bandwidth`);
    expect(within(section).getByText('Link copied.')).toBeInTheDocument();
  });

  it('shows the link when the clipboard fails', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    render(<ArticlePage />);
    const section = document.getElementById('flops')!;
    await act(async () => fireEvent.click(within(section).getByRole('button', { name: /Copy link to this section/ })));
    expect(within(section).getByRole('textbox', { name: /Link to the section/ })).toHaveValue(`${window.location.origin}/#flops`);
  });
});

describe('PaperCheckSection', () => {
  it('copies the BibTeX entry', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderSection(PaperCheckSection, DEFAULT_CONFIG);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy BibTeX' })));
    expect(writeText).toHaveBeenCalledWith(FIDO_BIBTEX);
    expect(FIDO_BIBTEX).toContain('10.18653/v1/2023.findings-acl.732');
    expect(FIDO_BIBTEX).toContain('11534--11547');
  });

  it('checks the claims at the reader settings', async () => {
    renderSection(PaperCheckSection, { ...DEFAULT_CONFIG, passages: 20 });
    const panel = await screen.findByTestId('paper-check');
    expect(panel.textContent).toContain('20 passages of 256 tokens');
  });
});
