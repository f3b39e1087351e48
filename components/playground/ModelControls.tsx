'use client';
import { memo, useCallback, useMemo } from 'react';
import { NumberField, RangeField, SelectField, type SelectOption } from '@/components/controls';
import { crossAttentionLayers, decoderDims, type Config } from '@/lib/config/config';
import { SIZE_NAMES, T5_SIZES, type SizeName, type StackDims } from '@/lib/config/models';
import { DIM_LIMITS } from '@/lib/config/schema';
import { pluralize } from '@/lib/text/plural';
import type { ConfigUpdater } from './configUpdate';
import { MODEL_FIELDS, sameConfigFields, useFieldSetter } from './controlFields';
import styles from './playground.module.css';

const SIZE_OPTIONS: SelectOption<SizeName>[] = SIZE_NAMES.map((size) => ({
  value: size,
  label:
    size === 'custom'
      ? 'Custom dimensions'
      : `${T5_SIZES[size].label} (d_model ${T5_SIZES[size].dModel}, ${T5_SIZES[size].layers} layers)`,
}));

const DIM_FIELDS: { dim: keyof StackDims; label: string }[] = [
  { dim: 'dModel', label: 'd_model (model width)' },
  { dim: 'dFf', label: 'd_ff (MLP hidden width)' },
  { dim: 'heads', label: 'query heads' },
  { dim: 'dKv', label: 'd_kv (width of one head)' },
  { dim: 'layers', label: 'layers' },
];

/** 2 -> "2nd", 11 -> "11th", 23 -> "23rd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** Divisors of `heads` below it: the grouped and multi-query choices of g. */
export function kvHeadChoices(heads: number): number[] {
  const choices: number[] = [];
  for (let g = 1; g < heads; g++) if (heads % g === 0) choices.push(g);
  return choices;
}

export function kvHeadLabel(g: number, heads: number): string {
  if (g === 0 || g === heads) return `Multi-head (${heads} key/value heads)`;
  if (g === 1) return 'Multi-query (1 key/value head)';
  return `Grouped (${g} key/value heads, ${heads / g} queries each)`;
}

function CustomDims({ stack, dims, update }: { stack: 'encoder' | 'decoder'; dims: StackDims; update: ConfigUpdater }) {
  const slot = stack === 'encoder' ? 'encoderCustom' : 'decoderCustom';
  const title = stack === 'encoder' ? 'Custom encoder' : 'Custom decoder';
  return (
    <fieldset className={styles.subgroup}>
      <legend>{title}</legend>
      <div className={styles.dimGrid}>
        {DIM_FIELDS.map(({ dim, label }) => (
          <NumberField
            key={dim}
            label={`${stack === 'encoder' ? 'Encoder' : 'Decoder'} ${label}`}
            value={dims[dim]}
            min={DIM_LIMITS[dim].min}
            max={DIM_LIMITS[dim].max}
            onChange={(value) => update((c) => ({ ...c, [slot]: { ...c[slot], [dim]: value } }))}
          />
        ))}
      </div>
    </fieldset>
  );
}

function LayerStrip({ layers, kept }: { layers: number; kept: number[] }) {
  const keptSet = new Set(kept);
  return (
    <span className={styles.layerStrip} aria-hidden="true">
      {Array.from({ length: layers }, (_, i) => (
        <span key={i} className={keptSet.has(i) ? styles.layerKept : styles.layer} />
      ))}
    </span>
  );
}

function periodText(k: number): string {
  return k === 1 ? '1 (every layer)' : `${k} (every ${ordinal(k)} layer)`;
}

/** Encoder and decoder sizes, layer-sparse cross-attention, key/value heads and FiD-Light. */
export const ModelControls = memo(function ModelControls({ config, update }: { config: Config; update: ConfigUpdater }) {
  const decoder = decoderDims(config);
  const { passageTokens } = config;
  const kept = useMemo(() => crossAttentionLayers(decoder.layers, config.crossAttentionPeriod), [decoder.layers, config.crossAttentionPeriod]);
  const kvOptions: SelectOption<string>[] = useMemo(
    () => [
      { value: '0', label: kvHeadLabel(0, decoder.heads) },
      ...kvHeadChoices(decoder.heads).map((g) => ({ value: String(g), label: kvHeadLabel(g, decoder.heads) })),
    ],
    [decoder.heads],
  );
  const periodHint = useMemo(
    () => (
      <>
        <LayerStrip layers={decoder.layers} kept={kept} />
        Cross-attention in {kept.length} of {decoder.layers} decoder layers:{' '}
        {kept.length === decoder.layers ? 'all' : kept.join(', ')} (numbered from 0).
      </>
    ),
    [decoder.layers, kept],
  );
  const formatFirstK = useCallback((k: number) => (k === 0 ? `off (all ${passageTokens})` : `first ${k} of ${passageTokens}`), [passageTokens]);
  const setEncoderSize = useFieldSetter(update, 'encoderSize');
  const setDecoderSize = useFieldSetter(update, 'decoderSize');
  const setPeriod = useFieldSetter(update, 'crossAttentionPeriod');
  const setFirstK = useFieldSetter(update, 'firstK');
  const setKvHeads = useFieldSetter(update, 'kvHeads');
  const setKvHeadsText = useCallback((g: string) => setKvHeads(Number(g)), [setKvHeads]);

  return (
    <>
      <SelectField label="Encoder size" value={config.encoderSize} options={SIZE_OPTIONS} onChange={setEncoderSize} />
      {config.encoderSize === 'custom' && <CustomDims stack="encoder" dims={config.encoderCustom} update={update} />}
      <SelectField label="Decoder size" value={config.decoderSize} options={SIZE_OPTIONS} onChange={setDecoderSize} />
      {config.decoderSize === 'custom' && <CustomDims stack="decoder" dims={config.decoderCustom} update={update} />}

      <RangeField
        label="Cross-attention period K"
        value={config.crossAttentionPeriod}
        min={1}
        max={decoder.layers}
        formatValue={periodText}
        onChange={setPeriod}
        hint={periodHint}
      />
      <SelectField
        label="Decoder key/value heads g"
        value={String(config.kvHeads)}
        options={kvOptions}
        onChange={setKvHeadsText}
        hint={`Queries keep ${pluralize(decoder.heads, 'head')}; keys and values share g heads. Only divisors of ${decoder.heads} are offered.`}
      />
      <RangeField
        label="FiD-Light: vectors kept per passage k"
        value={config.firstK}
        min={0}
        max={passageTokens}
        formatValue={formatFirstK}
        onChange={setFirstK}
        hint="0 turns FiD-Light off: the decoder reads every encoder vector."
      />
    </>
  );
}, sameConfigFields(MODEL_FIELDS));
