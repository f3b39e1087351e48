/**
 * The plain statement the article makes when a configuration does not fit on the
 * accelerator even at batch 1, in place of sentences that quote times, shares,
 * speedups or batches it cannot have.
 */
import { formatBytes } from '@/lib/charts/format';
import { crossCacheBytes, selfCacheBytes } from '@/lib/cost/memory';
import type { CostResult } from '@/lib/cost/model';

/** Returns the no-fit statement of `result`, or null when batch 1 fits. */
export function noFitText(result: CostResult): string | null {
  if (result.seconds !== null && result.batch.fits) return null;
  const m = result.memory;
  // The estimate keeps the cache bytes of its peak phase only, which is 0 when encoding peaks.
  const cacheBytes = crossCacheBytes(result.shape) + selfCacheBytes(result.shape);
  return (
    `This configuration does not fit on the ${result.device.label} even at batch 1, so it has no time per sample: ` +
    `the weights need ${formatBytes(m.weightBytes)}, one sample at its peak ${formatBytes(m.bytesPerSample)} ` +
    `and its key/value caches while decoding ${formatBytes(cacheBytes)}, against ${formatBytes(m.capacityBytes)} of memory. ` +
    'Use fewer or shorter passages, fewer key/value heads, a smaller model, or an accelerator with more memory.'
  );
}
