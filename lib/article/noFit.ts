/**
 * The plain statement the article makes when a configuration does not fit on the
 * accelerator even at batch 1, in place of sentences that quote times, shares,
 * speedups or batches it cannot have.
 */
import { formatBytes } from '@/lib/charts/format';
import type { CostResult } from '@/lib/cost/model';

/** Returns the no-fit statement of `result`, or null when batch 1 fits. */
export function noFitText(result: CostResult): string | null {
  if (result.seconds !== null && result.batch.fits) return null;
  const m = result.memory;
  const cacheBytes = m.crossCacheBytesPerSample + m.selfCacheBytesPerSample;
  return (
    `This configuration does not fit on the ${result.device.label} even at batch 1, so it has no time per sample: ` +
    `the weights need ${formatBytes(m.weightBytes)} and one sample's caches and activations ${formatBytes(m.bytesPerSample)} ` +
    `(caches ${formatBytes(cacheBytes)}), against ${formatBytes(m.capacityBytes)} of memory. ` +
    'Use fewer or shorter passages, fewer key/value heads, a smaller model, or an accelerator with more memory.'
  );
}
