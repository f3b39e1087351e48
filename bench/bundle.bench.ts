/**
 * First-load JavaScript of every exported page, gzip-compressed, and a check that no page
 * loads TensorFlow.js before it imports it on demand.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatKilobytes, markdownTable, verdict } from './report';
import type { BenchContext, BenchResult } from './types';

const TARGET_BYTES = 200_000;
const GZIP_LEVEL = 9;

/**
 * Strings that survive minification and occur only in TensorFlow.js: the core's flag
 * query parameter, the kernel registry's error, and the WebGL and WASM backends' flag
 * names. Each one is checked against the installed package first, so the search below
 * cannot pass because a marker went stale.
 */
const TFJS_MARKERS: { marker: string; packageName: string; file: string }[] = [
  { marker: 'tfjsflags', packageName: '@tensorflow/tfjs-core', file: 'dist/tf-core.es2017.js' },
  { marker: 'may not be supported by the tfjs backend', packageName: '@tensorflow/tfjs-core', file: 'dist/tf-core.es2017.js' },
  { marker: 'WEBGL_VERSION', packageName: '@tensorflow/tfjs-backend-webgl', file: 'dist/tf-backend-webgl.es2017.js' },
  { marker: 'WASM_HAS_SIMD_SUPPORT', packageName: '@tensorflow/tfjs-backend-wasm', file: 'dist/tf-backend-wasm.es2017.js' },
];

const require = createRequire(import.meta.url);

function packageFile(packageName: string, file: string): string {
  return join(dirname(require.resolve(`${packageName}/package.json`)), file);
}

function checkMarkers(): void {
  for (const { marker, packageName, file } of TFJS_MARKERS) {
    const text = readFileSync(packageFile(packageName, file), 'utf8');
    if (!text.includes(marker)) throw new Error(`TensorFlow.js marker "${marker}" not found in ${packageName}/${file}; update TFJS_MARKERS`);
  }
}

function findPages(dir: string, siteDir: string, pages: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== '_next') findPages(path, siteDir, pages);
    } else if (name === 'index.html') {
      pages.push(path);
    }
  }
  return pages;
}

/** Scripts a modern browser loads with the page: every `<script src>` except `nomodule` ones. */
function firstLoadScripts(html: string): string[] {
  const sources: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attributes = match[1];
    const source = /\bsrc="([^"]+)"/i.exec(attributes)?.[1];
    if (!source || /\bnomodule\b/i.test(attributes)) continue;
    sources.push(source.split(/[?#]/)[0]);
  }
  return sources;
}

function pageRoute(siteDir: string, page: string): string {
  const folder = relative(siteDir, dirname(page)).split(sep).join('/');
  return folder ? `/${folder}/` : '/';
}

export default async function run({ siteDir }: BenchContext): Promise<BenchResult> {
  checkMarkers();
  const gzipBytes = new Map<string, number>();
  const rawBytes = new Map<string, number>();
  const tfjsChunks = new Map<string, string[]>();

  const measure = (source: string) => {
    if (gzipBytes.has(source)) return;
    const content = readFileSync(join(siteDir, source));
    const text = content.toString('utf8');
    rawBytes.set(source, content.length);
    gzipBytes.set(source, gzipSync(content, { level: GZIP_LEVEL }).length);
    const found = TFJS_MARKERS.filter(({ marker }) => text.includes(marker)).map(({ marker }) => marker);
    if (found.length) tfjsChunks.set(source, found);
  };

  const pages = findPages(siteDir, siteDir).sort();
  if (pages.length === 0) throw new Error(`no index.html under ${siteDir}`);
  const rows: string[][] = [];
  const failures: string[] = [];

  for (const page of pages) {
    const route = pageRoute(siteDir, page);
    const scripts = firstLoadScripts(readFileSync(page, 'utf8'));
    scripts.forEach(measure);
    const gzip = scripts.reduce((sum, source) => sum + (gzipBytes.get(source) ?? 0), 0);
    const raw = scripts.reduce((sum, source) => sum + (rawBytes.get(source) ?? 0), 0);
    const tfjs = scripts.filter((source) => tfjsChunks.has(source));
    if (gzip > TARGET_BYTES) failures.push(route);
    rows.push([
      `\`${route}\``,
      String(scripts.length),
      formatKilobytes(raw),
      formatKilobytes(gzip),
      verdict(gzip, TARGET_BYTES, formatKilobytes),
      tfjs.length ? `**found** in ${tfjs.map((source) => `\`${source}\` (${tfjsChunks.get(source)!.join(', ')})`).join(', ')}` : 'none',
    ]);
  }

  // Chunks that no page loads first, such as the dynamically imported model: where
  // TensorFlow.js should be, which shows that the marker search finds it.
  const chunkDir = join(siteDir, '_next', 'static', 'chunks');
  const lazyChunks = readdirSync(chunkDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .map((name) => `/_next/static/chunks/${name.split(sep).join('/')}`)
    .filter((source) => !gzipBytes.has(source));
  const lazyWithTfjs = lazyChunks.filter((source) => {
    const text = readFileSync(join(siteDir, source), 'utf8');
    return TFJS_MARKERS.some(({ marker }) => text.includes(marker));
  });

  const pagesWithTfjs = rows.filter((row) => row[5] !== 'none').length;
  const markdown = [
    `Method: for each \`index.html\` of the static export (${pages.length} pages), every \`<script src>\``,
    'except `nomodule` ones (the polyfills a modern browser skips), each file compressed',
    `with \`node:zlib\` gzip at level ${GZIP_LEVEL}; 1 kB = 1,000 bytes. Inline scripts (the React Server`,
    'Components payload) are part of the HTML and not counted. TensorFlow.js is searched for',
    `by strings only it contains (${TFJS_MARKERS.map(({ marker }) => `\`${marker}\``).join(', ')}), each`,
    'first confirmed in the installed package.',
    '',
    markdownTable(['page', 'scripts', 'raw', 'gzip', `target <= ${formatKilobytes(TARGET_BYTES)} gzip`, 'TensorFlow.js in first load'], rows),
    '',
    `Pages over the target: ${failures.length ? failures.map((route) => `\`${route}\``).join(', ') : 'none'}.`,
    `Pages that load TensorFlow.js first: ${pagesWithTfjs === 0 ? 'none (met)' : `${pagesWithTfjs} (missed)`}.`,
    `TensorFlow.js found in ${lazyWithTfjs.length} of ${lazyChunks.length} chunks that no page loads first` +
      (lazyWithTfjs.length ? ' (loaded on demand, as intended).' : ': no page imports it yet, or the markers no longer match the build.'),
  ].join('\n');

  return { title: 'First-load JavaScript', markdown };
}
