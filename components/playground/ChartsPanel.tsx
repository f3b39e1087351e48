'use client';
import { memo, useMemo, type ReactNode } from 'react';
import { MemoryChart } from '@/components/charts/MemoryChart';
import { RooflineChart } from '@/components/charts/RooflineChart';
import { ShareChart } from '@/components/charts/ShareChart';
import { TimeBreakdownChart } from '@/components/charts/TimeBreakdownChart';
import { Figure } from '@/components/figure/Figure';
import { sameConfig } from '@/components/state/urlState';
import { memoryTable } from '@/lib/charts/memory';
import { rooflineDevice, rooflinePoints, rooflineTable } from '@/lib/charts/roofline';
import { shareTable } from '@/lib/charts/share';
import { timeTable, type TimeBar } from '@/lib/charts/timeBreakdown';
import type { CostResult } from '@/lib/cost';
import type { Estimates } from './useEstimates';
import { useValueOnScreen } from './useValueOnScreen';
import styles from './playground.module.css';

interface Side {
  /** "A" or "B"; empty when only one configuration is shown. */
  tag: string;
  estimates: Estimates;
}

function sideTitle(title: string, side: Side): string {
  return side.tag ? `${title}, ${side.tag}: ${side.estimates.name}` : title;
}

function sidesOf(a: Estimates, b: Estimates | null): Side[] {
  return b ? [{ tag: 'A', estimates: a }, { tag: 'B', estimates: b }] : [{ tag: '', estimates: a }];
}

/**
 * Builds the bars of the time breakdown: each configuration shown, then vanilla FiD of the
 * first one's sizes and FiD-Base at its settings, each unless a bar already shows that
 * exact configuration.
 */
export function timeBars(sides: Side[]): TimeBar[] {
  const bars: TimeBar[] = [];
  const shown = (result: CostResult) => bars.some((bar) => sameConfig(bar.result.config, result.config));
  for (const side of sides) {
    const { name, result } = side.estimates;
    bars.push({ id: side.tag || 'current', label: side.tag ? `${side.tag}: ${name}` : name, result });
  }
  const first = sides[0].estimates;
  if (!shown(first.vanilla)) bars.push({ id: 'vanilla', label: `${first.vanillaName} (vanilla, same sizes)`, result: first.vanilla });
  if (!shown(first.fidBase)) bars.push({ id: 'fid-base', label: 'FiD-Base (reference)', result: first.fidBase });
  return bars;
}

/** Says what the bars are, naming only the reference bars actually drawn. */
export function timeCaption(bars: TimeBar[], vanillaName: string): string {
  const references: string[] = [];
  if (bars.some((bar) => bar.id === 'vanilla')) references.push(`vanilla ${vanillaName} of the same sizes`);
  if (bars.some((bar) => bar.id === 'fid-base')) references.push('FiD-Base');
  const against = references.length > 0 ? `, beside ${references.join(' and ')} at the same workload and accelerator` : '';
  return `Each bar stacks the roofline time of every operation, encoder in blue and decoder in red${against}.`;
}

/** Props of a figure drawn for one side: its element id and the estimates it draws. */
interface SideFigureProps {
  id: string;
  tag: string;
  estimates: Estimates;
}

/**
 * Wraps the figure of one side so it takes up new estimates after the frame while it is
 * off screen. The figure itself is memoized on the estimates it draws.
 */
function sideFigure(idPrefix: string, View: (props: SideFigureProps) => ReactNode) {
  const MemoView = memo(View);
  return memo(function SideFigure({ tag, estimates }: Side) {
    const id = `${idPrefix}${tag ? `-${tag.toLowerCase()}` : ''}`;
    const displayed = useValueOnScreen(id, estimates);
    return <MemoView id={id} tag={tag} estimates={displayed} />;
  });
}

const RooflineFigure = sideFigure('roofline', function RooflineFigure({ id, tag, estimates }: SideFigureProps) {
  const { result } = estimates;
  const device = useMemo(() => rooflineDevice(result), [result]);
  const points = useMemo(() => rooflinePoints(result), [result]);
  const title = sideTitle(`Roofline of ${result.device.label}`, { tag, estimates });
  return (
    <Figure
      id={id}
      title={title}
      table={() => rooflineTable(device, points)}
      caption="One point per operation: operational intensity against the FLOP/s it reaches. Points under the slanted roof wait on memory."
    >
      <RooflineChart device={device} points={points} title={title} />
    </Figure>
  );
});

const ShareFigure = sideFigure('share', function ShareFigure({ id, tag, estimates }: SideFigureProps) {
  const { result } = estimates;
  return (
    <Figure
      id={id}
      title={sideTitle('Share of FLOPs against share of time', { tag, estimates })}
      table={() => shareTable(result)}
      caption="FLOPs split between encoder and decoder, and the time each takes."
    >
      <ShareChart result={result} />
    </Figure>
  );
});

const MemoryFigure = sideFigure('memory', function MemoryFigure({ id, tag, estimates }: SideFigureProps) {
  const { result } = estimates;
  return (
    <Figure
      id={id}
      title={sideTitle('Memory against capacity', { tag, estimates })}
      table={() => memoryTable(result)}
      caption={`Weights, caches and working activations at the effective batch, against the ${result.device.label}'s memory.`}
    >
      <MemoryChart result={result} />
    </Figure>
  );
});

const TIME_FIGURE_ID = 'time-breakdown';

const TimeFigureView = memo(function TimeFigureView({ bars, vanillaName }: { bars: TimeBar[]; vanillaName: string }) {
  return (
    <Figure id={TIME_FIGURE_ID} title="Time per sample by operation" table={() => timeTable(bars)} caption={timeCaption(bars, vanillaName)}>
      <TimeBreakdownChart bars={bars} />
    </Figure>
  );
});

/** The time breakdown, which takes up new bars after the frame while it is off screen. */
const TimeFigure = memo(function TimeFigure({ bars, vanillaName }: { bars: TimeBar[]; vanillaName: string }) {
  const props = useMemo(() => ({ bars, vanillaName }), [bars, vanillaName]);
  const displayed = useValueOnScreen(TIME_FIGURE_ID, props);
  return <TimeFigureView bars={displayed.bars} vanillaName={displayed.vanillaName} />;
});

/**
 * The four cost charts, with configuration B beside A when comparing. The figures are
 * memoized per configuration, so moving a control of A leaves B's figures as they are,
 * and a figure off screen redraws after the frame that shows the step.
 */
export const ChartsPanel = memo(function ChartsPanel({ a, b }: { a: Estimates; b: Estimates | null }) {
  const sides = useMemo(() => sidesOf(a, b), [a, b]);
  const bars = useMemo(() => timeBars(sides), [sides]);
  const pairClass = b ? styles.pair : undefined;

  return (
    <section className={styles.charts} aria-labelledby="charts-title">
      <h2 id="charts-title" className={styles.chartsTitle}>
        Charts
      </h2>
      <TimeFigure bars={bars} vanillaName={a.vanillaName} />
      <div className={pairClass}>
        {sides.map((side) => (
          <ShareFigure key={side.tag || 'only'} tag={side.tag} estimates={side.estimates} />
        ))}
      </div>
      <div className={pairClass}>
        {sides.map((side) => (
          <RooflineFigure key={side.tag || 'only'} tag={side.tag} estimates={side.estimates} />
        ))}
      </div>
      <div className={pairClass}>
        {sides.map((side) => (
          <MemoryFigure key={side.tag || 'only'} tag={side.tag} estimates={side.estimates} />
        ))}
      </div>
    </section>
  );
});
