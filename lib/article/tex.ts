/** Numbers written as TeX for the formula components. */
import { formatFlops } from '../charts/format';

/** Formats a whole number with TeX thousands separators: 10240 → "10{,}240". */
export function texCount(value: number): string {
  return Math.round(value).toLocaleString('en-US').replace(/,/g, '{,}');
}

/** Formats a FLOP count as upright TeX text: "\text{137 GFLOPs}". */
export function texFlops(flops: number): string {
  return `\\text{${formatFlops(flops)}}`;
}
