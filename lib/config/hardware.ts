/**
 * Accelerator presets for the roofline. Peaks are dense (no structured sparsity), per
 * chip or per GPU, in FLOP/s (int8 in OP/s); bandwidth and capacity are the HBM's.
 */

export const HARDWARE_NAMES = ['tpuv4', 'a100', 'h100', 'h200', 'custom'] as const;
export type HardwareName = (typeof HARDWARE_NAMES)[number];

export const PRECISION_NAMES = ['bf16', 'fp32', 'int8'] as const;
export type PrecisionName = (typeof PRECISION_NAMES)[number];

export interface Hardware {
  label: string;
  /** Dense peak per precision: the matmul rate the roofline's flat part uses. */
  peakFlopsPerSecond: Record<PrecisionName, number>;
  memoryBytesPerSecond: number;
  memoryBytes: number;
  /** Where each number comes from, shown beside the preset on the page. */
  source: string;
  /** Numbers the datasheet does not give, and what was assumed instead. */
  assumption?: string;
}

const GIB = 2 ** 30;

export const HARDWARE_PRESETS: Record<Exclude<HardwareName, 'custom'>, Hardware> = {
  // Google Cloud TPU v4 documentation (cloud.google.com/tpu/docs/v4): 275 TFLOP/s bf16 or
  // int8 per chip, 32 GiB HBM2 at 1200 GB/s. The chip the FiDO paper measured on.
  tpuv4: {
    label: 'TPU v4 (1 chip)',
    peakFlopsPerSecond: { bf16: 275e12, int8: 275e12, fp32: 275e12 / 3 },
    memoryBytesPerSecond: 1200e9,
    memoryBytes: 32 * GIB,
    source: 'Google Cloud TPU v4 documentation: 275 TFLOP/s bf16 and int8, 32 GiB HBM at 1200 GB/s per chip',
    assumption:
      'No fp32 matmul peak is published; fp32 is taken as one third of bf16, the rate of the three-pass bf16 emulation XLA uses for fp32 matmuls.',
  },
  // NVIDIA A100 Tensor Core GPU datasheet (2021), SXM 80GB column: BF16 312 TFLOP/s dense,
  // FP32 19.5 TFLOP/s (no TF32), INT8 624 TOPS dense, 2039 GB/s HBM2e, 80 GB.
  a100: {
    label: 'A100 80GB SXM',
    peakFlopsPerSecond: { bf16: 312e12, fp32: 19.5e12, int8: 624e12 },
    memoryBytesPerSecond: 2039e9,
    memoryBytes: 80e9,
    source: 'NVIDIA A100 datasheet, SXM 80GB: 312 TFLOP/s BF16 dense, 19.5 TFLOP/s FP32, 624 TOPS INT8 dense, 2039 GB/s, 80 GB',
  },
  // NVIDIA H100 Tensor Core GPU datasheet, SXM column: BF16 1979 TFLOP/s is with sparsity,
  // so 989.5 dense; FP32 67 TFLOP/s; INT8 3958 TOPS sparse, 1979 dense; 3.35 TB/s, 80 GB.
  h100: {
    label: 'H100 SXM',
    peakFlopsPerSecond: { bf16: 989.5e12, fp32: 67e12, int8: 1979e12 },
    memoryBytesPerSecond: 3.35e12,
    memoryBytes: 80e9,
    source: 'NVIDIA H100 datasheet, SXM: 989.5 TFLOP/s BF16 dense, 67 TFLOP/s FP32, 1979 TOPS INT8 dense, 3.35 TB/s, 80 GB',
  },
  // NVIDIA H200 Tensor Core GPU datasheet, SXM column: same compute as H100 SXM
  // (1979 TFLOP/s BF16 with sparsity), 4.8 TB/s HBM3e, 141 GB.
  h200: {
    label: 'H200 SXM',
    peakFlopsPerSecond: { bf16: 989.5e12, fp32: 67e12, int8: 1979e12 },
    memoryBytesPerSecond: 4.8e12,
    memoryBytes: 141e9,
    source: 'NVIDIA H200 datasheet, SXM: 989.5 TFLOP/s BF16 dense, 67 TFLOP/s FP32, 1979 TOPS INT8 dense, 4.8 TB/s, 141 GB',
  },
};

/** Bytes per element for each precision setting. */
export interface PrecisionBytes {
  weightBytesPerElement: number;
  /** Key/value caches (self- and cross-attention). */
  cacheBytesPerElement: number;
  /** Working activations: int8 inference keeps activations in bf16. */
  activationBytesPerElement: number;
}

export const PRECISIONS: Record<PrecisionName, PrecisionBytes & { label: string }> = {
  bf16: { label: 'bf16', weightBytesPerElement: 2, cacheBytesPerElement: 2, activationBytesPerElement: 2 },
  fp32: { label: 'fp32', weightBytesPerElement: 4, cacheBytesPerElement: 4, activationBytesPerElement: 4 },
  int8: { label: 'int8 weights and caches', weightBytesPerElement: 1, cacheBytesPerElement: 1, activationBytesPerElement: 2 },
};
