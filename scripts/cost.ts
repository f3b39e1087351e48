/**
 * Prints the cost model's figures for one configuration given as a permalink query or a
 * whole URL, parsed by the same code as the page.
 *
 *   npm run --silent cost -- [--json] [--prefix b.] ['?enc=large&dec=xxl&k=6&kv=1']
 *
 * Exit status: 0 on success (a malformed query is clamped as on the page, with notices),
 * 2 on invalid command-line usage.
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_CONFIG,
  decoderDims,
  describeModel,
  effectiveKvHeads,
  encoderDims,
  type Config,
} from '../lib/config/config';
import { PRECISIONS } from '../lib/config/hardware';
import { sizeLabel, type StackDims } from '../lib/config/models';
import { CONFIG_FIELDS, type Field } from '../lib/config/schema';
import { configQuery, parseConfig, toSearchParams, type Notice } from '../lib/config/url';
import { evaluate, type CostResult } from '../lib/cost';
import { crossCacheBytes, selfCacheBytes } from '../lib/cost/memory';
import { pluralize } from '../lib/text/plural';
import {
  formatBytes,
  formatFlops,
  formatNumber,
  formatPercent,
  formatSeconds,
  formatSi,
  renderTable,
} from './costFormat';

const USAGE_EXIT_CODE = 2;

const PEAK_PHASE_NAMES: Record<CostReport['memory']['peakPhase'], string> = {
  encode: 'encoding',
  project: 'the cross-attention key/value projection',
  decode: 'decoding',
};

/** Everything the command prints, in the shape `--json` writes. All figures are per sample. */
interface CostReport {
  model: string;
  /** The canonical permalink query of the configuration used (empty for the defaults). */
  query: string;
  config: Config;
  notices: Notice[];
  params: { encoder: number; decoder: number; total: number };
  flops: { encoder: number; decoder: number; crossAttentionKvProjection: number; total: number };
  /** Forward plus backward: three times the forward FLOPs. */
  trainingFlops: number;
  /** Roofline seconds per sample at the effective batch; null when not even batch 1 fits. */
  seconds: { encoder: number | null; decoder: number | null; total: number | null };
  decoderShare: number | null;
  batch: CostResult['batch'];
  /**
   * Memory in bytes. `peak` breaks down one sample in `peakPhase`, the phase that needs the
   * most memory, so its cache terms can be 0 (the encode phase holds no cache). The full
   * key/value caches of one sample are separate fields.
   */
  memory: {
    weightBytes: number;
    peakPhase: CostResult['memory']['peakPhase'];
    peak: { crossCacheBytes: number; selfCacheBytes: number; activationBytes: number; totalBytes: number };
    bytesPerSample: number;
    crossAttentionCacheBytes: number;
    selfAttentionCacheBytes: number;
    bytesAtEffectiveBatch: number;
    capacityBytes: number;
    maxBatch: number;
  };
  /** Query keys that matched no configuration key, listed when none matched. */
  unrecognizedKeys: string[];
  device: CostResult['device'];
  crossAttentionLayers: number[];
  operations: {
    name: string;
    label: string;
    phase: string;
    runs: number;
    flops: number;
    bytes: number;
    weightBytes: number;
    activationBytes: number;
    cacheReadBytes: number;
    cacheWriteBytes: number;
    flopsPerByte: number;
    computeSeconds: number;
    memorySeconds: number;
    seconds: number | null;
    bound: string;
  }[];
}

/**
 * Lists the keys of a non-empty query when none of them is a configuration key, such as
 * `hello` or `enc:large`, so the caller can say that the defaults were used.
 */
function unrecognizedKeys(query: string, prefix: string): string[] {
  const keys = [...new Set(toSearchParams(query).keys())];
  const known = new Set(CONFIG_FIELDS.map((field) => prefix + field.key));
  return keys.some((key) => known.has(key)) ? [] : keys;
}

/** Formats the notice for a query in which no key was recognised. */
function formatUnrecognized(keys: string[]): string {
  const listed = keys.map((key) => JSON.stringify(key)).join(', ');
  return `notice: no key=value pair of the query was recognised (unknown keys: ${listed}); the defaults are used. Run with --help for the keys.`;
}

