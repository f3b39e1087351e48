// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '@/lib/config/config';
import { evaluate } from '@/lib/cost/model';
import { parseConfig } from '@/lib/config/url';
import {
  compareSpeedup,
  deviceConfig,
  LAUNCH_MIX,
  launchCalibration,
  launchMixCycle,
  measureDevice,
  onDevice,
  predictPhases,
  predictRun,
  predictWithCalibration,
  runCalibration,
  estimateRun,
  rooflinePoints,
  runPasses,
  type LaunchCalibration,
  playgroundDeviceQuery,
} from '@/lib/fido/calibrate';
import type { DeviceMeasurement, RunResult } from '@/lib/fido/protocol';
import type { Tensor2D } from '@/lib/fido/tf';
import { watchKernels } from '@/lib/fido/timing';
import type { LaunchProbe } from '@/lib/fido/launchProbe';
import type { RepeatOptions } from '@/lib/fido/stats';

const tinyFid: Config = {
  ...DEFAULT_CONFIG,
  encoderSize: 'custom',
  decoderSize: 'custom',
  encoderCustom: { dModel: 64, dFf: 128, heads: 4, dKv: 16, layers: 2 },
  decoderCustom: { dModel: 64, dFf: 128, heads: 4, dKv: 16, layers: 4 },
  vocabSize: 256,
  passages: 8,
  passageTokens: 32,
  targetTokens: 6,
  batchSize: 1,
};
const tinyFido: Config = { ...tinyFid, crossAttentionPeriod: 2, kvHeads: 1 };

const measurement: DeviceMeasurement = {
  backend: 'wasm',
  matmul: { size: 1024, flops: 2 * 1024 ** 3, samplesSeconds: [0.05], medianSeconds: 0.05, flopsPerSecond: 2 * 1024 ** 3 / 0.05 },
  bandwidth: { elements: 2 ** 22, chainedAdds: 4, bytes: 4 * 3 * 2 ** 24, samplesSeconds: [0.02], medianSeconds: 0.02, bytesPerSecond: (4 * 3 * 2 ** 24) / 0.02 },
  matvec: { size: 2048, matrices: 4, bytes: (2048 ** 2 + 2 * 2048) * 4, samplesSeconds: [0.001], medianSeconds: 0.001, bytesPerSecond: ((2048 ** 2 + 2 * 2048) * 4) / 0.001 },
  dispatch: { mix: [...LAUNCH_MIX], chainedOps: 240, samplesSeconds: [0.0024], medianSeconds: 0.0024, secondsPerKernel: 1e-5 },
  probe: { kernels: 3000, samplesSeconds: [0.009], medianSeconds: 0.009, secondsPerKernel: 3e-6 },
};

/** Launch time `secondsPerKernel`, and the decoder's bytes at the add bandwidth unless given. */
function calibration(secondsPerKernel: number, matvecBytesPerSecond = measurement.bandwidth.bytesPerSecond): LaunchCalibration {
  return { secondsPerKernel, matvecBytesPerSecond };
}

function runResult(
  config: Config,
  variant: 'fid' | 'fido',
  seconds: { encoder: number; projection: number; steps: number[] },
  kernels = { encoder: 100, projection: 20, steps: seconds.steps.map(() => 300) },
): RunResult {
  return {
    variant,
    backend: 'wasm',
    config,
    seed: 1,
    warmups: 1,
    repeats: 3,
    encoderSeconds: seconds.encoder,
    projectionSeconds: seconds.projection,
    stepSeconds: seconds.steps,
    decoderSeconds: seconds.steps.reduce((a, b) => a + b, 0),
    tokens: [],
    tokenTexts: [],
    leakedTensors: 0,
    kernels,
  };
}

