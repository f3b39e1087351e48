'use client';
import { RangeField } from '@/components/controls';
import type { Config } from '@/lib/config/config';
import { WORKLOAD_LIMITS } from '@/lib/config/schema';
import type { ConfigUpdater } from './configUpdate';

/** Passages, tokens per passage, target tokens and batch: log sliders with exact inputs. */
export function WorkloadControls({ config, update }: { config: Config; update: ConfigUpdater }) {
  return (
    <>
      <RangeField
        label="Passages per question"
        value={config.passages}
        {...WORKLOAD_LIMITS.passages}
        scale="log"
        unit="passages"
        onChange={(passages) => update((c) => ({ ...c, passages }))}
      />
      <RangeField
        label="Tokens per passage"
        value={config.passageTokens}
        {...WORKLOAD_LIMITS.passageTokens}
        scale="log"
        unit="tokens"
        hint="Question included; FiDO truncates to 256."
        onChange={(passageTokens) => update((c) => ({ ...c, passageTokens }))}
      />
      <RangeField
        label="Target tokens"
        value={config.targetTokens}
        {...WORKLOAD_LIMITS.targetTokens}
        scale="log"
        unit="tokens"
        hint="Tokens generated per answer, one decoder step each."
        onChange={(targetTokens) => update((c) => ({ ...c, targetTokens }))}
      />
      <RangeField
        label="Batch size"
        value={config.batchSize}
        {...WORKLOAD_LIMITS.batchSize}
        scale="log"
        unit="samples"
        hint="Requested; lowered to the largest batch that fits in memory."
        onChange={(batchSize) => update((c) => ({ ...c, batchSize }))}
      />
    </>
  );
}