function buildReport(query: string, prefix = ''): CostReport {
  const { config, notices } = parseConfig(query, prefix);
  const result = evaluate(config);
  const fits = result.seconds !== null;
  const kvProjection = result.operations.find((op) => op.name === 'decoder.crossAttention.kvProjection');

  return {
    model: describeModel(config),
    query: configQuery(config),
    config,
    notices,
    params: { encoder: result.params.encoder, decoder: result.params.decoder, total: result.params.total },
    flops: {
      encoder: result.flops.encoder,
      decoder: result.flops.decoder,
      crossAttentionKvProjection: kvProjection?.flops ?? 0,
      total: result.flops.total,
    },
    trainingFlops: result.flops.trainingPerSample,
    seconds: {
      encoder: result.seconds?.encoder ?? null,
      decoder: result.seconds?.decoder ?? null,
      total: result.seconds?.total ?? null,
    },
    decoderShare: result.seconds && result.seconds.total > 0 ? result.seconds.decoder / result.seconds.total : null,
    batch: result.batch,
    memory: {
      weightBytes: result.memory.weightBytes,
      peakPhase: result.memory.peakPhase,
      peak: {
        crossCacheBytes: result.memory.crossCacheBytesPerSample,
        selfCacheBytes: result.memory.selfCacheBytesPerSample,
        activationBytes: result.memory.activationBytesPerSample,
        totalBytes: result.memory.bytesPerSample,
      },
      bytesPerSample: result.memory.bytesPerSample,
      capacityBytes: result.memory.capacityBytes,
      maxBatch: result.memory.maxBatch,
      crossAttentionCacheBytes: crossCacheBytes(result.shape),
      selfAttentionCacheBytes: selfCacheBytes(result.shape),
      bytesAtEffectiveBatch: result.memory.weightBytes + result.batch.effective * result.memory.bytesPerSample,
    },
    unrecognizedKeys: unrecognizedKeys(query, prefix),
    device: result.device,
    crossAttentionLayers: result.crossAttentionLayers,
    operations: result.operations.map((op) => ({
      name: op.name,
      label: op.label,
      phase: op.phase,
      runs: op.runs,
      flops: op.flops,
      bytes: op.bytes,
      weightBytes: op.weightBytes,
      activationBytes: op.activationBytes,
      cacheReadBytes: op.cacheReadBytes,
      cacheWriteBytes: op.cacheWriteBytes,
      flopsPerByte: op.flopsPerByte,
      computeSeconds: op.computeSeconds,
      memorySeconds: op.memorySeconds,
      seconds: fits ? op.seconds : null,
      bound: op.bound,
    })),
  };
}

// ---------------------------------------------------------------------------------------
// Table output

function describeStack(size: Config['encoderSize'], dims: StackDims): string {
  return (
    `${sizeLabel(size)}: d_model ${dims.dModel}, d_ff ${dims.dFf}, ` +
    `${pluralize(dims.heads, 'head')} × d_kv ${dims.dKv}, ${pluralize(dims.layers, 'layer')}`
  );
}

