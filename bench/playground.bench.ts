/**
 * Latency from a key press on a playground slider to the first frame painted with the
 * updated charts, measured inside headless Chromium.
 */
import { chromium, type CDPSession, type Page } from '@playwright/test';
import playwrightConfig from '../playwright.config';
import { formatMilliseconds, markdownTable, median, percentile, verdict } from './report';
import type { BenchContext, BenchResult } from './types';

const TARGET_SECONDS = 16e-3;
const SLIDER_LABEL = 'Passages per question';
const WARMUP_MOVES = 5;
const TIMED_MOVES = 60;
/** Pause between moves, longer than the playground's 150 ms URL write delay. */
const PAUSE_MS = 200;
const SAMPLE_TIMEOUT_MS = 2_000;
const PAGE_TIMEOUT_MS = 30_000;
const CHART_WAIT_MS = 5_000;

/** Timestamps of one move, in milliseconds on the page's `performance.now()` clock. */
interface Sample {
  /** `timeStamp` of the keydown event: when the browser received the key. */
  keydown: number;
  /** When the slider's `input` event reached the page. */
  input: number;
  /** When a mutation inside a chart was observed (React has committed the update). */
  changed: number;
  /** Start of the next animation frame. */
  frame: number;
  /** A task right after that frame's style, layout and paint on the main thread. */
  painted: number;
}

interface Probe {
  arm(): void;
  wait(timeoutMs: number): Promise<Sample | null>;
  /** Event Timing entries for keydown, in milliseconds (rounded by the browser to 8 ms). */
  eventDurations(): number[];
  /** Part of the page the probe watches: 'chart' when the page has charts, 'page' otherwise. */
  watching: 'chart' | 'page';
}

declare global {
  interface Window {
    __sliderProbe?: Probe;
  }
}

/**
 * Installs the probe in the page. A move starts at the keydown and ends when a task
 * posted from the first animation frame after the charts changed runs, which is after
 * that frame's rendering work on the main thread.
 */
function installProbe(sliderLabel: string): 'chart' | 'page' {
  const root = document.querySelector('main') ?? document.body;
  const hasCharts = root.querySelector('[role="img"]') !== null;
  const slider = [...document.querySelectorAll('label')].find((label) => label.textContent?.trim() === sliderLabel);
  const sliderField = slider?.parentElement?.parentElement ?? null;

  type Pending = { keydown: number; input: number | null; changed: number | null; resolve: (sample: Sample) => void };
  // `armed` lets the next keydown start a move; `latest` stays set after the move ends,
  // because the move can finish before wait() is called.
  let armed: { promise: Promise<Sample>; resolve: (sample: Sample) => void } | null = null;
  let latest: Promise<Sample> | null = null;
  let pending: Pending | null = null;
  const keydownDurations: number[] = [];

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'keydown') keydownDurations.push(entry.duration);
  }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);

  const relevant = (node: Node | null): boolean => {
    if (!node) return false;
    const element = node instanceof Element ? node : node.parentElement;
    if (!element) return false;
    if (hasCharts) return element.closest('[role="img"]') !== null || element.querySelector('[role="img"]') !== null;
    return !(sliderField && sliderField.contains(element));
  };

  window.addEventListener(
    'keydown',
    (event) => {
      if (!armed) return;
      pending = { keydown: event.timeStamp, input: null, changed: null, resolve: armed.resolve };
    },
    true,
  );
  window.addEventListener(
    'input',
    () => {
      if (pending && pending.input === null) pending.input = performance.now();
    },
    true,
  );

  new MutationObserver((records) => {
    const move = pending;
    if (!move || move.input === null || move.changed !== null) return;
    if (!records.some((record) => relevant(record.target) || [...record.addedNodes].some(relevant))) return;
    move.changed = performance.now();
    requestAnimationFrame(() => {
      const frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const sample: Sample = { keydown: move.keydown, input: move.input!, changed: move.changed!, frame, painted: performance.now() };
        pending = null;
        armed = null;
        move.resolve(sample);
      };
      channel.port2.postMessage(null);
    });
  }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });

  window.__sliderProbe = {
    watching: hasCharts ? 'chart' : 'page',
    arm() {
      let resolve!: (sample: Sample) => void;
      const promise = new Promise<Sample>((done) => (resolve = done));
      armed = { promise, resolve };
      latest = promise;
    },
    wait(timeoutMs) {
      const current = latest;
      latest = null;
      if (!current) return Promise.resolve(null);
      return Promise.race([current, new Promise<null>((done) => setTimeout(() => done(null), timeoutMs))]);
    },
    eventDurations: () => [...keydownDurations],
  };
  return hasCharts ? 'chart' : 'page';
}

async function moveOnce(page: Page, direction: { key: 'ArrowRight' | 'ArrowLeft' }): Promise<Sample | null> {
  const slider = page.getByRole('slider', { name: SLIDER_LABEL, exact: true }).first();
  const { value, min, max } = await slider.evaluate((input: HTMLInputElement) => ({
    value: Number(input.value),
    min: Number(input.min),
    max: Number(input.max),
  }));
  if (value >= max) direction.key = 'ArrowLeft';
  if (value <= min) direction.key = 'ArrowRight';

  await page.evaluate(() => window.__sliderProbe!.arm());
  await page.keyboard.press(direction.key);
  const sample = await page.evaluate((timeoutMs) => window.__sliderProbe!.wait(timeoutMs), SAMPLE_TIMEOUT_MS);
  await page.waitForTimeout(PAUSE_MS);
  return sample;
}

/** Chromium's main-thread counters, in seconds: TaskDuration, ScriptDuration, LayoutDuration… */
async function mainThreadMetrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return new Map(metrics.map(({ name, value }) => [name, value]));
}

