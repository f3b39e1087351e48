import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ShareChart } from '@/components/charts/ShareChart';
import { Figure } from '@/components/figure/Figure';
import { serializeChart } from '@/components/figure/exportFigure';
import { DEFAULT_CONFIG } from '@/lib/config/config';
import { evaluate } from '@/lib/cost/model';
import { shareTable } from '@/lib/charts/share';

const result = evaluate({ ...DEFAULT_CONFIG });

function renderShareFigure(permalink?: string) {
  return render(
    <Figure id="share" title="FLOPs against time" caption="The encoder does the FLOPs; the decoder takes the time." table={shareTable(result)} permalink={permalink}>
      <ShareChart result={result} width={600} />
    </Figure>,
  );
}

/** Blobs handed to the download link, read back as text. */
let saved: { name: string; blob: Blob }[] = [];

beforeEach(() => {
  saved = [];
  let next = 0;
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => `blob:test/${next++}`), revokeObjectURL: vi.fn() }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const index = Number(this.href.split('/').pop());
    const calls = (URL.createObjectURL as ReturnType<typeof vi.fn>).mock.calls;
    saved.push({ name: this.download, blob: calls[index][0] as Blob });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('Figure', () => {
  it('frames the chart with a heading and a caption', () => {
    renderShareFigure();
    const figure = screen.getByRole('figure', { name: 'FLOPs against time' });
    expect(within(figure).getByRole('heading', { name: 'FLOPs against time' })).toBeInTheDocument();
    expect(within(figure).getByRole('img', { name: /share of time/i })).toBeInTheDocument();
    expect(figure).toHaveTextContent('The encoder does the FLOPs; the decoder takes the time.');
  });

  it('lists the chart numbers in its table', async () => {
    renderShareFigure();
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.click(screen.getByText('Show the numbers'));
    const table = await screen.findByRole('table', { name: /FLOPs against time: the numbers/ });
    expect(table).toBeVisible();
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const encoderFlops = ((100 * result.flops.encoder) / result.flops.total).toFixed(1);
    // The bar prints the same share that the table lists.
    expect(within(rows[1]).getAllByRole('cell')[1]).toHaveTextContent(new RegExp(`^${encoderFlops}$`));
    expect(screen.getByRole('img').querySelector('[data-row="flops"]')).toHaveTextContent(`${encoderFlops}%`);
  });

  it('saves the table as CSV with the permalink', async () => {
    renderShareFigure('http://127.0.0.1:3304/playground/?k=6');
    fireEvent.click(screen.getByRole('button', { name: /as CSV/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe('fido-share.csv');
    const text = await saved[0].blob.text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Quantity,Encoder (%),Decoder (%),Total per sample');
    expect(lines[1]).toMatch(/^FLOPs,8\d\.\d+,1\d\.\d+,2\.15 TFLOPs$/);
    expect(lines[3]).toBe('Permalink,http://127.0.0.1:3304/playground/?k=6,,');
    expect(screen.getByRole('status')).toHaveTextContent('Saved CSV.');
  });

  it('saves a standalone SVG with title and permalink', async () => {
    renderShareFigure('http://127.0.0.1:3304/?k=6');
    fireEvent.click(screen.getByRole('button', { name: /as SVG/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe('fido-share.svg');
    const doc = new DOMParser().parseFromString(await saved[0].blob.text(), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.querySelector('title')?.textContent).toBe('FLOPs against time');
    expect(doc.querySelector('desc')?.textContent).toBe('Permalink: http://127.0.0.1:3304/?k=6');
    expect(doc.querySelectorAll('[data-segment]')).toHaveLength(4);
    // Classes are replaced by inline styles so the file renders without the page's CSS.
    expect(doc.querySelector('[class]')).toBeNull();
  });

  it('defaults the permalink to the page address', async () => {
    window.history.replaceState(null, '', '/playground/?g=1');
    renderShareFigure();
    fireEvent.click(screen.getByRole('button', { name: /as CSV/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(await saved[0].blob.text()).toContain('Permalink,http://localhost:3000/playground/?g=1');
  });

  it('explains when there is no chart to save', async () => {
    render(
      <Figure id="narrow" title="Narrow" table={{ columns: ['a'], rows: [] }}>
        <ShareChart result={result} width={100} />
      </Figure>,
    );
    fireEvent.click(screen.getByRole('button', { name: /Narrow as SVG/ }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/Nothing to save/));
    expect(saved).toHaveLength(0);
  });
});

describe('serializeChart', () => {
  it('reports the height with the permalink line', () => {
    const { container } = render(<ShareChart result={result} width={500} />);
    const svg = container.querySelector('svg')!;
    const out = serializeChart(svg, 'Share', 'http://127.0.0.1/');
    expect(out.width).toBe(500);
    expect(out.height).toBe(Number(svg.getAttribute('height')) + 20);
  });
});