function describeConfig(report: CostReport): string[][] {
  const c = report.config;
  const decoder = decoderDims(c);
  const g = effectiveKvHeads(c);
  const precision = PRECISIONS[c.precision];
  const device = report.device;
  const vectorsRead = c.passages * (c.firstK > 0 ? c.firstK : c.passageTokens);
  const layers = report.crossAttentionLayers;
  let attention = 'grouped-query';
  if (g === decoder.heads) attention = 'multi-head';
  else if (g === 1) attention = 'multi-query';

  return [
    ['model', report.model],
    ['encoder', describeStack(c.encoderSize, encoderDims(c))],
    ['decoder', describeStack(c.decoderSize, decoder)],
    ['passages', `${c.passages} × ${c.passageTokens} tokens, question included`],
    ['FiD-Light first-k', c.firstK > 0 ? `${pluralize(c.firstK, 'vector')} per passage` : 'off (all tokens)'],
    ['decoder reads', `${formatNumber(vectorsRead)} encoder vectors`],
    ['target tokens', String(c.targetTokens)],
    [
      'cross-attention',
      `period K = ${c.crossAttentionPeriod}: ${layers.length} of ${pluralize(decoder.layers, 'layer')}` +
        (layers.length < decoder.layers ? ` (${layers.join(', ')})` : ''),
    ],
    ['key/value heads g', `${g} of ${decoder.heads} (${attention})`],
    [
      'precision',
      `${precision.label}: weights ${precision.weightBytesPerElement} B, caches ${precision.cacheBytesPerElement} B, ` +
        `activations ${precision.activationBytesPerElement} B per element`,
    ],
    [
      'accelerator',
      `${device.label}: ${formatSi(device.flopsPerSecond, 'FLOP/s')}, ${formatSi(device.bytesPerSecond, 'B/s')} attainable, ` +
        `${formatBytes(device.memoryBytes)}`,
    ],
    ['efficiency', `compute ${formatPercent(c.computeEfficiency)}, bandwidth ${formatPercent(c.bandwidthEfficiency)}`],
    ['ridge point', `${formatNumber(device.ridgeFlopsPerByte)} FLOPs/B`],
    ['query', report.query || '(all defaults)'],
  ];
}

function section(title: string, rows: string[][]): string {
  return `${title}\n${renderTable(rows.map((row) => ['  ' + row[0], ...row.slice(1)]), ['left', 'right', 'left'])}`;
}

function renderReport(report: CostReport): string {
  const { params, flops, seconds, batch, memory } = report;
  const fits = seconds.total !== null;
  const parts: string[] = [];

  parts.push(`Configuration (figures are per sample)\n${renderTable(describeConfig(report).map(([k, v]) => ['  ' + k, v]), ['left', 'left'])}`);

  parts.push(
    section('Parameters', [
      ['encoder', formatSi(params.encoder, '')],
      ['decoder', formatSi(params.decoder, ''), 'output layer included'],
      ['total', formatSi(params.total, '')],
    ]),
  );

  parts.push(
    section('FLOPs (1 multiply-add = 2 FLOPs)', [
      ['encoder', formatFlops(flops.encoder)],
      ['decoder', formatFlops(flops.decoder), `cross-attention K/V projection ${formatFlops(flops.crossAttentionKvProjection)} included`],
      ['total', formatFlops(flops.total)],
      ['decoder / encoder', formatNumber(flops.decoder / flops.encoder)],
      ['training', formatFlops(report.trainingFlops), '3 × forward'],
    ]),
  );

  const notFit = 'not even batch 1 fits';
  parts.push(
    section(`Seconds per sample (roofline at batch ${batch.effective})`, [
      ['encoder', formatSeconds(seconds.encoder), fits ? '' : notFit],
      ['decoder', formatSeconds(seconds.decoder)],
      ['total', formatSeconds(seconds.total)],
      ['decoder share', formatPercent(report.decoderShare)],
    ]),
  );

  parts.push(
    section('Batch', [
      ['requested', String(batch.requested)],
      ['effective', String(batch.effective), batch.limitedByMemory ? 'lowered to the largest that fits' : ''],
      ['max that fits', String(batch.max)],
    ]),
  );

  parts.push(
    section('Memory', [
      ['weights', formatBytes(memory.weightBytes)],
      ['cross-attention cache', formatBytes(memory.crossAttentionCacheBytes), 'per sample, keys and values of every cross-attention layer'],
      ['self-attention cache', formatBytes(memory.selfAttentionCacheBytes), 'per sample, after the last step'],
      ['peak per sample', formatBytes(memory.bytesPerSample), `during ${PEAK_PHASE_NAMES[memory.peakPhase]}`],
      ['total at effective batch', formatBytes(memory.bytesAtEffectiveBatch), fits ? 'weights + batch × peak' : `${notFit}; shown at batch 1`],
      ['capacity', formatBytes(memory.capacityBytes)],
    ]),
  );

  const header = ['operation', 'phase', 'FLOPs', 'bytes', 'FLOPs/B', 'seconds', 'bound'];
  const rows = report.operations.map((op) => [
    op.name,
    op.phase,
    formatFlops(op.flops),
    formatBytes(op.bytes),
    formatNumber(op.flopsPerByte),
    formatSeconds(op.seconds),
    op.bound,
  ]);
  parts.push(
    `Operations (per sample at batch ${batch.effective})\n` +
      renderTable([header, ...rows], ['left', 'left', 'right', 'right', 'right', 'right', 'left'])
        .split('\n')
        .map((line) => '  ' + line)
        .join('\n'),
  );

  return parts.join('\n\n');
}

