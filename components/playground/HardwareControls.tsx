'use client';
import { memo, useCallback } from 'react';
import { NumberField, RangeField, SegmentedField, SelectField, type SelectOption } from '@/components/controls';
import { hardwareOf, type Config } from '@/lib/config/config';
import { HARDWARE_NAMES, HARDWARE_PRESETS, PRECISIONS, PRECISION_NAMES, type HardwareName, type PrecisionName } from '@/lib/config/hardware';
import type { ConfigUpdater } from './configUpdate';
import { HARDWARE_FIELDS, sameConfigFields, useFieldSetter } from './controlFields';
import styles from './playground.module.css';

const HARDWARE_OPTIONS: SelectOption<HardwareName>[] = HARDWARE_NAMES.map((name) => ({
  value: name,
  label: name === 'custom' ? 'Custom accelerator' : HARDWARE_PRESETS[name].label,
}));

const PRECISION_OPTIONS: SelectOption<PrecisionName>[] = PRECISION_NAMES.map((name) => ({ value: name, label: name }));

function bytes(count: number): string {
  return count === 1 ? '1 byte' : `${count} bytes`;
}

function precisionHint(name: PrecisionName): string {
  const p = PRECISIONS[name];
  return `${p.label}: ${bytes(p.weightBytesPerElement)} per weight, ${bytes(p.cacheBytesPerElement)} per cached key or value, ${bytes(p.activationBytesPerElement)} per activation.`;
}

/** Percent with up to two decimals, as the URL stores it. */
function toPercent(fraction: number): number {
  return Math.round(fraction * 10000) / 100;
}

/** Accelerator, precision and the efficiencies that scale its peaks. */
export const HardwareControls = memo(function HardwareControls({ config, update }: { config: Config; update: ConfigUpdater }) {
  const hardware = hardwareOf(config);
  const custom = config.customHardware;
  const setHardware = useFieldSetter(update, 'hardware');
  const setPrecision = useFieldSetter(update, 'precision');
  const setComputePercent = useCallback((percent: number) => update((c) => ({ ...c, computeEfficiency: percent / 100 })), [update]);
  const setBandwidthPercent = useCallback((percent: number) => update((c) => ({ ...c, bandwidthEfficiency: percent / 100 })), [update]);
  return (
    <>
      <SelectField
        label="Accelerator"
        value={config.hardware}
        options={HARDWARE_OPTIONS}
        // normalizeConfig keeps customHardware equal to the chosen preset, so custom starts from its numbers.
        onChange={setHardware}
        hint={
          <>
            Source: {hardware.source}.{hardware.assumption && <> Assumed: {hardware.assumption}</>}
          </>
        }
      />
      {config.hardware === 'custom' && (
        <fieldset className={styles.subgroup}>
          <legend>Custom accelerator</legend>
          <NumberField
            label="Peak compute"
            unit="TFLOP/s"
            integer={false}
            value={Number((custom.peakFlopsPerSecond / 1e12).toPrecision(6))}
            min={1e-6}
            max={1e6}
            onChange={(tflops) => update((c) => ({ ...c, customHardware: { ...c.customHardware, peakFlopsPerSecond: tflops * 1e12 } }))}
          />
          <NumberField
            label="Memory bandwidth"
            unit="GB/s"
            integer={false}
            value={Number((custom.memoryBytesPerSecond / 1e9).toPrecision(6))}
            min={1e-3}
            max={1e6}
            onChange={(gbps) => update((c) => ({ ...c, customHardware: { ...c.customHardware, memoryBytesPerSecond: gbps * 1e9 } }))}
          />
          <NumberField
            label="Memory capacity"
            unit="GB"
            integer={false}
            value={Number((custom.memoryBytes / 1e9).toPrecision(6))}
            min={1e-3}
            max={1e6}
            onChange={(gb) => update((c) => ({ ...c, customHardware: { ...c.customHardware, memoryBytes: gb * 1e9 } }))}
          />
        </fieldset>
      )}
      <SegmentedField
        label="Precision"
        value={config.precision}
        options={PRECISION_OPTIONS}
        onChange={setPrecision}
        hint={precisionHint(config.precision)}
      />
      <RangeField
        label="Compute efficiency"
        value={toPercent(config.computeEfficiency)}
        min={1}
        max={100}
        integer={false}
        unit="% of peak FLOP/s"
        onChange={setComputePercent}
      />
      <RangeField
        label="Bandwidth efficiency"
        value={toPercent(config.bandwidthEfficiency)}
        min={1}
        max={100}
        integer={false}
        unit="% of peak bandwidth"
        onChange={setBandwidthPercent}
      />
    </>
  );
}, sameConfigFields(HARDWARE_FIELDS));