describe('deviceConfig', () => {
  it('uses the measured rates as a custom accelerator', () => {
    const config = deviceConfig(tinyFid, measurement);
    expect(config.hardware).toBe('custom');
    expect(config.customHardware.peakFlopsPerSecond).toBeCloseTo(measurement.matmul.flopsPerSecond);
    expect(config.customHardware.memoryBytesPerSecond).toBeCloseTo(measurement.bandwidth.bytesPerSecond);
  });

  it('runs fp32 at full efficiency and batch 1', () => {
    const config = deviceConfig(tinyFid, measurement);
    expect(config.precision).toBe('fp32');
    expect(config.computeEfficiency).toBe(1);
    expect(config.bandwidthEfficiency).toBe(1);
    expect(config.batchSize).toBe(1);
  });

  it('gives the cost model the measured device', () => {
    const result = evaluate(deviceConfig(tinyFid, measurement));
    expect(result.device.flopsPerSecond).toBeCloseTo(measurement.matmul.flopsPerSecond);
    expect(result.device.bytesPerSecond).toBeCloseTo(measurement.bandwidth.bytesPerSecond);
    expect(result.batch.fits).toBe(true);
  });

  it('keeps the model and workload fields', () => {
    const config = deviceConfig(tinyFido, measurement);
    expect(config.decoderCustom).toEqual(tinyFido.decoderCustom);
    expect(config.crossAttentionPeriod).toBe(2);
    expect(config.kvHeads).toBe(1);
  });
});

describe('predictPhases', () => {
  const device = deviceConfig(tinyFid, measurement);

  it('splits the same seconds evaluate reports', () => {
    const prediction = predictPhases(device);
    const result = evaluate(device);
    expect(prediction.encoder.seconds).toBeCloseTo(result.seconds!.encoder, 12);
    expect(prediction.projection.seconds + prediction.decoder.seconds).toBeCloseTo(result.seconds!.decoder, 12);
  });

  it('splits the same FLOPs evaluate reports', () => {
    const prediction = predictPhases(device);
    const result = evaluate(device);
    expect(prediction.encoder.flops).toBeCloseTo(result.flops.encoder, 0);
    expect(prediction.projection.flops + prediction.decoder.flops).toBeCloseTo(result.flops.decoder, 0);
  });

  it('gives one time per decoder step that sums to the decoder', () => {
    const prediction = predictPhases(device);
    expect(prediction.stepSeconds).toHaveLength(tinyFid.targetTokens);
    const sum = prediction.stepSeconds.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(prediction.decoder.seconds, 12);
  });

  it('makes later decoder steps no faster', () => {
    const steps = predictPhases(device).stepSeconds;
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThanOrEqual(steps[i - 1]);
  });

  it('puts the decoder at a lower intensity than the encoder', () => {
    const prediction = predictPhases(device);
    expect(prediction.decoder.flopsPerByte).toBeLessThan(prediction.encoder.flopsPerByte);
  });

  it('predicts FiDO decoding faster than FiD', () => {
    const fid = predictPhases(device);
    const fido = predictPhases(onDevice(tinyFido, device));
    expect(fido.decoder.seconds).toBeLessThan(fid.decoder.seconds);
    expect(fido.encoder.seconds).toBeCloseTo(fid.encoder.seconds, 12);
  });

  it('halves memory-bound step time when bandwidth doubles', () => {
    const faster = deviceConfig(tinyFid, {
      ...measurement,
      bandwidth: { ...measurement.bandwidth, bytesPerSecond: 2 * measurement.bandwidth.bytesPerSecond },
      // Compute so fast that every operation is memory-bound.
      matmul: { ...measurement.matmul, flopsPerSecond: 1e18 },
    });
    const slower = deviceConfig(tinyFid, { ...measurement, matmul: { ...measurement.matmul, flopsPerSecond: 1e18 } });
    expect(predictPhases(slower).decoder.seconds / predictPhases(faster).decoder.seconds).toBeCloseTo(2, 9);
  });
});

describe('rooflinePoints', () => {
  const device = deviceConfig(tinyFid, measurement);
  const result = runResult(tinyFid, 'fid', { encoder: 0.02, projection: 0.001, steps: [0.004, 0.005, 0.005, 0.005, 0.006, 0.006] });

  it('places each phase at cost-model FLOPs over measured seconds', () => {
    const points = rooflinePoints(result, device);
    const prediction = predictPhases(device);
    expect(points.map((p) => p.phase)).toEqual(['encoder', 'projection', 'decoder']);
    expect(points[0].measuredFlopsPerSecond).toBeCloseTo(prediction.encoder.flops / 0.02);
    expect(points[2].measuredSeconds).toBeCloseTo(0.031);
    expect(points[2].measuredFlopsPerSecond).toBeCloseTo(prediction.decoder.flops / 0.031);
  });

  it('uses the cost model intensity as x', () => {
    const points = rooflinePoints(result, device);
    expect(points[1].flopsPerByte).toBeCloseTo(predictPhases(device).projection.flopsPerByte);
  });
});