function formatNotice(notice: Notice): string {
  return `notice: ${notice.key}=${notice.given} was replaced by ${notice.used}: ${notice.reason}`;
}

// ---------------------------------------------------------------------------------------
// Help

function describeRange(field: Field<unknown>): string {
  if (field.choices) return `one of ${field.choices.join(', ')}`;
  if (field.limits) {
    const { min, max, integer } = field.limits;
    return `${integer ? 'whole number' : 'number'} from ${formatNumber(min)} to ${formatNumber(max)}`;
  }
  return '';
}

function usage(): string {
  const fields = CONFIG_FIELDS as readonly Field<unknown>[];
  const rows = fields.map((field) => [
    '  ' + field.key,
    field.description,
    describeRange(field),
    `default ${field.format(field.get(DEFAULT_CONFIG))}`,
  ]);
  return [
    'Usage: npm run --silent cost -- [--json] [--prefix PREFIX] [QUERY]',
    '',
    'Prints parameters, FLOPs, memory, batch and roofline seconds per sample of one FiD,',
    'FiD-Light or FiDO configuration, from the same cost model and URL parser as the site.',
    '',
    'QUERY is a permalink query (?enc=large&dec=xxl&k=6&kv=1), a bare query (k=6&kv=1)',
    "or a whole URL. Quote it, since the shell reads & as a command separator. Without it",
    'the defaults are used. Invalid or out-of-range values are replaced as on the page and',
    'reported as notices (on stderr, or in the "notices" field with --json).',
    '',
    'Options:',
    '  --json             print one JSON object instead of tables (numbers in FLOPs, bytes,',
    '                     seconds and FLOPs per byte, per sample)',
    '  --prefix PREFIX    read only keys that start with PREFIX, such as b. for the second',
    '                     configuration of a comparison link',
    '  -h, --help         print this help',
    '',
    'Query keys (custom dimension keys apply when enc or dec is custom; peak, bw and mem',
    'apply when hw is custom):',
    renderTable(rows, ['left', 'left', 'left', 'left']),
    '',
    'Exit status: 0 on success, including a clamped query; 2 on an unknown option or more',
    'than one query.',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------
// Entry point

interface Options {
  json: boolean;
  help: boolean;
  prefix: string;
  query: string;
}

function readOptions(argv: string[]): Options {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      prefix: { type: 'string', default: '' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) {
    throw new Error(
      `expected at most one query, got ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(' ')}. ` +
        'Join the keys with & inside one quoted argument.',
    );
  }
  return { json: values.json, help: values.help, prefix: values.prefix, query: positionals[0] ?? '' };
}

/**
 * Returns the message of a command-line error. Node's message for an unknown option
 * ends in unbalanced quotes, so that one is rewritten.
 */
function usageErrorMessage(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const option = /^Unknown option '([^']*)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    return `unknown option '${option}'. A query that starts with '-' goes after '--', as in: -- '${option}'`;
  }
  return message;
}

function main(argv: string[]): number {
  let options: Options;
  try {
    options = readOptions(argv);
  } catch (error) {
    process.stderr.write(`cost: ${usageErrorMessage(error)}\nRun with --help for usage.\n`);
    return USAGE_EXIT_CODE;
  }

  if (options.help) {
    process.stdout.write(usage() + '\n');
    return 0;
  }

  const report = buildReport(options.query, options.prefix);
  if (report.unrecognizedKeys.length > 0) process.stderr.write(formatUnrecognized(report.unrecognizedKeys) + '\n');
  if (options.json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    return 0;
  }
  for (const notice of report.notices) process.stderr.write(formatNotice(notice) + '\n');
  process.stdout.write(renderReport(report) + '\n');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
