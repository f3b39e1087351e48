import { describe, expect, it } from 'vitest';
import {
  csvField,
  encodeCsv,
  escapeXml,
  estimateTextWidth,
  exportFilename,
  standaloneSvg,
  standaloneSvgHeight,
} from '@/lib/charts/export';

describe('csvField', () => {
  it('leaves plain text and numbers bare', () => {
    expect(csvField('Encoder MLP')).toBe('Encoder MLP');
    expect(csvField(0.1 + 0.2)).toBe('0.3');
    expect(csvField(2.1084384907636364)).toBe('2.10843849076');
    expect(csvField(1e-20)).toBe('1e-20');
    expect(csvField(-3)).toBe('-3');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('quotes leading and trailing spaces so they survive', () => {
    expect(csvField(' padded ')).toBe('" padded "');
  });

  it('keeps unicode as it is', () => {
    expect(csvField('12.3 µs → 4×')).toBe('12.3 µs → 4×');
    expect(csvField('Q·Kᵀ, ünïcödé')).toBe('"Q·Kᵀ, ünïcödé"');
  });

  it('writes missing numbers as empty fields', () => {
    expect(csvField(NaN)).toBe('');
    expect(csvField(Infinity)).toBe('');
    expect(csvField(null)).toBe('');
  });
});

describe('encodeCsv', () => {
  const table = {
    columns: ['Operation', 'Time (ms)'],
    rows: [
      ['Decoder cross-attention over encoder keys/values', 10.2],
      ['Q, K and V', 1.5],
    ],
  };

  it('starts with the header row and ends lines with CRLF', () => {
    const text = encodeCsv(table);
    expect(text).toBe('Operation,Time (ms)\r\nDecoder cross-attention over encoder keys/values,10.2\r\n"Q, K and V",1.5\r\n');
  });

  it('puts the permalink in a final row as wide as the header', () => {
    const text = encodeCsv({ columns: ['a', 'b', 'c'], rows: [[1, 2, 3]] }, 'http://127.0.0.1/playground/?k=6&g=1');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('a,b,c');
    expect(lines[2]).toBe('Permalink,http://127.0.0.1/playground/?k=6&g=1,');
    expect(lines[2].split(',')).toHaveLength(3);
  });

  it('writes the same permalink row for one column', () => {
    const lines = encodeCsv({ columns: ['only'], rows: [['x']] }, 'http://127.0.0.1/?a=1,2').split('\r\n');

    expect(lines[0]).toBe('only,');
    expect(lines[1]).toBe('x,');
    expect(lines[2]).toBe('Permalink,"http://127.0.0.1/?a=1,2"');
  });

  it('quotes a header that holds a comma', () => {
    expect(encodeCsv({ columns: ['Time, per sample'], rows: [] })).toBe('"Time, per sample"\r\n');
  });
});

describe('standaloneSvg', () => {
  const base = {
    markup: '<rect width="10" height="10" style="fill:rgb(31, 119, 180)"/>',
    width: 300,
    height: 200,
    title: 'Time <per> sample & more',
    permalink: 'http://127.0.0.1/?a=1&b="2"',
    background: 'rgb(255, 255, 255)',
    foreground: 'rgb(27, 31, 36)',
    fontFamily: 'system-ui, "Segoe UI"',
  };

  it('parses as SVG with title, desc and permalink line', () => {
    const text = standaloneSvg(base);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const svg = doc.documentElement;
    expect(svg.getAttribute('height')).toBe(String(standaloneSvgHeight(200, base.permalink, 300)));
    expect(svg.querySelector('title')?.textContent).toBe('Time <per> sample & more');
    expect(svg.querySelector('desc')?.textContent).toBe('Permalink: http://127.0.0.1/?a=1&b="2"');
    const texts = Array.from(svg.querySelectorAll('text')).map((t) => t.textContent);
    expect(texts).toContain('http://127.0.0.1/?a=1&b="2"');
    expect(svg.getAttribute('font-family')).toBe('system-ui, "Segoe UI"');
  });

  it('paints the background behind the chart', () => {
    const doc = new DOMParser().parseFromString(standaloneSvg(base), 'image/svg+xml');
    const first = doc.documentElement.querySelector('rect');
    expect(first?.getAttribute('fill')).toBe('rgb(255, 255, 255)');
    expect(first?.getAttribute('height')).toBe(String(standaloneSvgHeight(200, base.permalink, 300)));
  });

  it('wraps a long permalink to the figure width', () => {
    const params = Array.from({ length: 30 }, (_, i) => `b.key${i}=Value${i}`).join('&');
    const permalink = `http://127.0.0.1:3500/playground/?enc=large&dec=xxl&k=6&kv=1&cmp=1&${params}`;
    expect(permalink.length).toBeGreaterThan(300);

    for (const width of [358, 766]) {
      const doc = new DOMParser().parseFromString(standaloneSvg({ ...base, width, permalink }), 'image/svg+xml');
      const lines = Array.from(doc.querySelectorAll('text')).map((t) => t.textContent ?? '');

      expect(lines.length, `lines at ${width} px`).toBeGreaterThan(1);
      expect(lines.join(''), `text at ${width} px`).toBe(permalink);
      for (const line of lines) expect(estimateTextWidth(line) + 16, line).toBeLessThanOrEqual(width);
      expect(doc.querySelector('desc')?.textContent).toBe(`Permalink: ${permalink}`);
    }
  });

  it('grows the document for every permalink line', () => {
    const permalink = `http://127.0.0.1/?${'a=1&'.repeat(80)}`;
    const doc = new DOMParser().parseFromString(standaloneSvg({ ...base, width: 358, permalink }), 'image/svg+xml');
    const texts = Array.from(doc.querySelectorAll('text'));
    const lastBaseline = Number(texts[texts.length - 1].getAttribute('y'));
    const height = Number(doc.documentElement.getAttribute('height'));

    expect(height).toBe(standaloneSvgHeight(200, permalink, 358));
    expect(lastBaseline).toBeLessThan(height);
    expect(lastBaseline).toBeGreaterThan(200 + 14 * (texts.length - 1));
  });

  it('adds no line without a permalink', () => {
    const doc = new DOMParser().parseFromString(standaloneSvg({ ...base, permalink: '' }), 'image/svg+xml');
    expect(doc.documentElement.getAttribute('height')).toBe('200');
    expect(doc.querySelector('desc')).toBeNull();
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });
});

describe('exportFilename', () => {
  it('turns a figure id into a safe name', () => {
    expect(exportFilename('roofline', 'svg')).toBe('fido-roofline.svg');
    expect(exportFilename('Time breakdown: FiD vs FiDO', 'csv')).toBe('fido-time-breakdown-fid-vs-fido.csv');
    expect(exportFilename('Mémoire µ', 'png')).toBe('fido-memoire.png');
    expect(exportFilename('***', 'png')).toBe('fido-figure.png');
  });
});
