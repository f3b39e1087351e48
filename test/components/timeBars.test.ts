import { describe, expect, it } from 'vitest';
import { timeBars } from '@/components/playground/ChartsPanel';
import { computeEstimates } from '@/components/playground/useEstimates';
import { DEFAULT_CONFIG } from '@/lib/config/config';
import { presetById, withModel } from '@/lib/config/presets';

function barIds(model: string): string[] {
  const estimates = computeEstimates(withModel({ ...DEFAULT_CONFIG, passages: 50 }, presetById(model).model));
  return timeBars([{ tag: '', estimates }]).map((bar) => bar.id);
}

describe('timeBars', () => {
  it('draws FiD-Base once', () => {
    expect(barIds('fid-base')).toEqual(['current']);
  });

  it('adds vanilla FiD and FiD-Base for FiDO', () => {
    expect(barIds('fido-base-xl')).toEqual(['current', 'vanilla', 'fid-base']);
  });

  it('drops FiD-Base when vanilla FiD is FiD-Base', () => {
    expect(barIds('fido-base')).toEqual(['current', 'vanilla']);
  });
});
