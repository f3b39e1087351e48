/** The article's statement for a configuration that does not fit even at batch 1. */
import { noFitText } from '@/lib/article/noFit';
import type { CostResult } from '@/lib/cost/model';

export function NoFitNote({ result }: { result: CostResult }) {
  const text = noFitText(result);
  if (text === null) return null;
  return <p data-no-fit="true">{text}</p>;
}
