import type { Metadata } from 'next';
import { LiveBench } from '@/components/live/LiveBench';

export const metadata: Metadata = {
  title: 'Live model',
  description: 'Run a tiny FiD and a tiny FiDO in your browser and compare their per-token timings with the cost model.',
};

export default function LivePage() {
  return <LiveBench />;
}
