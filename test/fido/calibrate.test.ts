// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '@/lib/config/config';
import { evaluate } from '@/lib/cost/model';
import { compareSpeedup, deviceConfig, measureDevice, onDevice, predictPhases, rooflinePoints } from '@/lib/fido/calibrate';
import type { DeviceMeasurement, RunResult } from '@/lib/fido/protocol';

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
};

function runResult(config: Config, variant: 'fid' | 'fido', seconds: { encoder: number; projection: number; steps: number[] }): RunResult {
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
    const speedup = compareSpeedup(fid, fido, device);
    expect(speedup.measuredDecoder).toBeCloseTo(2);
    expect(speedup.measuredTotal).toBeCloseTo(0.042 / 0.031);
  });

  it('predicts a decoder speedup above 1 for FiDO', () => {
    const fid = runResult(tinyFid, 'fid', { encoder: 1, projection: 1, steps: [1] });
    const fido = runResult(tinyFido, 'fido', { encoder: 1, projection: 1, steps: [1] });
    expect(compareSpeedup(fid, fido, device).predictedDecoder).toBeGreaterThan(1);
  });
});

describe('measureDevice', () => {
  it('measures matmul and add on the cpu backend without leaking', async () => {
    const tf = await import('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const labels: string[] = [];
    const result = await measureDevice(
      tf,
      { minMatmulSize: 32, maxMatmulSize: 64, minMatmulSeconds: 10, bandwidthElements: 1024, chainedAdds: 3, warmups: 1, repeats: 3 },
      (_, label) => labels.push(label),
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(result.backend).toBe('cpu');
    expect(result.matmul.size).toBe(64);
    expect(result.matmul.flops).toBe(2 * 64 ** 3);
    expect(result.matmul.samplesSeconds).toHaveLength(3);
    expect(result.bandwidth.bytes).toBe(3 * 3 * 1024 * 4);
    expect(result.bandwidth.bytesPerSecond).toBeGreaterThan(0);
    expect(labels).toHaveLength(3);
  });

  it('stops growing the matmul once a run is slow enough', async () => {
    const tf = await import('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    const result = await measureDevice(tf, {
      minMatmulSize: 32, maxMatmulSize: 256, minMatmulSeconds: 0, bandwidthElements: 64, chainedAdds: 1, warmups: 0, repeats: 1,
    });
    expect(result.matmul.size).toBe(32);
  });
});