function row(label: string, values: number[]): string[] {
  const seconds = values.map((ms) => ms / 1000);
  return [label, formatMilliseconds(median(seconds)), formatMilliseconds(percentile(seconds, 95)), formatMilliseconds(Math.max(...seconds))];
}

export default async function run({ baseUrl }: BenchContext): Promise<BenchResult> {
  const browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    // Thread ticks make the task durations CPU time of the renderer's main thread.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const url = `${baseUrl}/playground/`;
    await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    const slider = page.getByRole('slider', { name: SLIDER_LABEL, exact: true }).first();
    try {
      await slider.waitFor({ timeout: PAGE_TIMEOUT_MS });
    } catch {
      const names = await page.getByRole('slider').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('aria-label') ?? input.id));
      throw new Error(`no slider labelled "${SLIDER_LABEL}" on ${url}; sliders found: ${names.join(', ') || 'none'}`);
    }
    await page.locator('[data-ready="true"]').first().waitFor({ timeout: PAGE_TIMEOUT_MS });
    // Charts size themselves after the first layout, so give them a moment to appear.
    await page
      .locator('main [role="img"]')
      .first()
      .waitFor({ timeout: CHART_WAIT_MS })
      .catch(() => undefined);
    // tsx compiles with esbuild's keepNames, which wraps the nested functions of
    // installProbe in __name(fn, "name") calls; the page needs that helper to run it.
    await page.evaluate('globalThis.__name ??= (target) => target');
    const watching = await page.evaluate(installProbe, SLIDER_LABEL);
    await slider.focus();

    const direction: { key: 'ArrowRight' | 'ArrowLeft' } = { key: 'ArrowRight' };
    for (let i = 0; i < WARMUP_MOVES; i++) await moveOnce(page, direction);
    const samples: Sample[] = [];
    let missing = 0;
    const before = await mainThreadMetrics(cdp);
    for (let i = 0; i < TIMED_MOVES; i++) {
      const sample = await moveOnce(page, direction);
      if (sample) samples.push(sample);
      else missing++;
    }
    const after = await mainThreadMetrics(cdp);
    const perMove = (name: string) => ((after.get(name) ?? 0) - (before.get(name) ?? 0)) / TIMED_MOVES;
    const taskSeconds = perMove('TaskDuration') - perMove('DevToolsCommandDuration');
    if (samples.length < TIMED_MOVES / 2) {
      throw new Error(`only ${samples.length} of ${TIMED_MOVES} slider moves changed the ${watching} within ${SAMPLE_TIMEOUT_MS} ms`);
    }
    const eventDurations = await page.evaluate(() => window.__sliderProbe!.eventDurations());

    const total = samples.map((s) => s.painted - s.keydown);
    const p95Seconds = percentile(total, 95) / 1000;
    const target = watching === 'chart' ? 'the charts' : 'the page (no chart was on it)';
    const markdown = [
      `Method: Chromium (${browser.version()}, headless, the launch flags of playwright.config.ts) opens`,
      `\`/playground/\` at 1280 x 900, focuses the slider labelled "${SLIDER_LABEL}" (found by role`,
      `and name) and presses an arrow key ${TIMED_MOVES} times after ${WARMUP_MOVES} warm-up presses, turning at`,
      `the ends, with ${PAUSE_MS} ms between presses. In the page, a move starts at the keydown event's`,
      `\`timeStamp\` and ends in a task posted from the first \`requestAnimationFrame\` after a`,
      `mutation inside ${target}, that is after the frame's style, layout and paint on the`,
      'main thread. Compositing and display are not included. The time includes waiting for',
      'the next frame, up to one frame interval.',
      '',
      markdownTable(
        ['from key press', 'median', 'p95', 'max'],
        [
          row('to the input event', samples.map((s) => s.input - s.keydown)),
          row(`to ${watching === 'chart' ? 'the chart' : 'the page'} updated in the DOM`, samples.map((s) => s.changed - s.keydown)),
          row('to the next frame', samples.map((s) => s.frame - s.keydown)),
          row('**to the frame painted**', total),
        ],
      ),
      '',
      `Target: 95th percentile from key press to painted <= ${formatMilliseconds(TARGET_SECONDS)}: ` +
        `${formatMilliseconds(p95Seconds)}, ${verdict(p95Seconds, TARGET_SECONDS, formatMilliseconds)}` +
        ` (${samples.length} moves measured${missing ? `, ${missing} without a change in time` : ''}).`,
      '',
      'Main-thread CPU time per move (Chromium `Performance.getMetrics` in thread ticks, over the',
      `${TIMED_MOVES} timed moves and the pauses after them, DevTools commands excluded). Unlike the`,
      'latency above, it leaves out time the thread waited for a core, so it shows the work a move',
      'costs on a busy machine:',
      '',
      markdownTable(
        ['main-thread work per move', 'CPU time'],
        [
          ['all tasks', formatMilliseconds(taskSeconds)],
          ['script', formatMilliseconds(perMove('ScriptDuration'))],
          ['style recalculation', formatMilliseconds(perMove('RecalcStyleDuration'))],
          ['layout', formatMilliseconds(perMove('LayoutDuration'))],
        ],
      ),
      '',
      `Cross-check with the Event Timing API: ${eventDurations.length} keydown events lasted 16 ms or more` +
        (eventDurations.length ? ` (longest ${Math.max(...eventDurations)} ms, as Chromium rounds them to 8 ms).` : '.'),
    ].join('\n');
    return { title: 'Playground slider to painted chart', markdown };
  } finally {
    await browser.close();
  }
}
