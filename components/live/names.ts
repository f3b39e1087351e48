import type { Variant } from '@/lib/fido/protocol';

export const VARIANT_NAMES: Record<Variant, string> = { fid: 'Tiny FiD', fido: 'Tiny FiDO' };

/** Chart colour of each variant: FiD in the decoder colour, FiDO in the encoder colour of the site's palette. */
export const VARIANT_COLORS: Record<Variant, string> = { fid: 'var(--decoder)', fido: 'var(--encoder)' };

/** Formats a speedup or other ratio, such as "2.41×"; "n/a" when it is not a finite number. */
export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${Number(ratio.toPrecision(3))}×` : 'n/a';
}
