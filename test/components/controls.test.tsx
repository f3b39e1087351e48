import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RangeField, SegmentedField, SelectField, ToggleField, NumberField, logSteps, nearestStepIndex } from '@/components/controls';

function LogSlider({ onChange = () => {} }: { onChange?: (value: number) => void }) {
  const [value, setValue] = useState(64);
  return (
    <RangeField
      label="Batch size"
      value={value}
      min={1}
      max={4096}
      scale="log"
      unit="samples"
      onChange={(v) => {
        setValue(v);
        onChange(v);
      }}
    />
  );
}

describe('logSteps', () => {
  it('includes both ends and common sizes', () => {
    const steps = logSteps(1, 4096);
    expect(steps[0]).toBe(1);
    expect(steps[steps.length - 1]).toBe(4096);
    for (const size of [2, 32, 40, 64, 100, 256, 1000]) expect(steps).toContain(size);
  });

  it('keeps neighbouring stops within a factor of two', () => {
    const steps = logSteps(1, 8192);
    for (let i = 1; i < steps.length; i++) expect(steps[i] / steps[i - 1]).toBeLessThanOrEqual(2);
  });

  it('finds the nearest stop on a log scale', () => {
    const steps = [1, 10, 100];
    expect(nearestStepIndex(steps, 3)).toBe(0);
    expect(nearestStepIndex(steps, 4)).toBe(1);
  });
});

describe('RangeField', () => {
  it('shows the value with its unit and announces it', () => {
    render(<LogSlider />);
    const slider = screen.getByRole('slider', { name: 'Batch size' });
    expect(slider).toHaveAttribute('aria-valuetext', '64 samples');
    expect(screen.getByText('64 samples')).toBeInTheDocument();
  });

  it('moves a log slider from stop to stop', () => {
    const onChange = vi.fn();
    render(<LogSlider onChange={onChange} />);
    const slider = screen.getByRole('slider', { name: 'Batch size' }) as HTMLInputElement;
    const steps = logSteps(1, 4096);
    fireEvent.change(slider, { target: { value: String(Number(slider.value) + 1) } });
    expect(onChange).toHaveBeenLastCalledWith(steps[steps.indexOf(64) + 1]);
    expect(screen.getByRole('spinbutton', { name: 'Batch size, exact value in samples' })).toHaveValue(80);
  });

  it('takes an exact value between stops', () => {
    const onChange = vi.fn();
    render(<LogSlider onChange={onChange} />);
    fireEvent.change(screen.getByRole('spinbutton', { name: /Batch size, exact value/ }), { target: { value: '37' } });
    expect(onChange).toHaveBeenLastCalledWith(37);
    expect(screen.getByRole('slider', { name: 'Batch size' })).toHaveAttribute('aria-valuetext', '37 samples');
  });

  it('clamps an out-of-range entry on blur', () => {
    const onChange = vi.fn();
    render(<LogSlider onChange={onChange} />);
    const input = screen.getByRole('spinbutton', { name: /Batch size, exact value/ });
    fireEvent.change(input, { target: { value: '5000' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Enter a whole number from 1 to 4096.')).toBeInTheDocument();
    fireEvent.blur(input);
    expect(onChange).toHaveBeenLastCalledWith(4096);
    expect(input).toHaveValue(4096);
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('status')).toHaveTextContent('5000 is above the maximum 4096; using 4096.');
  });

  it('never keeps a typed prefix of 1e308', () => {
    const onChange = vi.fn();
    render(<RangeField label="Period" value={6} min={1} max={12} onChange={onChange} />);
    const input = screen.getByRole('spinbutton', { name: /Period, exact value/ });
    for (const text of ['1', '1e', '1e3', '1e30', '1e308']) fireEvent.change(input, { target: { value: text } });
    fireEvent.keyDown(input, { key: 'Enter' });

    expect(onChange).toHaveBeenLastCalledWith(12);
    expect(screen.getByRole('status')).toHaveTextContent('1e308 is above the maximum 12; using 12.');
  });

  it('moves a linear slider by its step', () => {
    const onChange = vi.fn();
    render(<RangeField label="Period" value={1} min={1} max={24} onChange={onChange} formatValue={(k) => `every ${k}`} />);
    const slider = screen.getByRole('slider', { name: 'Period' });
    expect(slider).toHaveAttribute('aria-valuetext', 'every 1');
    fireEvent.change(slider, { target: { value: '6' } });
    expect(onChange).toHaveBeenCalledWith(6);
  });
});

describe('NumberField', () => {
  it('accepts decimals when not integer', () => {
    const onChange = vi.fn();
    render(<NumberField label="Peak compute" unit="TFLOP/s" integer={false} value={275} min={0.001} max={1e6} onChange={onChange} />);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Peak compute' }), { target: { value: '312.5' } });
    expect(onChange).toHaveBeenCalledWith(312.5);
    expect(screen.getByText('TFLOP/s')).toBeInTheDocument();
  });

  it('rejects a fraction when integer', () => {
    const onChange = vi.fn();
    render(<NumberField label="Layers" value={12} min={1} max={128} onChange={onChange} />);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Layers' }), { target: { value: '2.5' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText('Enter a whole number from 1 to 128.')).toBeInTheDocument();
    fireEvent.blur(screen.getByRole('spinbutton', { name: 'Layers' }));
    expect(onChange).toHaveBeenLastCalledWith(3);
    expect(screen.getByRole('status')).toHaveTextContent('2.5 is not a whole number; using 3.');
  });
});

describe('SelectField, SegmentedField and ToggleField', () => {
  it('selects an option by label', () => {
    const onChange = vi.fn();
    render(
      <SelectField label="Accelerator" value="tpuv4" options={[{ value: 'tpuv4', label: 'TPU v4' }, { value: 'h100', label: 'H100' }]} onChange={onChange} hint="Source: datasheet" />,
    );
    const select = screen.getByRole('combobox', { name: 'Accelerator' });
    expect(select).toHaveAccessibleDescription('Source: datasheet');
    fireEvent.change(select, { target: { value: 'h100' } });
    expect(onChange).toHaveBeenCalledWith('h100');
  });

  it('chooses a segment as a radio button', () => {
    const onChange = vi.fn();
    render(
      <SegmentedField label="Precision" value="bf16" options={[{ value: 'bf16', label: 'bf16' }, { value: 'int8', label: 'int8' }]} onChange={onChange} />,
    );
    expect(screen.getByRole('group', { name: 'Precision' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'bf16' })).toBeChecked();
    fireEvent.click(screen.getByRole('radio', { name: 'int8' }));
    expect(onChange).toHaveBeenCalledWith('int8');
  });

  it('toggles a switch', () => {
    const onChange = vi.fn();
    render(<ToggleField label="Compare" checked={false} onChange={onChange} />);
    fireEvent.click(screen.getByRole('switch', { name: 'Compare' }));
    expect(onChange).toHaveBeenCalledWith(true);
  });
});
