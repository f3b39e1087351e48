/**
 * The roofline: an operation takes as long as the slower of its compute and its memory
 * traffic, each at the attainable rate (peak times efficiency).
 */

export interface Device {
  flopsPerSecond: number;
  bytesPerSecond: number;
}

export type Bound = 'compute' | 'memory';

export interface RooflineTime {
  computeSeconds: number;
  memorySeconds: number;
  seconds: number;
  bound: Bound;
}

export function roofline(flops: number, bytes: number, device: Device): RooflineTime {
  const computeSeconds = flops > 0 ? flops / device.flopsPerSecond : 0;
  const memorySeconds = bytes > 0 ? bytes / device.bytesPerSecond : 0;
  const bound: Bound = computeSeconds >= memorySeconds && flops > 0 ? 'compute' : 'memory';
  return { computeSeconds, memorySeconds, seconds: Math.max(computeSeconds, memorySeconds), bound };
}

/** Operational intensity where the two roofs meet: below it an operation is memory-bound. */
export function ridgeFlopsPerByte(device: Device): number {
  return device.flopsPerSecond / device.bytesPerSecond;
}

/** Attainable FLOP/s at an operational intensity: the roofline curve itself. */
export function attainableFlopsPerSecond(flopsPerByte: number, device: Device): number {
  return Math.min(device.flopsPerSecond, flopsPerByte * device.bytesPerSecond);
}
