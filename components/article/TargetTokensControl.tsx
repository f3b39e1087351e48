import { RangeField } from '@/components/controls';
import { WORKLOAD_LIMITS } from '@/lib/config/schema';
import styles from './article.module.css';
import type { ArticleState } from './sections';

/** The target-length slider that the FLOPs and output-length sections both show. */
export function TargetTokensControl({ state }: { state: ArticleState }) {
  return (
    <div className={styles.sectionControl}>
      <RangeField
        label="Target tokens"
        {...WORKLOAD_LIMITS.targetTokens}
        scale="log"
        exactInput={false}
        value={state.config.targetTokens}
        unit="tokens"
        onChange={(targetTokens) => state.setConfig((c) => ({ ...c, targetTokens }))}
      />
    </div>
  );
}
