import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Playground } from '@/components/playground/Playground';
import { formatPercent, formatSeconds } from '@/components/playground/format';
import { DEFAULT_CONFIG } from '@/lib/config/config';
import { presetById, withModel } from '@/lib/config/presets';
import { evaluate } from '@/lib/cost';

/** Patience for asynchronous updates: a full render with every chart is slow on a busy machine. */
const SLOW = { timeout: 5000 };

function open(query: string) {
  window.history.replaceState(null, '', `/playground/${query}`);
  render(<Playground />);
}

function headline() {
  return within(screen.getByTestId('headline'));
}

function figure(label: string): string {
  const term = headline().getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

function controls(name = 'Configuration') {
  return within(screen.getByRole('group', { name }));
}

beforeEach(() => {
  window.history.replaceState(null, '', '/playground/');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Playground', () => {
  it('shows FiD-Base by default', () => {
    open('');
    const seconds = evaluate(DEFAULT_CONFIG).seconds!;
    expect(screen.getByRole('heading', { name: 'Estimate: FiD-Base' })).toBeInTheDocument();
    expect(figure('Time per sample')).toBe(formatSeconds(seconds.total));
    expect(figure("Decoder's share of time")).toBe(formatPercent(seconds.decoder / seconds.total));
  });

  it('updates the numbers and the URL as a slider moves', async () => {
    open('');
    const before = figure('Time per sample');
    fireEvent.change(controls().getByRole('slider', { name: 'Cross-attention period K' }), { target: { value: '6' } });
    expect(screen.getByRole('heading', { name: 'Estimate: FiD-Base + LSA K=6' })).toBeInTheDocument();
    expect(figure('Time per sample')).not.toBe(before);
    expect(controls().getByText(/Cross-attention in 2 of 12 decoder layers: 5, 11/)).toBeInTheDocument();
    await waitFor(() => expect(window.location.search).toBe('?k=6'), SLOW);
  });

  it('redraws every chart as a control moves', () => {
    open('');
    const names = () => screen.getAllByRole('img').map((img) => img.getAttribute('aria-label'));
    const before = names();
    expect(before.some((n) => n?.startsWith('Time per sample by operation. FiD-Base:'))).toBe(true);
    expect(before.some((n) => n?.startsWith('Roofline of TPU v4'))).toBe(true);
    expect(before.some((n) => n?.startsWith('Share of FLOPs against share of time'))).toBe(true);
    expect(before.some((n) => n?.startsWith('Memory at batch 64'))).toBe(true);

    fireEvent.change(controls().getByRole('combobox', { name: 'Accelerator' }), { target: { value: 'h100' } });
    fireEvent.change(controls().getByRole('spinbutton', { name: /Batch size, exact value/ }), { target: { value: '8' } });
    fireEvent.change(controls().getByRole('combobox', { name: 'Decoder key/value heads g' }), { target: { value: '1' } });
    const after = names();
    for (let i = 0; i < before.length; i++) expect(after[i]).not.toBe(before[i]);
    expect(after.some((n) => n?.startsWith('Time per sample by operation. FiD-Base + MQA:'))).toBe(true);
    expect(after.some((n) => n?.startsWith('Roofline of H100 SXM'))).toBe(true);
    expect(after.some((n) => n?.startsWith('Memory at batch 8'))).toBe(true);
  });

  it('offers only divisors of the decoder heads for g', () => {
    open('');
    const select = controls().getByRole('combobox', { name: 'Decoder key/value heads g' });
    const labels = within(select).getAllByRole('option').map((o) => o.textContent);
    expect(labels).toEqual([
      'Multi-head (12 key/value heads)',
      'Multi-query (1 key/value head)',
      'Grouped (2 key/value heads, 6 queries each)',
      'Grouped (3 key/value heads, 4 queries each)',
      'Grouped (4 key/value heads, 3 queries each)',
      'Grouped (6 key/value heads, 2 queries each)',
    ]);
  });

  it('applies a preset and goes back with history', async () => {
    open('?batch=8');
    const push = vi.spyOn(window.history, 'pushState');
    fireEvent.click(controls().getByRole('button', { name: 'FiDO-Base' }));
    expect(push).toHaveBeenCalledTimes(1);
    expect(window.location.search).toBe('?batch=8&k=6&kv=1');
    expect(controls().getByRole('button', { name: 'FiDO-Base' })).toHaveAttribute('aria-pressed', 'true');
    expect(controls().getByText(/K = 6 is assumed/)).toBeInTheDocument();

    push.mockRestore();
    window.history.replaceState(null, '', '/playground/?batch=8');
    act(() => {
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByRole('heading', { name: 'Estimate: FiD-Base' })).toBeInTheDocument();
    expect(controls().getByRole('button', { name: 'FiD-Base' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('lists each bad URL value in a notice', () => {
    open('?batch=-5&enc=huge&kv=abc&k=999');
    const notice = screen.getByRole('status', { name: /could not be used as given/ });
    const items = within(notice).getAllByRole('listitem').map((li) => li.textContent);
    expect(items.find((t) => t?.startsWith('batch'))).toMatch(/given -5, used 1 \(below the minimum 1\)/);
    expect(items.find((t) => t?.startsWith('enc'))).toMatch(/given huge, used base/);
    expect(items.find((t) => t?.startsWith('kv'))).toMatch(/given abc, used 0 \(not a number/);
    expect(items.find((t) => t?.startsWith('k:'))).toMatch(/given 999, used 12/);
    fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status', { name: /could not be used as given/ })).not.toBeInTheDocument();
  });

  it('copies the link after writing the pending change', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    open('');
    fireEvent.change(controls().getByRole('spinbutton', { name: /Target tokens, exact value/ }), { target: { value: '48' } });
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await screen.findByText('Link copied', undefined, SLOW);
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/playground/?ttokens=48`);
  });

  it('shows the link to copy by hand without a clipboard', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    open('?passages=100');
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = await screen.findByRole('textbox', { name: 'Link to this configuration' }, SLOW);
    expect(field).toHaveValue(`${window.location.origin}/playground/?passages=100`);
    expect(field).toHaveAttribute('readonly');
  });

  it('seeds custom dimensions from the previous size', () => {
    open('?dec=large');
    expect(controls().queryByRole('spinbutton', { name: 'Decoder d_model (model width)' })).not.toBeInTheDocument();
    fireEvent.change(controls().getByRole('combobox', { name: 'Decoder size' }), { target: { value: 'custom' } });
    expect(controls().getByRole('spinbutton', { name: 'Decoder d_model (model width)' })).toHaveValue(1024);
    expect(controls().getByRole('spinbutton', { name: 'Decoder layers' })).toHaveValue(24);
  });

  it('says plainly when not even batch 1 fits', () => {
    open('?hw=custom&mem=0.3');
    expect(screen.getByRole('alert')).toHaveTextContent(/Does not fit: the weights alone need 495 MB of the 300 MB/);
    expect(figure('Time per sample')).toBe('n/a');
  });

  it('shows the largest batch that fits', () => {
    open('?enc=xxl&dec=xxl');
    const max = evaluate({ ...DEFAULT_CONFIG, encoderSize: 'xxl', decoderSize: 'xxl', encoderCustom: presetDimsOf('xxl'), decoderCustom: presetDimsOf('xxl') }).batch.max;
    expect(headline().getByText(`requested 64, largest that fits ${max}`)).toBeInTheDocument();
  });

  it('puts FiD-Base beside FiDO-Large-XXL', () => {
    open('?enc=large&dec=xxl&k=6&kv=1');
    const table = headline().getByRole('table');
    const rows = within(table).getAllByRole('row').map((r) => r.textContent ?? '');
    const fidBase = evaluate(withModel(DEFAULT_CONFIG, presetById('fid-base').model)).seconds!.total;
    expect(rows.some((r) => r.startsWith('FiDO-Large-XXL (this configuration)'))).toBe(true);
    expect(rows.some((r) => r.startsWith('FiD-Base') && r.includes(formatSeconds(fidBase)))).toBe(true);
    const chart = screen.getByRole('img', { name: /^Time per sample by operation/ });
    expect(chart.getAttribute('aria-label')).toContain(`FiD-Base (reference): ${formatSeconds(fidBase)}`);
    expect(chart.getAttribute('aria-label')).toContain('FiD-Large-XXL (vanilla, same sizes)');
  });

  it('says which way each time ratio goes', () => {
    open('?enc=large&dec=xxl&k=6&kv=1');
    const result = evaluate(withModel(DEFAULT_CONFIG, presetById('fido-large-xxl').model)).seconds!.total;
    const vanilla = evaluate(withModel(DEFAULT_CONFIG, { encoderSize: 'large', decoderSize: 'xxl', crossAttentionPeriod: 1, kvHeads: 0, firstK: 0 })).seconds!.total;
    const fidBase = evaluate(withModel(DEFAULT_CONFIG, presetById('fid-base').model)).seconds!.total;
    const table = headline().getByRole('table');
    const row = within(table).getByRole('row', { name: /^FiDO-Large-XXL/ });

    expect(within(table).getByRole('columnheader', { name: 'Time against FiD-Base' })).toBeInTheDocument();
    expect(row).toHaveTextContent(`${Number((result / fidBase).toPrecision(3))}x slower`);
    expect(figure('Time against vanilla FiD-Large-XXL')).toBe(`${Number((vanilla / result).toPrecision(3))}x faster`);
  });
});

function presetDimsOf(size: 'xxl') {
  return withModel(DEFAULT_CONFIG, { encoderSize: size, decoderSize: size, crossAttentionPeriod: 1, kvHeads: 0, firstK: 0 }).encoderCustom;
}

describe('Playground comparison', () => {
  it('adds configuration B as a copy of A', async () => {
    open('?batch=16');
    fireEvent.click(screen.getByRole('switch', { name: 'Compare with another configuration' }));
    expect(screen.getByRole('group', { name: 'Configuration B' })).toBeInTheDocument();
    await waitFor(() => expect(window.location.search).toBe('?batch=16&cmp=1&b.batch=16'), SLOW);
    const table = within(screen.getByTestId('compare-table'));
    expect(table.getByRole('row', { name: /Time per sample/ })).toHaveTextContent(/mssame time$/);
  });

  it('says the direction of each B/A ratio', () => {
    open('?cmp=1&b.k=6&b.kv=1');
    const a = evaluate(DEFAULT_CONFIG);
    const b = evaluate(withModel(DEFAULT_CONFIG, presetById('fido-base').model));
    const table = within(screen.getByTestId('compare-table'));
    const speedup = Number((a.seconds!.total / b.seconds!.total).toPrecision(3));
    expect(table.getByRole('row', { name: /^Time per sample/ })).toHaveTextContent(`${speedup}x faster`);
    const params = Number((a.params.total / b.params.total).toPrecision(3));
    expect(table.getByRole('row', { name: /^Parameters/ })).toHaveTextContent(`${params}x smaller`);
    expect(table.getByText(/Configuration B \(FiDO-Base\) against A \(FiD-Base\)/)).toBeInTheDocument();
    const chart = screen.getByRole('img', { name: /^Time per sample by operation/ });
    expect(chart.getAttribute('aria-label')).toContain(`A: FiD-Base: ${formatSeconds(a.seconds!.total)}`);
    expect(chart.getAttribute('aria-label')).toContain(`B: FiDO-Base: ${formatSeconds(b.seconds!.total)}`);
    expect(screen.getByRole('heading', { name: 'Memory against capacity, B: FiDO-Base' })).toBeInTheDocument();
  });

  it('changes B without touching A', async () => {
    open('?cmp=1');
    fireEvent.change(controls('Configuration B').getByRole('spinbutton', { name: /Batch size, exact value/ }), { target: { value: '4' } });
    await waitFor(() => expect(window.location.search).toBe('?cmp=1&b.batch=4'), SLOW);
    expect(figure('Effective batch')).toBe('64');
    const row = within(screen.getByTestId('compare-table')).getByRole('row', { name: /^Effective batch/ });
    expect(row).toHaveTextContent('16x smaller');
  });

  it('offers comparison for b. keys without cmp', async () => {
    open('?b.enc=xxl&b.k=6');
    const text = await screen.findByText(/ignored unless cmp=1/, {}, SLOW);
    const notice = text.closest('[role="status"]') as HTMLElement;
    expect(notice).toHaveTextContent('The link has b. keys, which are ignored unless cmp=1.');
    expect(screen.queryByRole('group', { name: 'Configuration B' })).not.toBeInTheDocument();

    fireEvent.click(within(notice).getByRole('button', { name: 'Turn on comparison' }));
    expect(screen.getByRole('group', { name: 'Configuration B' })).toBeInTheDocument();
    await waitFor(() => expect(window.location.search).toBe('?b.enc=xxl&b.k=6&cmp=1'), SLOW);
    expect(screen.queryByText(/ignored unless cmp=1/)).not.toBeInTheDocument();
  });

  it('removes B from the URL when turned off', () => {
    open('?cmp=1&b.k=6');
    fireEvent.click(screen.getByRole('switch', { name: 'Compare with another configuration' }));
    expect(window.location.search).toBe('');
    expect(screen.queryByRole('group', { name: 'Configuration B' })).not.toBeInTheDocument();
  });

  it('reports a malformed cmp value', () => {
    open('?cmp=yes');
    expect(screen.getByRole('status', { name: /could not be used as given/ })).toHaveTextContent(/cmp: given yes, used 0/);
  });
});