describe('compareSpeedup', () => {
  const device = deviceConfig(tinyFid, measurement);

  it('divides FiD time by FiDO time', () => {
    const fid = runResult(tinyFid, 'fid', { encoder: 0.02, projection: 0.002, steps: [0.01, 0.01] });
    const fido = runResult(tinyFido, 'fido', { encoder: 0.02, projection: 0.001, steps: [0.004, 0.006] });
    const speedup = compareSpeedup(fid, fido, device, calibration(1e-5));
    expect(speedup.measuredDecoder).toBeCloseTo(2);
    expect(speedup.measuredTotal).toBeCloseTo(0.042 / 0.031);
  });

  it('predicts a decoder speedup above 1 for FiDO', () => {
    const fid = runResult(tinyFid, 'fid', { encoder: 1, projection: 1, steps: [1] });
    const fido = runResult(tinyFido, 'fido', { encoder: 1, projection: 1, steps: [1] });
    expect(compareSpeedup(fid, fido, device, calibration(1e-5)).predictedDecoder).toBeGreaterThan(1);
  });
});

describe('estimateRun', () => {
  const device = deviceConfig(tinyFid, measurement);
  const roofline = predictPhases(device);
  const kernels = { encoder: 120, projection: 16, steps: [300, 310, 320, 330, 340, 350] };

  it('counts warm-up, timed and counting passes', () => {
    expect(runPasses(1, 5)).toBe(7);
    expect(runPasses(0, 1)).toBe(2);
  });

  it('gives the roofline of every pass without kernels', () => {
    const estimate = estimateRun(tinyFid, device, calibration(2e-5), 7);
    const pass = roofline.encoder.seconds + roofline.projection.seconds + roofline.decoder.seconds;
    expect(estimate.seconds).toBeCloseTo(7 * pass, 12);
    expect(estimate.passes).toBe(7);
    expect(estimate.includesLaunches).toBe(false);
  });

  it('adds the launches of counted kernels to every pass', () => {
    const without = estimateRun(tinyFid, device, calibration(2e-5), 7);
    const counted = estimateRun(tinyFid, device, calibration(2e-5), 7, kernels);
    expect(counted.seconds - without.seconds).toBeCloseTo(7 * (120 + 16 + 1950) * 2e-5, 12);
    expect(counted.includesLaunches).toBe(true);
  });

  it('grows with the passages', () => {
    const small = estimateRun(tinyFid, device, calibration(0), 5);
    const large = estimateRun({ ...tinyFid, passages: 4 * tinyFid.passages }, device, calibration(0), 5);
    expect(large.seconds).toBeGreaterThan(2 * small.seconds);
  });
});

