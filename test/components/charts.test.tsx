import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MemoryChart } from '@/components/charts/MemoryChart';
import { RooflineChart } from '@/components/charts/RooflineChart';
import { ShareChart } from '@/components/charts/ShareChart';
import { TimeBreakdownChart } from '@/components/charts/TimeBreakdownChart';
import { DEFAULT_CONFIG, type Config } from '@/lib/config/config';
import { evaluate } from '@/lib/cost/model';
import { rooflineDevice, rooflinePoints, rooflineTable } from '@/lib/charts/roofline';
import { vanillaFidConfig } from '@/lib/charts/timeBreakdown';
import { displayCell } from '@/lib/charts/table';

const fid = evaluate({ ...DEFAULT_CONFIG });
const fido = evaluate({ ...DEFAULT_CONFIG, crossAttentionPeriod: 6, kvHeads: 1 });
/** XXL on both sides in fp32: the 44.6 GB of weights alone exceed 32 GiB. */
const tooBig: Config = { ...DEFAULT_CONFIG, encoderSize: 'xxl', decoderSize: 'xxl', precision: 'fp32' };

function marks(container: HTMLElement, selector: string) {
  return Array.from(container.querySelectorAll(selector));
}

describe('RooflineChart', () => {
  const slide = { textScale: 1.2, maxHeight: 250 };

  /** Left edge of the numbered list, from its translate(x,y) transform. */
  function listLeft(container: HTMLElement): number {
    const transform = container.querySelector('[data-mark="list"]')!.getAttribute('transform')!;
    return Number(/translate\(([\d.]+),/.exec(transform)![1]);
  }

  it('lays a slide chart out smaller and lists beside the plot', () => {
    const { container } = render(<RooflineChart device={rooflineDevice(fid)} points={rooflinePoints(fid)} title="Roofline" width={952} slide={slide} />);
    const svg = screen.getByRole('img', { name: /^Roofline\./ });
    const layoutWidth = Math.floor(952 / slide.textScale);
    expect(svg.getAttribute('viewBox')).toMatch(new RegExp(`^0 0 ${layoutWidth} `));
    expect(container.querySelector('[data-text-scale]')).toHaveAttribute('data-text-scale', '1.2');
    expect(listLeft(container)).toBeGreaterThan(layoutWidth / 2);
    expect(within(svg as unknown as HTMLElement).getByText('Decoder cross-attention over encoder keys/values')).toBeInTheDocument();
    const axisLabel = within(svg as unknown as HTMLElement).getByText('Operational intensity (FLOPs/byte)');
    expect(Number(axisLabel.getAttribute('y'))).toBeLessThanOrEqual(slide.maxHeight / slide.textScale);
  });

  it('lists below the plot on a narrow slide', () => {
    const { container } = render(<RooflineChart device={rooflineDevice(fid)} points={rooflinePoints(fid)} title="Roofline" width={528} slide={slide} />);
    expect(screen.getByRole('img', { name: /^Roofline\./ }).tagName.toLowerCase()).toBe('svg');
    expect(listLeft(container)).toBe(8);
  });

  it('fits a narrow slide with a two-column list', () => {
    const tall = { textScale: 1.3, maxHeight: 380 };
    const { container } = render(<RooflineChart device={rooflineDevice(fid)} points={rooflinePoints(fid)} title="Roofline" width={388} slide={tall} />);
    const layoutHeight = (svg: Element) => Number(svg.getAttribute('viewBox')!.split(' ')[3]);
    const slideHeight = layoutHeight(screen.getByRole('img', { name: /^Roofline\./ }));
    const columns = new Set(marks(container, '[data-mark="list"] text').map((text) => text.getAttribute('x')));
    expect(columns.size).toBe(2);

    // The article's layout at the same width lists in one column under a taller plot.
    const article = render(<RooflineChart device={rooflineDevice(fid)} points={rooflinePoints(fid)} title="Roofline" width={Math.floor(388 / tall.textScale)} />);
    const articleHeight = layoutHeight(article.container.querySelector('svg[role="img"]')!);
    expect(slideHeight).toBeLessThan(articleHeight - 100);
  });

  it('draws one numbered point per operation with FLOPs', () => {
    const points = rooflinePoints(fid);
    const { container } = render(<RooflineChart device={rooflineDevice(fid)} points={points} title="Roofline" width={640} />);
    const chart = screen.getByRole('img', { name: /Roofline\. TPU v4 .* ridge at 229 FLOPs\/byte; \d+ of 12 operations are memory-bound/ });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(marks(container, '[data-point]')).toHaveLength(12);
    expect(marks(container, '[data-point][data-phase="encoder"]')).toHaveLength(4);
    expect(marks(container, '[data-point][data-phase="decoder"]')).toHaveLength(8);
  });

  it('moves cross-attention right with multi-query attention', () => {
    const { container, rerender } = render(<RooflineChart device={rooflineDevice(fid)} points={rooflinePoints(fid)} title="Roofline" width={640} />);
    const circle = () => marks(container, '[data-point="decoder.crossAttention.attention"] circle')[0];
    const before = { x: Number(circle().getAttribute('cx')), y: Number(circle().getAttribute('cy')) };
    rerender(<RooflineChart device={rooflineDevice(fido)} points={rooflinePoints(fido)} title="Roofline" width={640} />);
    // Twelve query heads share one key/value head: more FLOPs per cached byte, so right and up.
    expect(Number(circle().getAttribute('cx'))).toBeGreaterThan(before.x);
    expect(Number(circle().getAttribute('cy'))).toBeLessThan(before.y);
  });

  it('lists every point in its text alternative and table', () => {
    const points = rooflinePoints(fid);
    render(<RooflineChart device={rooflineDevice(fid)} points={points} title="Roofline" width={640} />);
    const description = document.getElementById(screen.getByRole('img').getAttribute('aria-describedby')!)!;
    const items = within(description).getAllByRole('listitem');
    expect(items).toHaveLength(12);
    expect(items[0]).toHaveTextContent(points[0].label);
    const table = rooflineTable(rooflineDevice(fid), points);
    expect(table.rows.map((row) => row[1])).toEqual(points.map((p) => p.label));
    expect(displayCell(table.rows[0][3])).toBe('512');
  });

  it('draws the roof and ridge with no points', () => {
    const { container } = render(<RooflineChart device={rooflineDevice(fid)} points={[]} title="Empty" width={640} />);
    expect(screen.getByRole('img', { name: /no operations to place/ })).toBeInTheDocument();
    expect(marks(container, '[data-mark="roof"] path')).toHaveLength(1);
    expect(container.querySelector('[data-mark="ridge-label"]')).toHaveTextContent('ridge 229 FLOPs/byte');
  });

  it('leaves out points a log axis cannot show', () => {
    const points = [
      { id: 'a', label: 'zero FLOPs', flopsPerByte: 0, flopsPerSecond: 0, phase: 'encoder' },
      { id: 'b', label: 'not a number', flopsPerByte: NaN, flopsPerSecond: 1e12, phase: 'decoder' },
      { id: 'c', label: 'kept', flopsPerByte: 10, flopsPerSecond: 1e12, phase: 'decoder' },
    ];
    const { container } = render(<RooflineChart device={rooflineDevice(fid)} points={points} title="Mixed" width={640} />);
    expect(marks(container, '[data-point]')).toHaveLength(1);
    expect(container.querySelector('[data-point="c"]')).not.toBeNull();
    for (const circle of marks(container, 'circle')) expect(circle.getAttribute('cy')).not.toBe('NaN');
  });

  it('says why a device without a roof has none', () => {
    render(<RooflineChart device={{ label: 'Broken', flopsPerSecond: 0, bytesPerSecond: 1e9 }} points={[]} title="Broken" width={640} />);
    expect(screen.getByRole('img', { name: /no valid peak FLOP\/s or bandwidth/ })).toBeInTheDocument();
  });

  it('shows a message instead of a chart when too narrow', () => {
    const { container } = render(<RooflineChart device={rooflineDevice(fid)} points={rooflinePoints(fid)} title="Narrow" width={120} />);
    expect(container.querySelector('svg')).toBeNull();
    expect(screen.getByRole('img', { name: /Narrow\./ })).toHaveTextContent(/Too narrow/);
  });
});

describe('TimeBreakdownChart', () => {
  const bars = [
    { id: 'fido', label: 'FiDO-Base', result: fido },
    { id: 'fid', label: 'FiD-Base', result: evaluate(vanillaFidConfig(fido.config)) },
  ];

  it('fits a slide with a phase legend', () => {
    const slide = { textScale: 1.2, maxHeight: 200 };
    render(<TimeBreakdownChart bars={bars} width={952} slide={slide} />);
    const svg = screen.getByRole('img', { name: /FiDO-Base/ });
    const [, , width, height] = svg.getAttribute('viewBox')!.split(' ').map(Number);
    expect(width).toBe(Math.floor(952 / slide.textScale));
    expect(height).toBeLessThanOrEqual(slide.maxHeight / slide.textScale);
    expect(within(svg as unknown as HTMLElement).getByText('Encoder operations')).toBeInTheDocument();
    expect(within(svg as unknown as HTMLElement).getByText('Decoder operations')).toBeInTheDocument();
    expect(within(svg as unknown as HTMLElement).queryByText('Encoder MLP')).not.toBeInTheDocument();
  });

  it('stacks one segment per operation that takes time', () => {
    const { container } = render(<TimeBreakdownChart bars={bars} width={640} />);
    expect(screen.getByRole('img', { name: /FiDO-Base: [\d.]+ ms \(decoder \d+%\); FiD-Base: [\d.]+ ms/ })).toBeInTheDocument();
    for (const bar of bars) {
      const timed = bar.result.operations.filter((op) => op.seconds > 0).length;
      expect(marks(container, `[data-bar="${bar.id}"] [data-segment]`)).toHaveLength(timed);
    }
  });

  it('prints each total at its bar', () => {
    const { container } = render(<TimeBreakdownChart bars={bars} width={640} />);
    const totals = marks(container, '[data-mark="total"]').map((t) => t.textContent);
    expect(totals).toHaveLength(2);
    expect(totals[0]).toMatch(/ms$/);
    expect(totals[0]).not.toBe(totals[1]);
  });

  it('grows the cross-attention segment when K falls', () => {
    const widthAt = (k: number) => {
      const result = evaluate({ ...DEFAULT_CONFIG, crossAttentionPeriod: k });
      const { container, unmount } = render(<TimeBreakdownChart bars={[{ id: 'x', label: `K=${k}`, result }]} width={640} />);
      const rect = container.querySelector('[data-segment="decoder.crossAttention.attention"]');
      const width = Number(rect?.getAttribute('width'));
      unmount();
      return { width, total: result.seconds!.total };
    };
    const k1 = widthAt(1);
    const k6 = widthAt(6);
    expect(k6.total).toBeLessThan(k1.total);
    // Each chart scales to its own total, so compare shares of the bar.
    expect(k6.width).toBeLessThan(k1.width);
  });

  it('leaves out operations that never run', () => {
    // Period 24 on a 12-layer decoder keeps no cross-attention layer at all.
    const result = evaluate({ ...DEFAULT_CONFIG, crossAttentionPeriod: 24 });
    expect(result.crossAttentionLayers).toEqual([]);
    const { container } = render(<TimeBreakdownChart bars={[{ id: 'none', label: 'No cross-attention', result }]} width={640} />);
    expect(container.querySelector('[data-segment="decoder.crossAttention.attention"]')).toBeNull();
    expect(container.querySelector('[data-segment="decoder.mlp"]')).not.toBeNull();
    expect(rooflinePoints(result).map((p) => p.id)).not.toContain('decoder.crossAttention.attention');
  });

  it('marks a configuration that does not fit', () => {
    const result = evaluate(tooBig);
    expect(result.seconds).toBeNull();
    const { container } = render(<TimeBreakdownChart bars={[{ id: 'big', label: 'FiD-XXL', result }]} width={640} />);
    expect(screen.getByRole('img', { name: /FiD-XXL: does not fit in memory/ })).toBeInTheDocument();
    expect(container.querySelector('[data-mark="no-fit"]')).toHaveTextContent('Does not fit in memory');
    expect(marks(container, '[data-segment]')).toHaveLength(0);
  });

  it('draws an empty axis without bars', () => {
    render(<TimeBreakdownChart bars={[]} width={640} />);
    expect(screen.getByRole('img', { name: /no configurations to compare/ })).toBeInTheDocument();
  });
});

describe('ShareChart', () => {
  it('states who has the FLOPs and who has the time', () => {
    const { container } = render(<ShareChart result={fid} width={640} />);
    const chart = screen.getByRole('img', { name: /the encoder does 8\d(\.\d)?% of the FLOPs and takes \d+(\.\d)?% of the time/ });
    expect(chart).toBeInTheDocument();
    expect(marks(container, '[data-row="flops"] [data-segment]')).toHaveLength(2);
    expect(marks(container, '[data-row="time"] [data-segment]')).toHaveLength(2);
  });

  it('prints the percentages on the bars', () => {
    const { container } = render(<ShareChart result={fid} width={640} />);
    const flops = container.querySelector('[data-row="flops"]')!;
    const encoderShare = (100 * fid.flops.encoder) / fid.flops.total;
    expect(flops).toHaveTextContent(`${encoderShare.toFixed(1)}%`);
    expect(flops).toHaveTextContent(`${(100 - encoderShare).toFixed(1)}%`);
  });

  it('fills a slide height with taller bars', () => {
    const { container } = render(<ShareChart result={fid} width={952} slide={{ textScale: 1.2, maxHeight: 300 }} />);
    const svg = screen.getByRole('img', { name: /of the FLOPs/ });
    const [, , layoutWidth, layoutHeight] = svg.getAttribute('viewBox')!.split(' ').map(Number);
    const barHeight = Number(container.querySelector('[data-row="flops"] [data-segment] rect')!.getAttribute('height'));
    expect(layoutWidth).toBe(Math.floor(952 / 1.2));
    expect(barHeight).toBeGreaterThan(30);
    expect(layoutHeight).toBeLessThanOrEqual(300 / 1.2);
    expect(layoutHeight).toBeGreaterThan(300 / 1.2 - 4);
  });

  it('keeps three ticks on a narrow slide', () => {
    render(<ShareChart result={fid} width={388} slide={{ textScale: 1.3, maxHeight: 380 }} />);
    const svg = screen.getByRole('img', { name: /of the FLOPs/ }) as unknown as HTMLElement;
    expect(within(svg).getByText('50%')).toBeInTheDocument();
    expect(within(svg).queryByText('25%')).toBeNull();
  });

  it('keeps five ticks at a narrow article width', () => {
    render(<ShareChart result={fid} width={330} />);
    const svg = screen.getByRole('img', { name: /of the FLOPs/ }) as unknown as HTMLElement;
    expect(within(svg).getByText('25%')).toBeInTheDocument();
  });

  it('shifts time to the encoder with LSA and MQA', () => {
    const share = (result: typeof fid) => result.seconds!.decoder / result.seconds!.total;
    const { rerender, container } = render(<ShareChart result={fid} width={640} />);
    const before = container.querySelector('[data-row="time"] [data-segment="decoder"] rect')!.getAttribute('width');
    rerender(<ShareChart result={fido} width={640} />);
    const after = container.querySelector('[data-row="time"] [data-segment="decoder"] rect')!.getAttribute('width');
    expect(share(fido)).toBeLessThan(share(fid));
    expect(Number(after)).toBeLessThan(Number(before));
  });

  it('keeps the FLOPs bar when nothing fits', () => {
    const { container } = render(<ShareChart result={evaluate(tooBig)} width={640} />);
    expect(screen.getByRole('img', { name: /time: does not fit on TPU v4/ })).toBeInTheDocument();
    expect(marks(container, '[data-row="flops"] [data-segment]')).toHaveLength(2);
    expect(container.querySelector('[data-row="time"] [data-mark="no-fit"]')).not.toBeNull();
  });
});

describe('MemoryChart', () => {
  it('names the phase its bars draw', () => {
    const fidoBase = evaluate({ ...DEFAULT_CONFIG, crossAttentionPeriod: 6, kvHeads: 1 });
    expect(fidoBase.memory.peakPhase).toBe('encode');
    render(<MemoryChart result={fidoBase} width={640} />);
    const description = document.getElementById(screen.getByRole('img', { name: /^Memory at batch/ }).getAttribute('aria-describedby')!)!;
    expect(description).toHaveTextContent(/in the peak phase \(Encoding\): Weights [\d.]+ [kMG]?B, Cross-attention cache 0 B/);
  });

  it('stacks weights, caches and activations at the effective batch', () => {
    const { container } = render(<MemoryChart result={fid} width={640} />);
    expect(screen.getByRole('img', { name: /Memory at batch 64: .* GB of 34.4 GB on TPU v4 .*at most batch 86 fits/ })).toBeInTheDocument();
    const effective = container.querySelector('[data-bar="effective"]')!;
    expect(effective.getAttribute('data-batch')).toBe('64');
    expect(marks(effective as HTMLElement, '[data-segment]').map((s) => s.getAttribute('data-segment'))).toEqual(['weights', 'crossCache', 'activations']);
    expect(container.querySelector('[data-bar="largest"]')?.getAttribute('data-batch')).toBe('86');
    expect(container.querySelector('[data-mark="capacity"]')).toHaveTextContent('capacity 34.4 GB');
  });

  it('shows the requested batch over capacity', () => {
    const result = evaluate({ ...DEFAULT_CONFIG, batchSize: 128 });
    const { container } = render(<MemoryChart result={result} width={640} />);
    expect(container.querySelector('[data-bar="effective"]')?.getAttribute('data-batch')).toBe('86');
    const requested = container.querySelector('[data-bar="requested"]')!;
    expect(requested.getAttribute('data-batch')).toBe('128');
    expect(requested.querySelector('[data-mark="overflow"]')).not.toBeNull();
    expect(container.querySelector('[data-bar="largest"]')).toBeNull();
  });

  it('names the peak phase', () => {
    const { container } = render(<MemoryChart result={fid} width={640} />);
    expect(container.querySelector('[data-mark="peak-phase"]')).toHaveTextContent(/^Peak per sample during the cross-attention key\/value projection/);
  });

  it('wraps the peak phase on a narrow chart', () => {
    const { container } = render(<MemoryChart result={fid} width={300} />);
    const note = container.querySelector('[data-mark="peak-phase"]')!;
    expect(note.querySelectorAll('tspan').length).toBeGreaterThan(1);
    expect(note).toHaveTextContent('Peak per sample during the cross-attention key/value projection (encoder output plus the cache being written).');
  });

  it('shows batch 1 over capacity when nothing fits', () => {
    const { container } = render(<MemoryChart result={evaluate(tooBig)} width={640} />);
    expect(screen.getByRole('img', { name: /even batch 1 needs .* more than the 34.4 GB/ })).toBeInTheDocument();
    expect(container.querySelector('[data-bar="requested"] [data-mark="overflow"]')).not.toBeNull();
  });

  it('follows the batch size', () => {
    const { container, rerender } = render(<MemoryChart result={fid} width={640} />);
    const at64 = container.querySelector('[data-bar="effective"] [data-segment="crossCache"]')!.getAttribute('width');
    rerender(<MemoryChart result={evaluate({ ...DEFAULT_CONFIG, batchSize: 16 })} width={640} />);
    const at16 = container.querySelector('[data-bar="effective"] [data-segment="crossCache"]')!.getAttribute('width');
    expect(Number(at16)).toBeLessThan(Number(at64));
  });
});

describe('chart width', () => {
  it('falls back to a default width without layout', () => {
    const { container } = render(<ShareChart result={fid} />);
    expect(Number(container.querySelector('svg')!.getAttribute('width'))).toBeGreaterThan(0);
  });
});
