import { fireEvent, render, screen, within } from '@testing-library/react';
import fc from 'fast-check';
import type { ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Playground } from '@/components/playground/Playground';
import { HardwareControls } from '@/components/playground/HardwareControls';
import { ModelControls } from '@/components/playground/ModelControls';
import { PresetPicker } from '@/components/playground/PresetPicker';
import { WorkloadControls } from '@/components/playground/WorkloadControls';
import { HARDWARE_FIELDS, MODEL_FIELDS, PRESET_FIELDS, WORKLOAD_FIELDS, sameConfigFields } from '@/components/playground/controlFields';
import { DEFAULT_CONFIG, type Config } from '@/lib/config/config';
import { anyConfig } from '../unit/arbitraries';

type GroupProps = { config: Config; update: () => void; commit: () => void };

const GROUPS: { name: string; component: ComponentType<GroupProps>; fields: readonly (keyof Config)[] }[] = [
  { name: 'PresetPicker', component: PresetPicker as ComponentType<GroupProps>, fields: PRESET_FIELDS },
  { name: 'ModelControls', component: ModelControls as ComponentType<GroupProps>, fields: MODEL_FIELDS },
  { name: 'WorkloadControls', component: WorkloadControls as ComponentType<GroupProps>, fields: WORKLOAD_FIELDS },
  { name: 'HardwareControls', component: HardwareControls as ComponentType<GroupProps>, fields: HARDWARE_FIELDS },
];

const noop = () => {};

function markup(Group: ComponentType<GroupProps>, config: Config): string {
  return renderToStaticMarkup(<Group config={config} update={noop} commit={noop} />);
}

/** Copies the listed fields of `source` onto a copy of `base`. */
function withFields(base: Config, source: Config, fields: readonly (keyof Config)[]): Config {
  const merged = { ...base } as Record<keyof Config, unknown>;
  for (const field of fields) merged[field] = source[field];
  return merged as Config;
}

describe('control groups', () => {
  for (const { name, component, fields } of GROUPS) {
    it(`${name} depends on its listed fields only`, () => {
      fc.assert(
        fc.property(anyConfig, anyConfig, (shown, other) => {
          const merged = withFields(other, shown, fields);
          expect(markup(component, merged)).toBe(markup(component, shown));
        }),
        { numRuns: 60 },
      );
    });
  }
});

describe('sameConfigFields', () => {
  const equal = sameConfigFields(['passages', 'encoderCustom']);

  it('ignores fields it does not list', () => {
    expect(equal({ config: DEFAULT_CONFIG }, { config: { ...DEFAULT_CONFIG, batchSize: 8 } })).toBe(true);
  });

  it('sees a change in a listed field', () => {
    expect(equal({ config: DEFAULT_CONFIG }, { config: { ...DEFAULT_CONFIG, passages: 41 } })).toBe(false);
  });

  it('compares nested objects by value', () => {
    const copy = { ...DEFAULT_CONFIG, encoderCustom: { ...DEFAULT_CONFIG.encoderCustom } };
    expect(equal({ config: DEFAULT_CONFIG }, { config: copy })).toBe(true);
    const wider = { ...DEFAULT_CONFIG, encoderCustom: { ...DEFAULT_CONFIG.encoderCustom, dModel: 1024 } };
    expect(equal({ config: DEFAULT_CONFIG }, { config: wider })).toBe(false);
  });

  it('sees a change in any other prop', () => {
    const props = { config: DEFAULT_CONFIG, update: noop };
    expect(equal(props, { ...props, update: () => {} })).toBe(false);
  });
});

describe('Playground slider step', () => {
  it('leaves the other controls untouched', () => {
    window.history.replaceState(null, '', '/playground/');
    render(<Playground />);
    const panel = screen.getByRole('complementary', { name: 'Controls' });
    const slider = within(panel).getByRole('slider', { name: 'Passages per question' });
    const field = slider.closest('div')!.parentElement!;
    const observer = new MutationObserver(() => {});
    observer.observe(panel, { subtree: true, childList: true, attributes: true, characterData: true });

    fireEvent.change(slider, { target: { value: String(Number((slider as HTMLInputElement).value) + 1) } });

    const outside = observer.takeRecords().filter((record) => !field.contains(record.target));
    observer.disconnect();
    expect(within(panel).getByRole('spinbutton', { name: /Passages per question, exact value/ })).not.toHaveValue(40);
    expect(outside.map((record) => `${record.type} ${(record.target as Element).outerHTML?.slice(0, 80) ?? record.target.textContent}`)).toEqual([]);
  });
});