describe('predictWithCalibration', () => {
  const device = deviceConfig(tinyFid, measurement);
  const roofline = predictPhases(device);
  const kernels = { encoder: 120, projection: 16, steps: [300, 310, 320, 330, 340, 350] };

  it('adds kernels times the launch time to each phase', () => {
    const prediction = predictWithCalibration(tinyFid, device, kernels, calibration(2e-5));
    expect(prediction.encoder.rooflineSeconds).toBe(roofline.encoder.seconds);
    expect(prediction.encoder.launchSeconds).toBeCloseTo(120 * 2e-5);
    expect(prediction.encoder.seconds).toBeCloseTo(roofline.encoder.seconds + 120 * 2e-5);
    expect(prediction.projection.seconds).toBeCloseTo(roofline.projection.seconds + 16 * 2e-5);
  });

  it('sums step kernels into the decoder', () => {
    const prediction = predictWithCalibration(tinyFid, device, kernels, calibration(2e-5));
    expect(prediction.decoder.kernels).toBe(1950);
    expect(prediction.decoder.seconds).toBeCloseTo(roofline.decoder.seconds + 1950 * 2e-5);
    expect(prediction.stepSeconds[3]).toBeCloseTo(roofline.stepSeconds[3] + 330 * 2e-5);
    const stepSum = prediction.stepSeconds.reduce((a, b) => a + b, 0);
    expect(stepSum).toBeCloseTo(prediction.decoder.seconds);
  });

  it('leaves the roofline unchanged at zero launch time', () => {
    const prediction = predictWithCalibration(tinyFid, device, kernels, calibration(0));
    expect(prediction.decoder.seconds).toBe(roofline.decoder.seconds);
    expect(prediction.stepSeconds).toEqual(roofline.stepSeconds);
  });

  it('moves only the decoder bytes at the matrix-vector bandwidth', () => {
    const faster = calibration(0, 4 * measurement.bandwidth.bytesPerSecond);
    const prediction = predictWithCalibration(tinyFid, device, kernels, faster);
    expect(prediction.decoder.rooflineSeconds).toBe(roofline.decoder.seconds);
    expect(prediction.decoder.bytesPerSecond).toBe(faster.matvecBytesPerSecond);
    expect(prediction.decoder.calibratedRooflineSeconds).toBeLessThan(roofline.decoder.seconds);
    expect(prediction.encoder.calibratedRooflineSeconds).toBe(roofline.encoder.seconds);
    expect(prediction.encoder.bytesPerSecond).toBe(measurement.bandwidth.bytesPerSecond);
  });

  it('charges the memory-bound decoder a quarter at four times the bandwidth', () => {
    // Every decoder operation of a single-query step is memory-bound on this device, so its
    // roofline time scales with the inverse of the bandwidth.
    const prediction = predictWithCalibration(tinyFid, device, kernels, calibration(0, 4 * measurement.bandwidth.bytesPerSecond));
    expect(prediction.decoder.calibratedRooflineSeconds).toBeCloseTo(roofline.decoder.seconds / 4, 8);
  });

  it('reads the calibrated figures from a measurement', () => {
    expect(launchCalibration(measurement)).toEqual({
      secondsPerKernel: measurement.probe.secondsPerKernel,
      matvecBytesPerSecond: measurement.matvec.bytesPerSecond,
    });
  });

  it('uses the kernels a finished run counted', () => {
    const result = runResult(tinyFid, 'fid', { encoder: 0.02, projection: 0.002, steps: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01] }, kernels);
    expect(predictRun(result, device, calibration(2e-5)).decoder.launchSeconds).toBeCloseTo(1950 * 2e-5);
  });

  it('prefers figures measured during the run', () => {
    const base = runResult(tinyFid, 'fid', { encoder: 0.02, projection: 0.002, steps: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01] }, kernels);
    const duringRun = { probePasses: 15, probeKernels: 3000, secondsPerKernel: 5e-5, matvecProducts: 20, matvecBytesPerSecond: 2e9 };
    const result = { ...base, duringRun };
    expect(runCalibration(result, calibration(2e-5))).toEqual({ secondsPerKernel: 5e-5, matvecBytesPerSecond: 2e9 });
    expect(runCalibration(base, calibration(2e-5))).toEqual(calibration(2e-5));

    const prediction = predictRun(result, device, calibration(2e-5));
    expect(prediction.decoder.launchSeconds).toBeCloseTo(1950 * 5e-5);
    expect(prediction.decoder.bytesPerSecond).toBe(2e9);
    expect(prediction).toEqual(predictWithCalibration(tinyFid, device, kernels, { secondsPerKernel: 5e-5, matvecBytesPerSecond: 2e9 }));
  });
});

describe('compareSpeedup with figures measured during the runs', () => {
  const device = deviceConfig(tinyFid, measurement);
  const kernels = { encoder: 120, projection: 16, steps: [300, 310, 320, 330, 340, 350] };

  it('predicts each model with its own run', () => {
    const steps = [0.01, 0.01, 0.01, 0.01, 0.01, 0.01];
    const sample = (secondsPerKernel: number, matvecBytesPerSecond: number) => ({ probePasses: 15, probeKernels: 3000, secondsPerKernel, matvecProducts: 20, matvecBytesPerSecond });
    const fid = { ...runResult(tinyFid, 'fid', { encoder: 0.02, projection: 0.002, steps }, kernels), duringRun: sample(6e-5, 1e9) };
    const fido = { ...runResult(tinyFid, 'fido', { encoder: 0.02, projection: 0.002, steps }, kernels), duringRun: sample(2e-5, 1e9) };
    const speedup = compareSpeedup(fid, fido, device, calibration(1e-5));
    const fidDecoder = predictRun(fid, device, calibration(1e-5)).decoder.seconds;
    const fidoDecoder = predictRun(fido, device, calibration(1e-5)).decoder.seconds;
    expect(speedup.predictedDecoderCalibrated).toBeCloseTo(fidDecoder / fidoDecoder, 12);
    // The same model and kernels, launched three times slower in the FiD run.
    expect(speedup.predictedDecoderCalibrated).toBeGreaterThan(1);
  });
});

