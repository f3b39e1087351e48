/**
 * QR code geometry for the lecture's permalink, computed locally with the `qrcode`
 * package (no image service), as one SVG path in module units.
 */
import { create } from 'qrcode';

/** Light modules on each side that scanners need around the symbol (ISO/IEC 18004). */
export const QR_QUIET_ZONE_MODULES = 4;

export interface QrGeometry {
  /** Modules per side, quiet zone excluded. */
  size: number;
  /** Side of the whole picture in modules, quiet zone included. */
  viewBoxSize: number;
  /** One SVG path of unit squares, one per dark module, offset by the quiet zone. */
  path: string;
  /** Reads one module: true when (row, column) is dark. */
  isDark(row: number, column: number): boolean;
}

/**
 * Encodes `text` as a QR code with medium error correction (about 15% of the symbol
 * may be lost), which keeps a URL of a few hundred characters readable from a screen.
 */
export function qrGeometry(text: string): QrGeometry {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const isDark = (row: number, column: number) => modules.data[row * size + column] === 1;

  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let column = 0;
    while (column < size) {
      if (!isDark(row, column)) {
        column++;
        continue;
      }
      // Merge a horizontal run of dark modules into one rectangle to keep the path short.
      let run = 1;
      while (column + run < size && isDark(row, column + run)) run++;
      parts.push(`M${column + QR_QUIET_ZONE_MODULES} ${row + QR_QUIET_ZONE_MODULES}h${run}v1h-${run}z`);
      column += run;
    }
  }

  return { size, viewBoxSize: size + 2 * QR_QUIET_ZONE_MODULES, path: parts.join(''), isDark };
}
