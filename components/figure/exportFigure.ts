/**
 * Browser side of figure export: copies a chart's <svg> with its computed colours and
 * fonts written inline (so theme variables and CSS modules are not needed to render it),
 * draws it on a canvas for PNG, and hands files to the browser as downloads.
 */
import { encodeCsv, exportFilename, standaloneSvg, standaloneSvgHeight } from '@/lib/charts/export';
import type { FigureTable } from '@/lib/charts/table';

/** Presentation properties copied from the computed style of every SVG element. */
const INLINE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
] as const;

/** Resolution of PNG export relative to CSS pixels. */
export const PNG_SCALE = 2;

/** Writes the computed style of `source` and its descendants onto `copy`; drops hidden elements. */
function inlineStyles(source: Element, copy: Element): void {
  const computed = getComputedStyle(source);
  if (computed.display === 'none') {
    copy.remove();
    return;
  }
  const declarations: string[] = [];
  for (const property of INLINE_PROPERTIES) {
    const value = computed.getPropertyValue(property);
    if (value) declarations.push(`${property}:${value}`);
  }
  if (declarations.length) copy.setAttribute('style', declarations.join(';'));
  copy.removeAttribute('class');
  // Copy the child lists first: removing a hidden child would shift the live indices.
  const sourceChildren = Array.from(source.children);
  const copyChildren = Array.from(copy.children);
  sourceChildren.forEach((child, i) => inlineStyles(child, copyChildren[i]));
}

function themeColour(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** A standalone SVG document of `svg` as it looks on the page now, and its size with the permalink lines. */
export function serializeChart(svg: SVGSVGElement, title: string, permalink: string): { text: string; width: number; height: number } {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  const serializer = new XMLSerializer();
  const markup = Array.from(copy.childNodes)
    .map((node) => serializer.serializeToString(node))
    .join('');
  const width = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width;
  const height = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height;
  const text = standaloneSvg({
    markup,
    width,
    height,
    title,
    permalink,
    background: themeColour('--bg', '#ffffff'),
    foreground: themeColour('--fg', '#000000'),
    fontFamily: getComputedStyle(svg).fontFamily || 'sans-serif',
  });
  return { text, width, height: standaloneSvgHeight(height, permalink, width) };
}

/** Rasterizes a standalone SVG document at PNG_SCALE times its size. */
export async function svgToPng(svgText: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * PNG_SCALE);
    canvas.height = Math.ceil(height * PNG_SCALE);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('PNG export failed: this browser gave no 2D canvas context.');
    context.scale(PNG_SCALE, PNG_SCALE);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed: the canvas produced no image.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves `blob` as a download named `filename`. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser reads the object URL after click() returns; release it once the download has surely started.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Saves the chart in `svg` as an SVG or PNG file, with its title and permalink. */
export async function exportChart(
  svg: SVGSVGElement,
  kind: 'svg' | 'png',
  figure: { id: string; title: string; permalink: string },
): Promise<void> {
  const { text, width, height } = serializeChart(svg, figure.title, figure.permalink);
  if (kind === 'svg') {
    download(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), exportFilename(figure.id, 'svg'));
    return;
  }
  download(await svgToPng(text, width, height), exportFilename(figure.id, 'png'));
}

/**
 * Saves the table as CSV. A UTF-8 byte order mark goes first so spreadsheet programs
 * read units such as "µs" correctly.
 */
export function exportTable(table: FigureTable, figure: { id: string; permalink: string }): void {
  const text = `\uFEFF${encodeCsv(table, figure.permalink)}`;
  download(new Blob([text], { type: 'text/csv;charset=utf-8' }), exportFilename(figure.id, 'csv'));
}
