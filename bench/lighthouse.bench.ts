/**
 * Lighthouse 12 scores of `/` and `/playground/` (accessibility, best practices,
 * performance), measured locally with Debian's Chromium in both of Lighthouse's form
 * factors: the default mobile run (simulated slow 4G and a 4x slower CPU) and the
 * desktop preset. Chromium resolves no host but 127.0.0.1, so nothing leaves the machine.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from 'lighthouse';
import type { BenchContext, BenchResult } from './types';

const CHROMIUM = '/usr/bin/chromium';
const PAGES = ['/', '/playground/'];
const CATEGORIES = ['accessibility', 'best-practices', 'performance'] as const;
type Category = (typeof CATEGORIES)[number];

/** Minimum scores (0 to 100) the site aims for on every page and form factor. */
const TARGETS: Record<Category, number> = { accessibility: 95, 'best-practices': 95, performance: 90 };

const CATEGORY_LABELS: Record<Category, string> = {
  accessibility: 'Accessibility',
  'best-practices': 'Best practices',
  performance: 'Performance',
};

/**
 * The flags playwright.config.ts passes, plus headless mode and a host-resolver rule that
 * makes every name but 127.0.0.1 fail at once, so no lookup can wait on a network.
 */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** Maximum wait for a page load inside Lighthouse, and for one whole run, in milliseconds. */
const MAX_WAIT_FOR_LOAD_MS = 45_000;
const RUN_TIMEOUT_MS = 180_000;

interface FormFactor {
  name: 'mobile' | 'desktop';
  description: string;
  config?: Config;
}

const FORM_FACTORS: FormFactor[] = [
  { name: 'mobile', description: 'Lighthouse default: Moto G Power screen, simulated slow 4G, 4x CPU slowdown' },
  { name: 'desktop', description: 'Lighthouse desktop preset: 1350x940 screen, simulated 10 Mbit/s, no CPU slowdown', config: desktopConfig },
];

interface FailingAudit {
  category: Category;
  id: string;
  title: string;
  score: number;
  displayValue?: string;
  /** False for diagnostics and insights, which Lighthouse shows but leaves out of the score. */
  weighted: boolean;
}

interface PageScores {
  path: string;
  formFactor: FormFactor['name'];
  scores: Record<Category, number | null>;
  failing: FailingAudit[];
  /** Requests Lighthouse saw to any origin but the site's. */
  foreignRequests: string[];
  runWarnings: string[];
}