describe('compareSpeedup with launch overhead', () => {
  const device = deviceConfig(tinyFid, measurement);

  it('tends to the kernel-count ratio', () => {
    const fid = runResult(tinyFid, 'fid', { encoder: 1, projection: 1, steps: [1] }, { encoder: 100, projection: 20, steps: [400] });
    const fido = runResult(tinyFido, 'fido', { encoder: 1, projection: 1, steps: [1] }, { encoder: 100, projection: 10, steps: [200] });
    const roofOnly = compareSpeedup(fid, fido, device, calibration(0));
    expect(roofOnly.predictedDecoderCalibrated).toBeCloseTo(roofOnly.predictedDecoder);
    // A launch time far above any kernel's roofline time leaves the kernel ratio, 400 / 200.
    expect(compareSpeedup(fid, fido, device, calibration(1)).predictedDecoderCalibrated).toBeCloseTo(2, 2);
  });
});

describe('launchMixCycle', () => {
  it('dispatches one kernel per kind of the mix', async () => {
    const tf = await import('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    const x = tf.ones([1, 8]) as Tensor2D;
    const matrix = tf.eye(8) as Tensor2D;
    const before = tf.memory().numTensors;
    const counter = watchKernels(tf);
    let result: Tensor2D;
    try {
      result = launchMixCycle(tf, x, x, matrix);
    } finally {
      counter.stop();
    }

    expect(counter.count()).toBe(LAUNCH_MIX.length);
    expect(result.shape).toEqual([1, 8]);
    expect(tf.memory().numTensors).toBe(before + 1);
    [result, x, matrix].forEach((tensor) => tensor.dispose());
  });
});

/**
 * A stand-in for the launch probe: 1000 kernels, passes of 3, 4 and 5 ms, 3.5 ms as the sum
 * of per-step medians, and the options it got.
 */
const probeCalls: RepeatOptions[] = [];
const fakeProbe: LaunchProbe = async (_tf, options) => {
  probeCalls.push(options);
  return { kernels: 1000, samplesSeconds: [0.003, 0.004, 0.005], decoderSeconds: 0.0035 };
};

describe('measureDevice', () => {
  it('measures matmul and add on the cpu backend without leaking', async () => {
    probeCalls.length = 0;
    const tf = await import('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const labels: string[] = [];
    const result = await measureDevice(
      tf,
      fakeProbe,
      { minMatmulSize: 32, maxMatmulSize: 64, minMatmulSeconds: 10, bandwidthElements: 1024, chainedAdds: 3, matvecSize: 16, matvecMatrices: 2, dispatchCycles: 4, dispatchWarmups: 1, dispatchRepeats: 4, probeWarmups: 1, probeRepeats: 2, runProbePasses: 1, runMatvecProducts: 1, warmups: 1, repeats: 3 },
      (_, label) => labels.push(label),
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(result.backend).toBe('cpu');
    expect(result.matmul.size).toBe(64);
    expect(result.matmul.flops).toBe(2 * 64 ** 3);
    expect(result.matmul.samplesSeconds).toHaveLength(3);
    expect(result.bandwidth.bytes).toBe(3 * 3 * 1024 * 4);
    expect(result.bandwidth.bytesPerSecond).toBeGreaterThan(0);
    expect(result.matvec.size).toBe(16);
    expect(result.matvec.bytes).toBe((16 * 16 + 2 * 16) * 4);
    expect(result.matvec.matrices).toBe(2);
    // Each of the 2 matrices is timed once per repeat.
    expect(result.matvec.samplesSeconds).toHaveLength(6);
    expect(result.matvec.bytesPerSecond).toBeCloseTo(result.matvec.bytes / result.matvec.medianSeconds);
    expect(result.dispatch.chainedOps).toBe(4 * LAUNCH_MIX.length);
    expect(result.dispatch.mix).toEqual([...LAUNCH_MIX]);
    expect(result.dispatch.samplesSeconds).toHaveLength(4);
    expect(result.dispatch.secondsPerKernel).toBeCloseTo(result.dispatch.medianSeconds / (4 * LAUNCH_MIX.length));
    expect(probeCalls).toEqual([{ warmups: 1, repeats: 2 }]);
    expect(result.probe.kernels).toBe(1000);
    // The runs' statistic (sum of per-step medians), not the median of the pass sums.
    expect(result.probe.medianSeconds).toBe(0.0035);
    expect(result.probe.secondsPerKernel).toBeCloseTo(3.5e-6, 12);
    expect(labels).toHaveLength(6);
  });

  for (const backend of ['cpu', 'wasm'] as const) {
    it(`measures a positive finite dispatch time per kernel on ${backend}`, async () => {
      const { loadTensorFlow } = await import('@/lib/fido/backends');
      const tf = await loadTensorFlow();
      expect(await tf.setBackend(backend)).toBe(true);
      await tf.ready();
      const result = await measureDevice(tf, fakeProbe, {
        minMatmulSize: 32, maxMatmulSize: 32, minMatmulSeconds: 0, bandwidthElements: 64, chainedAdds: 1, matvecSize: 16, matvecMatrices: 2, dispatchCycles: 20, dispatchWarmups: 2, dispatchRepeats: 3, probeWarmups: 0, probeRepeats: 1, runProbePasses: 1, runMatvecProducts: 1, warmups: 1, repeats: 3,
      });
      expect(result.dispatch.samplesSeconds).toHaveLength(3);
      expect(Number.isFinite(result.dispatch.secondsPerKernel)).toBe(true);
      expect(result.dispatch.secondsPerKernel).toBeGreaterThan(0);
    });
  }

  it('stops growing the matmul once a run is slow enough', async () => {
    const tf = await import('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    const result = await measureDevice(tf, fakeProbe, {
      minMatmulSize: 32, maxMatmulSize: 256, minMatmulSeconds: 0, bandwidthElements: 64, chainedAdds: 1, matvecSize: 16, matvecMatrices: 2, dispatchCycles: 1, dispatchWarmups: 0, dispatchRepeats: 1, probeWarmups: 0, probeRepeats: 1, runProbePasses: 1, runMatvecProducts: 1, warmups: 0, repeats: 1,
    });
    expect(result.matmul.size).toBe(32);
  });
});

describe('playgroundDeviceQuery', () => {
  it('parses back to the calibrated figures', () => {
    const measurement = {
      backend: 'wasm',
      matmul: { size: 512, flops: 2 * 512 ** 3, samplesSeconds: [0.0123], medianSeconds: 0.0123, flopsPerSecond: (2 * 512 ** 3) / 0.0123 },
      bandwidth: { elements: 2 ** 22, chainedAdds: 4, bytes: 3 * 4 * 2 ** 24, samplesSeconds: [0.0217], medianSeconds: 0.0217, bytesPerSecond: (3 * 4 * 2 ** 24) / 0.0217 },
      matvec: { size: 2048, matrices: 4, bytes: 1, samplesSeconds: [0.001], medianSeconds: 0.001, bytesPerSecond: 1000 },
      dispatch: { mix: ['matMul'], chainedOps: 200, samplesSeconds: [0.004], medianSeconds: 0.004, secondsPerKernel: 2e-5 },
      probe: { kernels: 3000, samplesSeconds: [0.009], medianSeconds: 0.009, secondsPerKernel: 3e-6 },
    } satisfies DeviceMeasurement;
    const query = playgroundDeviceQuery(measurement, 8e9);
    const params = new URLSearchParams(query);
    expect(params.get('hw')).toBe('custom');
    expect(Number(params.get('peak'))).toBeCloseTo(measurement.matmul.flopsPerSecond / 1e12, 9);
    expect(Number(params.get('bw'))).toBeCloseTo(measurement.bandwidth.bytesPerSecond / 1e9, 9);
    expect(params.get('mem')).toBe('8');

    const parsed = parseConfig(query);
    expect(parsed.notices).toEqual([]);
    expect(parsed.config.hardware).toBe('custom');
    expect(parsed.config.customHardware.peakFlopsPerSecond / measurement.matmul.flopsPerSecond).toBeCloseTo(1, 9);
    expect(parsed.config.customHardware.memoryBytesPerSecond / measurement.bandwidth.bytesPerSecond).toBeCloseTo(1, 9);
    expect(parsed.config.customHardware.memoryBytes).toBe(8e9);
  });
});
