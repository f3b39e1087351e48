'use client';
/**
 * The article's control strip: the workload, the accelerator and the model sizes. Every
 * section reads the same configuration, so a change here moves every number and figure.
 */
import { SelectField, type SelectOption } from '@/components/controls';
import { describeModel, type Config } from '@/lib/config/config';
import { HARDWARE_NAMES, HARDWARE_PRESETS, type HardwareName } from '@/lib/config/hardware';
import { SIZE_NAMES, sizeLabel, type SizeName } from '@/lib/config/models';
import { configQuery } from '@/lib/config/url';
import type { ArticleState } from './sections';
import { WorkloadControl } from './WorkloadControl';
import styles from './article.module.css';

const HARDWARE_OPTIONS: SelectOption<HardwareName>[] = HARDWARE_NAMES.map((name) => ({
  value: name,
  label: name === 'custom' ? 'Custom accelerator (set in the playground)' : HARDWARE_PRESETS[name].label,
}));

/** Preset sizes, plus "custom" only when the link already sets custom dimensions. */
function sizeOptions(current: SizeName): SelectOption<SizeName>[] {
  return SIZE_NAMES.filter((name) => name !== 'custom' || current === 'custom').map((name) => ({
    value: name,
    label: name === 'custom' ? 'Custom (from the link)' : sizeLabel(name),
  }));
}

export function ArticleControls({ state }: { state: Pick<ArticleState, 'config' | 'setConfig'> }) {
  const { config, setConfig } = state;
  const set = (change: Partial<Config>) => setConfig((c) => ({ ...c, ...change }));
  return (
    <section className={styles.controls} aria-labelledby="article-controls-title">
      <h2 id="article-controls-title" className={styles.controlsTitle}>
        Your configuration: <span data-number="controls-model">{describeModel(config)}</span>
      </h2>
      <div className={styles.controlsGrid}>
        <WorkloadControl state={state} field="passages" />
        <WorkloadControl state={state} field="targetTokens" />
        <WorkloadControl state={state} field="batchSize" />
        <SelectField label="Accelerator" value={config.hardware} options={HARDWARE_OPTIONS} onChange={(hardware) => set({ hardware })} />
        <SelectField label="Encoder size" value={config.encoderSize} options={sizeOptions(config.encoderSize)} onChange={(encoderSize) => set({ encoderSize })} />
        <SelectField label="Decoder size" value={config.decoderSize} options={sizeOptions(config.decoderSize)} onChange={(decoderSize) => set({ decoderSize })} />
      </div>
      <p className={styles.controlsNote}>
        K and g have their own controls in sections 4 and 5. Passage length, precision and efficiencies are set in the{' '}
        <a href={`/playground/${configQuery(config)}`}>playground</a>, which opens with this configuration.
      </p>
    </section>
  );
}
