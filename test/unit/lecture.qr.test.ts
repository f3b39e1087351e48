import jsQR from 'jsqr';
import { QR_QUIET_ZONE_MODULES, qrGeometry } from '@/lib/lecture/qr';

/** Paints the geometry's path as a scanner would see it: RGBA, `scale` pixels per module. */
function rasterize(text: string, scale: number) {
  const qr = qrGeometry(text);
  const side = qr.viewBoxSize * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  // Rebuild the dark modules from the path itself, so the test checks what the SVG draws.
  for (const match of qr.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x0, y0, run] = [Number(match[1]), Number(match[2]), Number(match[3])];
    for (let y = y0 * scale; y < (y0 + 1) * scale; y++) {
      for (let x = x0 * scale; x < (x0 + run) * scale; x++) {
        const offset = (y * side + x) * 4;
        pixels[offset] = pixels[offset + 1] = pixels[offset + 2] = 0;
      }
    }
  }
  return { qr, pixels, side };
}

describe('qrGeometry', () => {
  it.each([
    'http://127.0.0.1:3000/',
    'http://127.0.0.1:3000/?enc=large&dec=xxl&k=6&kv=1#decoding-is-memory-bound',
    `https://example.org/?${'passages=100&'.repeat(20)}end=1`,
  ])('draws a code that decodes to %s', (text) => {
    const { pixels, side } = rasterize(text, 4);
    const decoded = jsQR(pixels, side, side);
    expect(decoded).not.toBeNull();
    expect(decoded!.data).toBe(text);
  });

  it('leaves a quiet zone around the symbol', () => {
    const qr = qrGeometry('http://127.0.0.1:3000/');
    expect(qr.viewBoxSize).toBe(qr.size + 2 * QR_QUIET_ZONE_MODULES);
    const coordinates = [...qr.path.matchAll(/M(\d+) (\d+)h(\d+)/g)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3])]);
    for (const [x, y, run] of coordinates) {
      expect(x).toBeGreaterThanOrEqual(QR_QUIET_ZONE_MODULES);
      expect(y).toBeGreaterThanOrEqual(QR_QUIET_ZONE_MODULES);
      expect(x + run).toBeLessThanOrEqual(QR_QUIET_ZONE_MODULES + qr.size);
      expect(y).toBeLessThan(QR_QUIET_ZONE_MODULES + qr.size);
    }
  });

  it('draws the finder pattern in the top-left corner', () => {
    const qr = qrGeometry('http://127.0.0.1:3000/');
    expect(qr.isDark(0, 0)).toBe(true);
    expect(qr.isDark(0, 6)).toBe(true);
    expect(qr.isDark(1, 1)).toBe(false);
    expect(qr.isDark(3, 3)).toBe(true);
    expect(qr.isDark(7, 7)).toBe(false);
  });

  it('grows with the text', () => {
    expect(qrGeometry('x'.repeat(300)).size).toBeGreaterThan(qrGeometry('x').size);
  });
});
