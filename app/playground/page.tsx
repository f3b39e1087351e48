import type { Metadata } from 'next';
import { Playground } from '@/components/playground/Playground';

export const metadata: Metadata = {
  title: 'Playground',
  description:
    'Every setting of the FiD / FiDO cost model: model sizes, layer-sparse cross-attention, multi-query attention, workload and accelerator, with charts, a check of the paper\'s claims and a side-by-side comparison.',
};

export default function PlaygroundPage() {
  return (
    <>
      <h1>Playground</h1>
      <p>
        Change any setting and watch the estimated inference cost of FiD, FiD-Light and FiDO move. The configuration lives in
        the address bar, so the link reproduces exactly what you see.
      </p>
      {/* No Suspense boundary here. In the static HTML React showed a large boundary's fallback
          first and revealed the playground later, so the whole page moved down. */}
      <Playground />
    </>
  );
}
