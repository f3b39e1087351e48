'use client';
import { memo } from 'react';
import { describeModel, type Config } from '@/lib/config/config';
import { MODEL_PRESETS, applyPreset, matchingPreset } from '@/lib/config/presets';
import { PRESET_FIELDS, sameConfigFields } from './controlFields';
import styles from './playground.module.css';

/**
 * Buttons for the named model presets. A preset replaces only the model fields and
 * pushes a history entry, so the browser's back button restores the previous model.
 */
export const PresetPicker = memo(function PresetPicker({
  config,
  commit,
}: {
  config: Config;
  commit: (update: (previous: Config) => Config) => void;
}) {
  const match = matchingPreset(config);
  return (
    <div className={styles.presets}>
      <p className={styles.currentModel}>
        Model: <strong>{describeModel(config)}</strong>
        {match ? ' (preset)' : ' (no preset matches)'}
      </p>
      <div role="group" aria-label="Model presets" className={styles.presetButtons}>
        {MODEL_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            className={styles.presetButton}
            aria-pressed={match?.id === preset.id}
            title={preset.summary}
            onClick={() => commit((previous) => applyPreset(previous, preset))}
          >
            {preset.label}
          </button>
        ))}
      </div>
      {match && match.assumptions.length > 0 && <p className={styles.note}>{match.assumptions.join(' ')}</p>}
    </div>
  );
}, sameConfigFields(PRESET_FIELDS));
