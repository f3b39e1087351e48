// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONFIG_FIELDS } from '@/lib/config/schema';
import { parseConfig } from '@/lib/config/url';
import { evaluate } from '@/lib/cost';
import { crossCacheBytes } from '@/lib/cost/memory';

const root = fileURLToPath(new URL('../..', import.meta.url));

function runCost(...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'scripts/cost.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cost command line', () => {
  it('prints tables for a permalink query', () => {
    const { status, stdout, stderr } = runCost('?enc=large&dec=xxl&k=6&kv=1');

    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/model\s+FiDO-Large-XXL/);
    expect(stdout).toMatch(/cross-attention\s+period K = 6: 4 of 24 layers \(5, 11, 17, 23\)/);
    expect(stdout).toMatch(/^Parameters$/m);
    expect(stdout).toMatch(/^ {2}total\s+4\.577 G$/m);
    expect(stdout).toMatch(/^Seconds per sample/m);
    expect(stdout).toMatch(/decoder share\s+\d+\.\d%/);
    expect(stdout).toMatch(/^ {2}requested\s+64$/m);
    expect(stdout).toMatch(/^ {2}decoder\.crossAttention\.attention\s+decoder\s+[\d.]+ GFLOPs\s+[\d.]+ [kMG]B\s+[\d.,]+\s+[\d.]+ [µm]s\s+memory$/m);
  });

  it('prints the model figures as JSON', () => {
    const { status, stdout } = runCost('--json', '?enc=large&dec=xxl&k=6&kv=1');
    const report = JSON.parse(stdout);
    const expected = evaluate(parseConfig('?enc=large&dec=xxl&k=6&kv=1').config);

    expect(status).toBe(0);
    expect(report.config.crossAttentionPeriod).toBe(6);
    expect(report.config.kvHeads).toBe(1);
    expect(report.notices).toEqual([]);
    expect(report.params.encoder).toBe(expected.params.encoder);
    expect(report.params.decoder).toBe(expected.params.decoder);
    expect(report.params.total).toBe(expected.params.total);
    expect(report.flops.encoder).toBe(expected.flops.encoder);
    expect(report.flops.decoder).toBe(expected.flops.decoder);
    expect(report.trainingFlops).toBe(3 * expected.flops.total);
    expect(report.seconds).toEqual(expected.seconds);
    expect(report.batch.requested).toBe(64);
    expect(report.batch.effective).toBe(expected.batch.effective);
    expect(report.operations).toHaveLength(expected.operations.length);
    expect(report.memory.crossAttentionCacheBytes).toBe(crossCacheBytes(expected.shape));
    expect(report.memory.peakPhase).toBe(expected.memory.peakPhase);
    expect(report.memory.peak.crossCacheBytes).toBe(expected.memory.crossCacheBytesPerSample);
    expect(report.memory.peak.totalBytes).toBe(expected.memory.bytesPerSample);
    expect(report.memory).not.toHaveProperty('crossCacheBytesPerSample');
    expect(report.unrecognizedKeys).toEqual([]);
    expect(report.memory.bytesAtEffectiveBatch).toBe(expected.memory.weightBytes + expected.batch.effective * expected.memory.bytesPerSample);
  });

  it('counts the key/value projection in the decoder FLOPs', () => {
    const report = JSON.parse(runCost('--json').stdout);
    const projection = report.operations.find((op: { name: string }) => op.name === 'decoder.crossAttention.kvProjection');
    const decoderSum = report.operations
      .filter((op: { phase: string }) => op.phase === 'decoder')
      .reduce((sum: number, op: { flops: number }) => sum + op.flops, 0);

    expect(projection.flops).toBeGreaterThan(0);
    expect(report.flops.crossAttentionKvProjection).toBe(projection.flops);
    expect(report.flops.decoder).toBeCloseTo(decoderSum, 0);
    for (const op of report.operations) {
      expect(Object.keys(op)).toEqual(
        expect.arrayContaining(['name', 'phase', 'flops', 'bytes', 'flopsPerByte', 'seconds', 'bound']),
      );
    }
  });

  it('rejects an unknown flag', () => {
    const { status, stdout, stderr } = runCost('--bogus');

    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^cost: unknown option '--bogus'\. A query that starts with '-' goes after '--', as in: -- '--bogus'$/m);
    expect(stderr.split('\n')[0].split("'").length % 2).toBe(1);
    expect(stderr).toMatch(/--help/);
  });

  it('rejects two queries', () => {
    const { status, stderr } = runCost('enc=large', 'dec=xxl');

    expect(status).toBe(2);
    expect(stderr).toMatch(/expected at most one query, got 2/);
  });

  it('clamps a hostile query with notices', () => {
    const hostile = '?passages=-5&k=1e400&kv=<script>alert(1)</script>&enc=huge&batch=0x10&ttokens=99999';
    const table = runCost(hostile);
    const json = runCost('--json', hostile);
    const report = JSON.parse(json.stdout);

    expect(table.status).toBe(0);
    expect(table.stderr).toMatch(/^notice: passages=-5 was replaced by 1: below the minimum 1$/m);
    expect(table.stderr).toMatch(/^notice: enc=huge was replaced by base: not one of/m);
    expect(table.stdout).toMatch(/passages\s+1 × 256 tokens/);
    expect(json.status).toBe(0);
    expect(json.stderr).toBe('');
    expect(report.notices.map((n: { key: string }) => n.key).sort()).toEqual(['batch', 'enc', 'k', 'kv', 'passages', 'ttokens']);
    expect(report.config.passages).toBe(1);
    expect(report.config.targetTokens).toBe(4096);
    expect(report.config.kvHeads).toBe(0);
  });

  it('writes one layer and one head in the singular', () => {
    const { status, stdout } = runCost('?dec=custom&decl=1&dech=1&firstk=1');

    expect(status).toBe(0);
    expect(stdout).toMatch(/1 head × d_kv \d+, 1 layer$/m);
    expect(stdout).toMatch(/period K = 1: 1 of 1 layer$/m);
    expect(stdout).toMatch(/1 vector per passage/);
  });

  it('notes a query with no known key', () => {
    for (const query of ['hello', 'enc:large']) {
      const table = runCost(query);
      const json = runCost('--json', query);

      expect(table.status, query).toBe(0);
      expect(table.stderr, query).toContain(`no key=value pair of the query was recognised (unknown keys: "${query}")`);
      expect(json.stderr, query).toContain('the defaults are used');
      expect(JSON.parse(json.stdout).unrecognizedKeys, query).toEqual([query]);
    }
  });

  it('reads the query of a whole URL', () => {
    const { status, stdout } = runCost('--json', 'http://127.0.0.1:3000/playground/?dec=xl&k=6&kv=1#charts');
    const report = JSON.parse(stdout);

    expect(status).toBe(0);
    expect(report.model).toBe('FiDO-Base-XL');
    expect(report.query).toBe('?dec=xl&k=6&kv=1');
  });

  it('reads the second configuration with a prefix', () => {
    const report = JSON.parse(runCost('--json', '--prefix', 'b.', '?k=3&b.k=6&b.kv=1').stdout);

    expect(report.config.crossAttentionPeriod).toBe(6);
    expect(report.config.kvHeads).toBe(1);
  });

  it('gives null seconds when batch 1 does not fit', () => {
    const { status, stdout } = runCost('--json', '?enc=xxl&dec=xxl&hw=custom&mem=8');
    const report = JSON.parse(stdout);

    expect(status).toBe(0);
    expect(report.batch.fits).toBe(false);
    expect(report.seconds).toEqual({ encoder: null, decoder: null, total: null });
    expect(report.operations.every((op: { seconds: number | null }) => op.seconds === null)).toBe(true);
  });

  it('lists every query key in the help', () => {
    const { status, stdout } = runCost('--help');

    expect(status).toBe(0);
    for (const field of CONFIG_FIELDS) {
      const line = stdout.split('\n').find((text) => text.startsWith(`  ${field.key} `));
      expect(line, field.key).toContain(field.description);
    }
    expect(stdout).toMatch(/peak\s+custom accelerator peak in TFLOP\/s/);
  });
});
