'use client';
import { memo } from 'react';
import { RangeField } from '@/components/controls';
import type { Config } from '@/lib/config/config';
import { WORKLOAD_LIMITS } from '@/lib/config/schema';
import type { ConfigUpdater } from './configUpdate';
import { WORKLOAD_FIELDS, sameConfigFields, useFieldSetter } from './controlFields';

/** Passages, tokens per passage, target tokens and batch: log sliders with exact inputs. */
export const WorkloadControls = memo(function WorkloadControls({ config, update }: { config: Config; update: ConfigUpdater }) {
  const setPassages = useFieldSetter(update, 'passages');
  const setPassageTokens = useFieldSetter(update, 'passageTokens');
  const setTargetTokens = useFieldSetter(update, 'targetTokens');
  const setBatchSize = useFieldSetter(update, 'batchSize');
  return (
    <>
      <RangeField
        label="Passages per question"
        value={config.passages}
        {...WORKLOAD_LIMITS.passages}
        scale="log"
        unit="passages"
        onChange={setPassages}
      />
      <RangeField
        label="Tokens per passage"
        value={config.passageTokens}
        {...WORKLOAD_LIMITS.passageTokens}
        scale="log"
        unit="tokens"
        hint="Question included; FiDO truncates to 256."
        onChange={setPassageTokens}
      />
      <RangeField
        label="Target tokens"
        value={config.targetTokens}
        {...WORKLOAD_LIMITS.targetTokens}
        scale="log"
        unit="tokens"
        hint="Tokens generated per answer, one decoder step each."
        onChange={setTargetTokens}
      />
      <RangeField
        label="Batch size"
        value={config.batchSize}
        {...WORKLOAD_LIMITS.batchSize}
        scale="log"
        unit="samples"
        hint="Requested; lowered to the largest batch that fits in memory."
        onChange={setBatchSize}
      />
    </>
  );
}, sameConfigFields(WORKLOAD_FIELDS));
