'use client';
import { useMemo } from 'react';
import type { UrlConfigState } from '@/components/state/urlState';
import { HardwareControls } from './HardwareControls';
import { ModelControls } from './ModelControls';
import { PresetPicker } from './PresetPicker';
import { WorkloadControls } from './WorkloadControls';
import { normalizing } from './configUpdate';
import styles from './playground.module.css';

export interface ConfigControlsProps {
  state: Pick<UrlConfigState, 'config' | 'setConfig' | 'commit'>;
  /** Accessible name of the group, such as "Configuration A". */
  name: string;
}

/** Every control of one configuration, in four groups: presets, model, workload, hardware. */
export function ConfigControls({ state, name }: ConfigControlsProps) {
  const { config, setConfig, commit } = state;
  const update = useMemo(() => normalizing(setConfig), [setConfig]);
  const commitNormalized = useMemo(() => normalizing(commit), [commit]);

  return (
    <div role="group" aria-label={name} className={styles.controls}>
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
