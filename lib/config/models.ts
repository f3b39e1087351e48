/**
 * T5.1.1 model sizes and the dimensions of one transformer stack.
 *
 * Source: the t5x gin configs `t5/models/t5_1_1_{small,base,large,xl,xxl}.gin` in
 * google-research/t5x (the same values ship in google/flaxformer). Every size uses a
 * gated-GELU MLP (`wi_0`, `wi_1`, `wo`), d_kv = 64, a vocabulary of 32128 and an output
 * layer that is not tied to the input embedding. The published parameter counts count
 * the encoder, the decoder, one shared input embedding and the output layer.
 */

/** Size names as they appear in the URL (`enc`, `dec`). */
export const SIZE_NAMES = ['small', 'base', 'large', 'xl', 'xxl', 'custom'] as const;
export type SizeName = (typeof SIZE_NAMES)[number];
export type PresetSizeName = Exclude<SizeName, 'custom'>;

/** Dimensions of one stack (encoder or decoder). Attention width is `heads * dKv`. */
export interface StackDims {
  /** Model width d_model: the residual stream. */
  dModel: number;
  /** Hidden width of the gated MLP. */
  dFf: number;
  /** Query heads h. */
  heads: number;
  /** Width of one attention head. */
  dKv: number;
  /** Transformer layers in this stack. */
  layers: number;
}

/** T5 vocabulary size (SentencePiece, 32000 pieces padded to a multiple of 128). */
export const T5_VOCAB_SIZE = 32128;

/** T5 relative position buckets, learned per head in the first layer of each stack. */
export const T5_RELATIVE_POSITION_BUCKETS = 32;

/** Published dimensions and parameter counts of the T5.1.1 checkpoints. */
export const T5_SIZES: Record<PresetSizeName, StackDims & { label: string; publishedParams: number }> = {
  small: { label: 'Small', dModel: 512, dFf: 1024, heads: 6, dKv: 64, layers: 8, publishedParams: 77.0e6 },
  base: { label: 'Base', dModel: 768, dFf: 2048, heads: 12, dKv: 64, layers: 12, publishedParams: 247.6e6 },
  large: { label: 'Large', dModel: 1024, dFf: 2816, heads: 16, dKv: 64, layers: 24, publishedParams: 783.2e6 },
  xl: { label: 'XL', dModel: 2048, dFf: 5120, heads: 32, dKv: 64, layers: 24, publishedParams: 2.85e9 },
  xxl: { label: 'XXL', dModel: 4096, dFf: 10240, heads: 64, dKv: 64, layers: 24, publishedParams: 11.14e9 },
};

export function sizeLabel(size: SizeName): string {
  return size === 'custom' ? 'Custom' : T5_SIZES[size].label;
}

export function presetDims(size: PresetSizeName): StackDims {
  const { dModel, dFf, heads, dKv, layers } = T5_SIZES[size];
  return { dModel, dFf, heads, dKv, layers };
}
