/**
 * Runs every bench/*.bench.ts module against a fresh static build and writes the figures
 * to docs/benchmarks.md.
 *
 *   npm run bench -- [--no-build] [--only cost,bundle]
 *
 * BENCH_DIST_DIR and BENCH_PORT override the build folder and the port below.
 *
 * Steps: build the site with NEXT_DIST_DIR=.build-bench (skipped with --no-build when the
 * folder exists), serve it with scripts/serve.mjs on 127.0.0.1:3290, run the modules one
 * after another, stop the server and write the page. A module that throws gets its error
 * on the page, and the command then exits 1. With --only the page goes to stdout and
 * docs/benchmarks.md keeps the last full run.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchContext, BenchModule, BenchResult } from './types';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH_DIR = join(ROOT, 'bench');
// BENCH_DIST_DIR and BENCH_PORT let several checkouts run benches side by side.
const DIST_DIR = process.env.BENCH_DIST_DIR || '.build-bench';
const PORT = Number(process.env.BENCH_PORT || 3290);
const HOST = '127.0.0.1';
const OUTPUT = join(ROOT, 'docs', 'benchmarks.md');
const CHROMIUM = '/usr/bin/chromium';
const SERVER_START_TIMEOUT_MS = 15_000;

interface ModuleOutcome {
  file: string;
  seconds: number;
  /** One-minute load average when the module started, against the core count. */
  loadAverage: number;
  result?: BenchResult;
  error?: string;
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function buildSite(): void {
  log(`building the static site into ${DIST_DIR}/`);
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error(`next build failed with exit status ${build.status}`);
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`scripts/serve.mjs exited with status ${server.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`scripts/serve.mjs did not respond at ${url} within ${SERVER_START_TIMEOUT_MS} ms`);
}

async function startServer(): Promise<ChildProcess> {
  const server = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs'), String(PORT), DIST_DIR], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForServer(`http://${HOST}:${PORT}/`, server);
  log(`serving ${DIST_DIR}/ at http://${HOST}:${PORT}/ (pid ${server.pid})`);
  return server;
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
  log(`stopped the server (pid ${server.pid})`);
}

function benchFiles(only: string[]): string[] {
  const files = readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith('.bench.ts'))
    .sort();
  if (only.length === 0) return files;
  const chosen = files.filter((file) => only.includes(file.replace(/\.bench\.ts$/, '')));
  const unknown = only.filter((name) => !files.includes(`${name}.bench.ts`));
  if (unknown.length) throw new Error(`no bench/<name>.bench.ts for --only ${unknown.join(', ')}; found ${files.join(', ')}`);
  return chosen;
}

async function runModule(file: string, context: BenchContext): Promise<ModuleOutcome> {
  const started = performance.now();
  const loadAverage = loadavg()[0];
  log(`running ${file} (load average ${loadAverage.toFixed(2)})`);
  try {
    const loaded = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as { default?: BenchModule };
    if (typeof loaded.default !== 'function') throw new Error(`${file} has no default export function`);
    const result = await loaded.default(context);
    return { file, seconds: (performance.now() - started) / 1000, loadAverage, result };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`${file} failed: ${message}`);
    return { file, seconds: (performance.now() - started) / 1000, loadAverage, error: message };
  }
}

// ---------------------------------------------------------------------------------------
// Machine description

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((text) => text.startsWith('model name'));
    if (line) return line.split(':')[1].trim();
  } catch {
    // /proc is Linux only; fall back to what Node reports.
  }
  return cpus()[0]?.model ?? 'unknown';
}

function chromiumVersion(): string {
  try {
    const output = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return output.trim();
  } catch (error) {
    return `unavailable (${(error as Error).message.split('\n')[0]})`;
  }
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    // The page this run rewrites does not count as a change to the code measured.
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!docs/benchmarks.md'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${commit} with uncommitted changes` : commit;
  } catch {
    return 'unknown';
  }
}

