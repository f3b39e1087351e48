'use client';
import type { UrlConfigState } from '@/components/state/urlState';
import { AdjustmentNotice } from './AdjustmentNotice';
import { HardwareControls } from './HardwareControls';
import { ModelControls } from './ModelControls';
import { PresetPicker } from './PresetPicker';
import { WorkloadControls } from './WorkloadControls';
import { useAdjustingUpdaters } from './configUpdate';
import styles from './playground.module.css';

export interface ConfigControlsProps {
  state: Pick<UrlConfigState, 'config' | 'setConfig' | 'commit'>;
  /** Accessible name of the group, such as "Configuration A". */
  name: string;
}

/**
 * Every control of one configuration, in four groups: presets, model, workload, hardware,
 * under a notice of the dependent values the last changes lowered.
 */
export function ConfigControls({ state, name }: ConfigControlsProps) {
  const { config, setConfig, commit } = state;
  const { update, commit: commitNormalized, adjustments, dismissAdjustments } = useAdjustingUpdaters(setConfig, commit);

  return (
    <div role="group" aria-label={name} className={styles.controls}>
      <AdjustmentNotice adjustments={adjustments} onDismiss={dismissAdjustments} />
      <section className={styles.controlGroup}>
        <h3>Presets</h3>
        <PresetPicker config={config} commit={commitNormalized} />
      </section>
      <section className={styles.controlGroup}>
        <h3>Model</h3>
        <ModelControls config={config} update={update} />
      </section>
      <section className={styles.controlGroup}>
        <h3>Workload</h3>
        <WorkloadControls config={config} update={update} />
      </section>
      <section className={styles.controlGroup}>
        <h3>Accelerator</h3>
        <HardwareControls config={config} update={update} />
      </section>
    </div>
  );
}
