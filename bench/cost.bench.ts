/**
 * Speed of the cost model in Node: one evaluation, and a sweep over 10,000
 * configurations such as a chart or a scan of the playground computes.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_CONFIG, describeModel, type Config } from '../lib/config/config';
import { SIZE_NAMES, T5_SIZES, type PresetSizeName } from '../lib/config/models';
import { normalizeConfig, parseConfig } from '../lib/config/url';
import { evaluate } from '../lib/cost';
import { formatMicroseconds, formatMilliseconds, markdownTable, median, percentile, verdict } from './report';
import type { BenchResult } from './types';

const SINGLE_TARGET_SECONDS = 20e-6;
const SWEEP_TARGET_SECONDS = 200e-3;
const SINGLE_WARMUP_RUNS = 2_000;
const SINGLE_TIMED_RUNS = 10_000;
const SWEEP_CONFIGS = 10_000;
const SWEEP_WARMUP_ROUNDS = 2;
const SWEEP_TIMED_ROUNDS = 9;
const SWEEP_SEED = 20230601;

/** The defaults, FiDO-Large-XXL, and a long output (self-attention is costed step by step). */
const SINGLE_QUERIES = ['', '?enc=large&dec=xxl&k=6&kv=1', '?ttokens=256'];

const PRESET_SIZES = SIZE_NAMES.filter((size): size is PresetSizeName => size !== 'custom');

/** Keeps results alive so the engine cannot drop the evaluations as dead code. */
let sink = 0;

/** Mulberry32: a small seeded generator, so every run sweeps the same configurations. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function sweepConfigs(count: number): Config[] {
  const random = seededRandom(SWEEP_SEED);
  const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const configs: Config[] = [];

  for (let i = 0; i < count; i++) {
    const encoderSize = pick(PRESET_SIZES);
    const decoderSize = pick(PRESET_SIZES);
    const decoder = T5_SIZES[decoderSize];
    const kvChoices = [0, 1, 2, 4, 8].filter((g) => g < decoder.heads && (g === 0 || decoder.heads % g === 0));
    const passageTokens = pick([64, 128, 256, 384, 512]);
    const config: Config = {
      ...DEFAULT_CONFIG,
      encoderSize,
      decoderSize,
      passages: integer(1, 100),
      passageTokens,
      targetTokens: integer(1, 128),
      batchSize: pick([1, 8, 64, 256]),
      crossAttentionPeriod: integer(1, decoder.layers),
      kvHeads: pick(kvChoices),
      firstK: random() < 0.2 ? integer(1, 64) : 0,
    };
    configs.push(normalizeConfig(config).config);
  }
  return configs;
}

function timeSingle(config: Config): { median: number; p95: number } {
  for (let i = 0; i < SINGLE_WARMUP_RUNS; i++) sink += evaluate(config).flops.total;
  const samples: number[] = [];
  for (let i = 0; i < SINGLE_TIMED_RUNS; i++) {
    const started = performance.now();
    sink += evaluate(config).flops.total;
    samples.push((performance.now() - started) / 1000);
  }
  return { median: median(samples), p95: percentile(samples, 95) };
}

/** Wall-clock and CPU seconds of each timed sweep. CPU time leaves out waits for other processes. */
function timeSweep(configs: Config[]): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < SWEEP_WARMUP_ROUNDS + SWEEP_TIMED_ROUNDS; round++) {
    const startedCpu = process.cpuUsage();
    const started = performance.now();
    for (const config of configs) sink += evaluate(config).flops.total;
    const wallSeconds = (performance.now() - started) / 1000;
    const usage = process.cpuUsage(startedCpu);
    if (round < SWEEP_WARMUP_ROUNDS) continue;
    wall.push(wallSeconds);
    cpu.push((usage.user + usage.system) / 1e6);
  }
  return { wall, cpu };
}

export default async function run(): Promise<BenchResult> {
  const singleRows = SINGLE_QUERIES.map((query) => {
    const config = parseConfig(query).config;
    const { median: typical, p95 } = timeSingle(config);
    return [
      describeModel(config),
      String(config.targetTokens),
      query ? `\`${query}\`` : '(defaults)',
      formatMicroseconds(typical),
      formatMicroseconds(p95),
      verdict(typical, SINGLE_TARGET_SECONDS, formatMicroseconds),
    ];
  });

  const configs = sweepConfigs(SWEEP_CONFIGS);
  const rounds = timeSweep(configs);
  const wallMedian = median(rounds.wall);
  const cpuMedian = median(rounds.cpu);
  const sweepRows = [
    [
      'wall clock',
      formatMilliseconds(wallMedian),
      formatMilliseconds(Math.min(...rounds.wall)),
      formatMilliseconds(Math.max(...rounds.wall)),
      formatMicroseconds(wallMedian / SWEEP_CONFIGS),
      verdict(wallMedian, SWEEP_TARGET_SECONDS, formatMilliseconds),
    ],
    [
      'CPU time of this process',
      formatMilliseconds(cpuMedian),
      formatMilliseconds(Math.min(...rounds.cpu)),
      formatMilliseconds(Math.max(...rounds.cpu)),
      formatMicroseconds(cpuMedian / SWEEP_CONFIGS),
      verdict(cpuMedian, SWEEP_TARGET_SECONDS, formatMilliseconds),
    ],
  ];

  const markdown = [
    'Method: `evaluate(config)` from lib/cost in Node.js (tsx), on a configuration parsed',
    `from the query beforehand. One evaluation: ${SINGLE_WARMUP_RUNS.toLocaleString('en-US')} warm-up runs, then`,
    `${SINGLE_TIMED_RUNS.toLocaleString('en-US')} runs each timed with \`performance.now()\`; median and 95th percentile`,
    '(nearest rank). Evaluation time grows with the target length, because self-attention',
    'is costed step by step.',
    '',
    markdownTable(['model', 'target tokens', 'query', 'median', 'p95', `target <= ${formatMicroseconds(SINGLE_TARGET_SECONDS)} (median)`], singleRows),
    '',
    `Sweep: ${SWEEP_CONFIGS.toLocaleString('en-US')} configurations drawn with a fixed seed (${SWEEP_SEED}) and made`,
    'consistent with `normalizeConfig` before timing: encoder and decoder each one of the five',
    'T5.1.1 sizes, 1 to 100 passages of 64 to 512 tokens, 1 to 128 target tokens, K from 1 to',
    'the decoder layers, g in {multi-head, 1, 2, 4, 8}, FiD-Light first-k on for 20%, batch',
    `1 to 256. ${SWEEP_WARMUP_ROUNDS} warm-up sweeps, then ${SWEEP_TIMED_ROUNDS} timed sweeps; the median is judged.`,
    'Wall-clock time is what a page would wait. CPU time (`process.cpuUsage`) leaves out the',
    'time other processes held the cores, so it shows the code itself on a busy machine.',
    '',
    markdownTable(
      [`${SWEEP_CONFIGS.toLocaleString('en-US')}-configuration sweep`, 'median', 'fastest', 'slowest', 'per configuration', `target <= ${formatMilliseconds(SWEEP_TARGET_SECONDS)} (median)`],
      sweepRows,
    ),
  ].join('\n');

  if (!Number.isFinite(sink)) throw new Error('an evaluation returned a non-finite FLOP count');
  return { title: 'Cost model speed', markdown };
}