function machineSection(date: Date): string {
  const gib = totalmem() / 2 ** 30;
  return [
    '## Machine',
    '',
    `- Date: ${date.toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Code: commit ${gitCommit()}`,
    `- CPU: ${cpuModel()}, ${cpus().length} logical cores`,
    `- Memory: ${gib.toFixed(1)} GiB`,
    `- OS: ${type()} ${release()}`,
    `- Node.js: ${process.version}`,
    `- Chromium: ${chromiumVersion()} (${CHROMIUM}, headless)`,
  ].join('\n');
}

function renderPage(date: Date, outcomes: ModuleOutcome[], setupError?: string): string {
  const parts = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts): do not edit by hand. The runner builds the',
    `static site with \`NEXT_DIST_DIR=${DIST_DIR}\`, serves it on ${HOST}:${PORT} with`,
    '`scripts/serve.mjs` and runs each `bench/*.bench.ts` module in turn. Timings depend on',
    'this machine and on what else ran on it: each section ends with the load average when',
    'it started. Rerun the command to compare.',
    '',
    machineSection(date),
  ];
  if (setupError) parts.push('', '## Setup failed', '', '```text', setupError, '```');
  for (const outcome of outcomes) {
    if (outcome.result) {
      const footer =
        `_bench/${outcome.file}: ${outcome.seconds.toFixed(1)} s; one-minute load average ` +
        `${outcome.loadAverage.toFixed(2)} on ${cpus().length} cores when it started._`;
      parts.push('', `## ${outcome.result.title}`, '', outcome.result.markdown.trim(), '', footer);
    } else {
      parts.push('', `## bench/${outcome.file}: failed`, '', 'The module threw, so it has no figures:', '', '```text', outcome.error ?? '', '```');
    }
  }
  return parts.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------
// Entry point

const USAGE = `Usage: npm run bench -- [--no-build] [--only NAME[,NAME…]]

  --no-build   reuse ${DIST_DIR}/ when it exists instead of running next build
  --only       run only bench/NAME.bench.ts modules and print the page on stdout
               instead of writing docs/benchmarks.md
  -h, --help   print this help`;

function readOptions(): { noBuild: boolean; only: string[]; help: boolean } {
  const { values } = parseArgs({
    options: {
      'no-build': { type: 'boolean', default: false },
      only: { type: 'string', default: '' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const only = values.only ? values.only.split(',').map((name) => name.trim()) : [];
  return { noBuild: values['no-build'], only, help: values.help };
}

async function main(): Promise<number> {
  let options: ReturnType<typeof readOptions>;
  let files: string[];
  try {
    if (!Number.isInteger(PORT) || PORT < 1 || PORT > 65535) {
      throw new Error(`invalid BENCH_PORT ${process.env.BENCH_PORT}: expected a whole number from 1 to 65535`);
    }
    options = readOptions();
    files = benchFiles(options.only);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { only } = options;
  const date = new Date();
  const siteDir = join(ROOT, DIST_DIR);
  const outcomes: ModuleOutcome[] = [];
  let setupError: string | undefined;
  let server: ChildProcess | undefined;

  try {
    if (!options.noBuild || !existsSync(siteDir)) buildSite();
    server = await startServer();
    const context: BenchContext = { siteDir, baseUrl: `http://${HOST}:${PORT}` };
    for (const file of files) outcomes.push(await runModule(file, context));
  } catch (error) {
    setupError = error instanceof Error ? error.message : String(error);
    log(setupError);
  } finally {
    if (server) await stopServer(server);
  }

  const page = renderPage(date, outcomes, setupError);
  if (only.length) {
    process.stdout.write(page);
  } else {
    writeFileSync(OUTPUT, page);
    log(`wrote ${OUTPUT}`);
  }
  return setupError || outcomes.some((outcome) => outcome.error) ? 1 : 0;
}

process.exitCode = await main();
