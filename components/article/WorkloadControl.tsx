import { RangeField } from '@/components/controls';
import { WORKLOAD_LIMITS } from '@/lib/config/schema';
import type { ArticleState } from './sections';

export type WorkloadField = 'passages' | 'targetTokens' | 'batchSize';

const FIELDS: Record<WorkloadField, { label: string; unit: string }> = {
  passages: { label: 'Passages', unit: 'passages' },
  targetTokens: { label: 'Target tokens', unit: 'tokens' },
  batchSize: { label: 'Batch size', unit: 'samples' },
};

interface WorkloadControlProps {
  state: Pick<ArticleState, 'config' | 'setConfig'>;
  field: WorkloadField;
  /**
   * The section the slider sits in, added to its accessible name ("Batch size, Where the
   * time goes"), because the configuration strip has a slider with the same label.
   */
  scope?: string;
  className?: string;
}

/** Renders a log-scale slider for one workload value of the shared configuration, for the configuration strip and the sections. */
export function WorkloadControl({ state, field, scope, className }: WorkloadControlProps) {
  const { label, unit } = FIELDS[field];
  const slider = (
    <RangeField
      label={label}
      {...WORKLOAD_LIMITS[field]}
      scale="log"
      unit={unit}
      exactInput={false}
      labelScope={scope}
      value={state.config[field]}
      onChange={(value) => state.setConfig((c) => ({ ...c, [field]: value }))}
    />
  );
  return className ? <div className={className}>{slider}</div> : slider;
}
