'use client';
/**
 * Controls of the tiny model: encoder and decoder dimensions, the input, FiDO's changes
 * and the measurement settings. Every control has a label and shows its value with a unit.
 * Sliders stay within the tiny model's limits, so only a hand-edited URL can exceed them.
 */
import { createContext, memo, useContext, useId } from 'react';
import type { Config } from '@/lib/config/config';
import type { StackDims } from '@/lib/config/models';
import { TINY_LIMITS } from '@/lib/fido/presets';
import { BACKEND_CHOICES, BACKEND_LABELS, type BackendChoice } from '@/lib/fido/protocol';
import { pluralize } from '@/lib/text/plural';
import { MAX_REPEATS, type LiveExtras } from './urlExtras';
import styles from './live.module.css';

interface SliderSpec {
  label: string;
  /** Unit shown after the value, singular and plural. */
  unit: [string, string];
  min: number;
  max: number;
  step: number;
  value: number;
  /** Text for a value, when the number alone would mislead (such as 0 meaning "all"). */
  describe?: (value: number) => string | null;
  onChange: (value: number) => void;
}

/**
 * Id of the note that explains why the settings are locked, or undefined when they are not.
 * A locked control keeps keyboard focus (aria-disabled, not disabled) but ignores changes,
 * and as it is controlled React puts its old value back.
 */
const LockContext = createContext<string | undefined>(undefined);

function Slider({ label, unit, min, max, step, value, describe, onChange }: SliderSpec) {
  const id = useId();
  const lockedBy = useContext(LockContext);
  const special = describe?.(value);
  const text = special ?? `${value} ${value === 1 ? unit[0] : unit[1]}`;
  return (
    <div className={styles.control}>
      <label htmlFor={id}>{label}</label>
      <output htmlFor={id} className={styles.value}>
        {text}
      </output>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={text}
        aria-disabled={lockedBy !== undefined}
        aria-describedby={lockedBy}
        onChange={(event) => lockedBy === undefined && onChange(Number(event.target.value))}
      />
    </div>
  );
}

const DIM_SPECS: { dim: keyof StackDims; label: string; unit: [string, string]; min: number; step: number }[] = [
  { dim: 'dModel', label: 'd_model', unit: ['dim', 'dims'], min: 16, step: 16 },
  { dim: 'dFf', label: 'd_ff (MLP width)', unit: ['dim', 'dims'], min: 16, step: 16 },
  { dim: 'heads', label: 'query heads h', unit: ['head', 'heads'], min: 1, step: 1 },
  { dim: 'dKv', label: 'd_kv (head width)', unit: ['dim', 'dims'], min: 8, step: 8 },
  { dim: 'layers', label: 'layers', unit: ['layer', 'layers'], min: 1, step: 1 },
];

function StackControls({ stack, config, onChange }: { stack: 'encoder' | 'decoder'; config: Config; onChange: (c: Config) => void }) {
  const slot = stack === 'encoder' ? 'encoderCustom' : 'decoderCustom';
  const dims = config[slot];
  return (
    <fieldset>
      <legend>{stack === 'encoder' ? 'Encoder' : 'Decoder'}</legend>
      {DIM_SPECS.map((spec) => (
        <Slider
          key={spec.dim}
          label={`${stack === 'encoder' ? 'Encoder' : 'Decoder'} ${spec.label}`}
          unit={spec.unit}
          min={spec.min}
          max={TINY_LIMITS[spec.dim].max}
          step={spec.step}
          value={dims[spec.dim]}
          onChange={(value) => onChange({ ...config, [slot]: { ...dims, [spec.dim]: value } })}
        />
      ))}
    </fieldset>
  );
}

/** A slider of one input setting; `update` replaces the plain assignment where others depend on it. */
interface InputSliderSpec extends Pick<SliderSpec, 'label' | 'unit' | 'min' | 'step' | 'describe'> {
  key: 'passages' | 'passageTokens' | 'targetTokens' | 'firstK';
  max: (config: Config) => number;
  update?: (config: Config, value: number) => Config;
}

const INPUT_SLIDERS: readonly InputSliderSpec[] = [
  { key: 'passages', label: 'Passages P', unit: ['passage', 'passages'], min: 1, max: () => TINY_LIMITS.passages.max, step: 1 },
  {
    key: 'passageTokens',
    label: 'Tokens per passage n_p',
    unit: ['token', 'tokens'],
    min: 4,
    max: () => TINY_LIMITS.passageTokens.max,
    step: 4,
    update: (config, value) => ({ ...config, passageTokens: value, firstK: Math.min(config.firstK, value) }),
  },
  { key: 'targetTokens', label: 'Target tokens n_t', unit: ['token', 'tokens'], min: 1, max: () => TINY_LIMITS.targetTokens.max, step: 1 },
  {
    key: 'firstK',
    label: 'FiD-Light first-k',
    unit: ['vector per passage', 'vectors per passage'],
    min: 0,
    max: (config) => config.passageTokens,
    step: 1,
    describe: (value) => (value === 0 ? 'off (all vectors)' : null),
  },
];

