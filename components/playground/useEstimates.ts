'use client';
import { useMemo } from 'react';
import { describeModel, type Config } from '@/lib/config/config';
import { presetById, vanillaFid, withModel } from '@/lib/config/presets';
import { evaluate, type CostResult } from '@/lib/cost';

export interface Estimates {
  name: string;
  result: CostResult;
  /** Vanilla FiD with the same encoder and decoder: K = 1, multi-head, no first-k. */
  vanilla: CostResult;
  vanillaName: string;
  /** FiD-Base at the same workload, precision, accelerator and efficiencies. */
  fidBase: CostResult;
}

export function computeEstimates(config: Config): Estimates {
  const vanillaConfig = vanillaFid(config);
  return {
    name: describeModel(config),
    result: evaluate(config),
    vanilla: evaluate(vanillaConfig),
    vanillaName: describeModel(vanillaConfig),
    fidBase: evaluate(withModel(config, presetById('fid-base').model)),
  };
}

/** Cost of a configuration and of its two references, recomputed when the configuration changes. */
export function useEstimates(config: Config): Estimates {
  return useMemo(() => computeEstimates(config), [config]);
}