function withTimeout<T>(promise: Promise<T>, milliseconds: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${milliseconds / 1000} s`)), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Audits of a category that scored below 0.9, weighted or not. */
function failingAudits(lhr: Result, category: Category): FailingAudit[] {
  const failing: FailingAudit[] = [];
  for (const reference of lhr.categories[category]?.auditRefs ?? []) {
    const audit = lhr.audits[reference.id];
    if (!audit || audit.score === null || audit.score >= 0.9) continue;
    if (audit.scoreDisplayMode === 'informative' || audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'manual') continue;
    failing.push({
      category,
      id: audit.id,
      title: audit.title,
      score: audit.score,
      displayValue: audit.displayValue,
      weighted: reference.weight > 0,
    });
  }
  return failing;
}

function foreignRequestsOf(lhr: Result, origin: string): string[] {
  const details = lhr.audits['network-requests']?.details;
  if (!details || details.type !== 'table') return [];
  return details.items
    .map((item) => String(item.url ?? ''))
    .filter((url) => url && !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
}

async function measure(url: string, origin: string, path: string, formFactor: FormFactor): Promise<PageScores> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
  try {
    const flags: Flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      maxWaitForLoad: MAX_WAIT_FOR_LOAD_MS,
    };
    const runner = await withTimeout(lighthouse(url, flags, formFactor.config), RUN_TIMEOUT_MS, `Lighthouse on ${url} (${formFactor.name})`);
    if (!runner) throw new Error(`Lighthouse returned no result for ${url}`);
    const { lhr } = runner;
    if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);

    const scores = Object.fromEntries(
      CATEGORIES.map((category) => {
        const score = lhr.categories[category]?.score;
        return [category, typeof score === 'number' ? Math.round(score * 100) : null];
      }),
    ) as Record<Category, number | null>;

    return {
      path,
      formFactor: formFactor.name,
      scores,
      failing: CATEGORIES.flatMap((category) => failingAudits(lhr, category)),
      foreignRequests: foreignRequestsOf(lhr, origin),
      runWarnings: lhr.runWarnings,
    };
  } finally {
    chrome.kill();
  }
}

function scoreCell(score: number | null, target: number): string {
  if (score === null) return 'no score';
  return score >= target ? `${score}` : `**${score}** (below ${target})`;
}

function renderMarkdown(results: PageScores[]): string {
  const lines: string[] = [
    'Method: Lighthouse 12 (npm package `lighthouse`) drives Debian\'s Chromium through',
    'chrome-launcher with the flags of playwright.config.ts, headless, and a host-resolver',
    'rule that fails every name but 127.0.0.1. Each page is measured once per form factor,',
    'so scores can move by a few points between runs, and performance, which times the',
    'main thread, drops when other work loads the machine. The pages come from',
    '`scripts/serve.mjs`, which gzips text and caches `/_next/static/` like a production host.',
    '',
    ...FORM_FACTORS.map((formFactor) => `- ${formFactor.name}: ${formFactor.description}.`),
    '',
    `Targets: ${CATEGORIES.map((category) => `${CATEGORY_LABELS[category].toLowerCase()} >= ${TARGETS[category]}`).join(', ')} on every page.`,
    '',
    `| page | form factor | ${CATEGORIES.map((category) => CATEGORY_LABELS[category]).join(' | ')} |`,
    `| --- | --- | ${CATEGORIES.map(() => '---:').join(' | ')} |`,
  ];
  for (const result of results) {
    const cells = CATEGORIES.map((category) => scoreCell(result.scores[category], TARGETS[category]));
    lines.push(`| \`${result.path}\` | ${result.formFactor} | ${cells.join(' | ')} |`);
  }

  const misses = results.flatMap((result) =>
    CATEGORIES.filter((category) => (result.scores[category] ?? 0) < TARGETS[category]).map(
      (category) => `\`${result.path}\` ${result.formFactor} ${CATEGORY_LABELS[category].toLowerCase()}`,
    ),
  );
  lines.push('', misses.length ? `Below target: ${misses.join('; ')}.` : 'Every score meets its target.');

  lines.push('', 'Scored audits below 0.9 (audit score, then the measured value):', '');
  for (const result of results) {
    const audits = result.failing
      .filter((audit) => audit.weighted)
      .map((audit) => `${audit.title} (${audit.score.toFixed(2)}${audit.displayValue ? `, ${audit.displayValue}` : ''})`);
    lines.push(`- \`${result.path}\` ${result.formFactor}: ${audits.length ? audits.join('; ') : 'none'}.`);
  }

  lines.push('', 'Diagnostics and insights flagged, which do not count towards the score:', '');
  for (const result of results) {
    const ids = result.failing.filter((audit) => !audit.weighted).map((audit) => `\`${audit.id}\``);
    lines.push(`- \`${result.path}\` ${result.formFactor}: ${ids.length ? ids.join(', ') : 'none'}.`);
  }

  const foreign = results.flatMap((result) => result.foreignRequests.map((url) => `\`${result.path}\`: ${url}`));
  lines.push('', foreign.length ? `Requests to other origins: ${foreign.join('; ')}.` : 'No page requested anything from another origin.');

  const warnings = results.flatMap((result) => result.runWarnings.map((warning) => `\`${result.path}\` ${result.formFactor}: ${warning}`));
  if (warnings.length) lines.push('', 'Lighthouse warnings:', '', ...warnings.map((warning) => `- ${warning}`));
  return lines.join('\n');
}

/**
 * Lighthouse's code for a trace that lost the page's navigation start. Its message requests
 * another run, and a lost trace contains no measurement, so the bench makes one more attempt.
 */
const LOST_TRACE = 'NO_NAVSTART';

async function measureWithRetry(url: string, origin: string, path: string, formFactor: FormFactor): Promise<PageScores> {
  try {
    return await measure(url, origin, path, formFactor);
  } catch (error) {
    if (!String(error).includes(LOST_TRACE)) throw error;
    process.stderr.write(`bench: lighthouse ${formFactor.name} ${path} lost its trace (${LOST_TRACE}); running it once more\n`);
    const scores = await measure(url, origin, path, formFactor);
    return { ...scores, runWarnings: [...scores.runWarnings, `the first run lost its trace (${LOST_TRACE}), so this is the second run`] };
  }
}

export default async function run(context: BenchContext): Promise<BenchResult> {
  const origin = new URL(context.baseUrl).origin;
  const results: PageScores[] = [];
  for (const formFactor of FORM_FACTORS) {
    for (const path of PAGES) {
      process.stderr.write(`bench: lighthouse ${formFactor.name} ${path}\n`);
      results.push(await measureWithRetry(`${origin}${path}`, origin, path, formFactor));
    }
  }
  return { title: 'Lighthouse: accessibility, best practices, performance', markdown: renderMarkdown(results) };
}