/** Key/value head counts g that divide the decoder's query heads, largest (multi-head) first. */
export function kvHeadChoices(heads: number): number[] {
  const choices: number[] = [];
  for (let g = heads; g >= 1; g--) if (heads % g === 0) choices.push(g);
  return choices;
}

function KvHeadsSelect({ config, onChange }: { config: Config; onChange: (c: Config) => void }) {
  const id = useId();
  const lockedBy = useContext(LockContext);
  const heads = config.decoderCustom.heads;
  const g = config.kvHeads === 0 ? heads : config.kvHeads;
  const describe = (value: number) => {
    if (value === heads) return `${value} (multi-head)`;
    if (value === 1) return '1 (multi-query)';
    return `${value} (grouped-query)`;
  };
  return (
    <div className={styles.control}>
      <label htmlFor={id}>Decoder key/value heads g</label>
      <output htmlFor={id} className={styles.value}>
        {g} of {pluralize(heads, 'head')}
      </output>
      <select id={id} value={g} aria-disabled={lockedBy !== undefined} aria-describedby={lockedBy} onChange={(event) => {
        if (lockedBy !== undefined) return;
        const value = Number(event.target.value);
        onChange({ ...config, kvHeads: value === heads ? 0 : value });
      }}>
        {kvHeadChoices(heads).map((value) => (
          <option key={value} value={value}>
            {describe(value)}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface ControlsProps {
  config: Config;
  onChange: (config: Config) => void;
  extras: LiveExtras;
  onExtrasChange: (extras: LiveExtras) => void;
  /** Id of the note that explains why the settings are locked, set while a run or calibration is busy. */
  lockedBy?: string;
}

export const Controls = memo(function Controls({ config, onChange, extras, onExtrasChange, lockedBy }: ControlsProps) {
  const backendId = useId();
  const decoderLayers = config.decoderCustom.layers;
  return (
    <LockContext value={lockedBy}>
      <div className={styles.controls}>
        <StackControls stack="encoder" config={config} onChange={onChange} />
        <StackControls stack="decoder" config={config} onChange={onChange} />
        <fieldset>
          <legend>Input</legend>
          {INPUT_SLIDERS.map((spec) => (
            <Slider
              key={spec.key}
              label={spec.label}
              unit={spec.unit}
              min={spec.min}
              max={spec.max(config)}
              step={spec.step}
              value={config[spec.key]}
              describe={spec.describe}
              onChange={(value) => onChange(spec.update ? spec.update(config, value) : { ...config, [spec.key]: value })}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>FiDO&apos;s changes</legend>
          <p className={styles.note}>Used by Run FiDO; Run FiD keeps K = 1 and g = h.</p>
          <Slider
            label="Cross-attention period K"
            unit={['layer', 'layers']}
            min={1}
            max={decoderLayers}
            step={1}
            value={Math.min(config.crossAttentionPeriod, decoderLayers)}
            describe={(value) => (value === 1 ? '1 (every layer)' : `every ${value} layers`)}
            onChange={(value) => onChange({ ...config, crossAttentionPeriod: value })}
          />
          <KvHeadsSelect config={config} onChange={onChange} />
        </fieldset>
        <fieldset>
          <legend>Measurement</legend>
          <div className={styles.control}>
            <label htmlFor={backendId}>TensorFlow.js backend</label>
            <output htmlFor={backendId} className={styles.value}>
              {extras.backend}
            </output>
            <select
              id={backendId}
              value={extras.backend}
              aria-disabled={lockedBy !== undefined}
              aria-describedby={lockedBy}
              onChange={(event) => lockedBy === undefined && onExtrasChange({ ...extras, backend: event.target.value as BackendChoice })}
            >
              {BACKEND_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {choice === 'auto' ? 'auto (fastest that works)' : `${choice}: ${BACKEND_LABELS[choice]}`}
                </option>
              ))}
            </select>
          </div>
          <Slider
            label="Timed runs per model"
            unit={['run', 'runs']}
            min={1}
            max={MAX_REPEATS}
            step={1}
            value={extras.repeats}
            describe={(value) => `${pluralize(value, 'run')} + 1 warm-up`}
            onChange={(value) => onExtrasChange({ ...extras, repeats: value })}
          />
        </fieldset>
      </div>
    </LockContext>
  );
});
