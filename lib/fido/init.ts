/**
 * Weights of the tiny FiD / FiDO model: their names, shapes and seeded initial values.
 *
 * Layout (T5.1.1, with the FiDO decoder options):
 * - no biases, and one RMS norm scale before each sublayer and after each stack;
 * - a gated-GELU MLP (wi_0, wi_1, wo);
 * - relative position biases [32 buckets, heads] in the first layer of each stack;
 * - an output layer that is not tied to the input embedding;
 * - one input embedding for encoder and decoder when their widths match;
 * - cross-attention weights only in decoder layers with (i + 1) % K == 0;
 * - decoder key/value projections g·d_kv wide, the cross-attention ones reading d_enc.
 *
 * Initial values follow the scales of T5's initialisers (fan-in variance, the query
 * additionally divided by sqrt(d_kv) because T5 does not scale attention scores), drawn
 * uniformly with that standard deviation from a seeded generator; norm scales start at 1.
 */
import {
  crossAttentionLayers,
  decoderDims,
  effectiveKvHeads,
  encoderDims,
  type Config,
} from '../config/config';
import { T5_RELATIVE_POSITION_BUCKETS } from '../config/models';
import { createLayerConstants, type LayerConstants } from './layers';
import { fingerprintFloat32, uniformWithStd, weightSeed } from './random';
import type { Tensor, Tensor1D, Tensor2D, Tf } from './tf';

export interface AttentionWeights {
  /** [d, h·d_kv] */
  query: Tensor2D;
  /** [d_in, g·d_kv]; d_in is d_enc for cross-attention */
  key: Tensor2D;
  /** [d_in, g·d_kv] */
  value: Tensor2D;
  /** [h·d_kv, d] */
  output: Tensor2D;
}

export interface MlpWeights {
  /** [d, d_ff], passed through GELU */
  wi0: Tensor2D;
  /** [d, d_ff], the linear gate */
  wi1: Tensor2D;
  /** [d_ff, d] */
  wo: Tensor2D;
}

export interface EncoderLayerWeights {
  /** [d_enc] RMS norm scale before self-attention */
  selfAttentionNorm: Tensor1D;
  selfAttention: AttentionWeights;
  /** [d_enc] RMS norm scale before the MLP */
  mlpNorm: Tensor1D;
  mlp: MlpWeights;
}

export interface CrossAttentionWeights {
  /** [d_dec] RMS norm scale before cross-attention */
  norm: Tensor1D;
  attention: AttentionWeights;
}

export interface DecoderLayerWeights {
  selfAttentionNorm: Tensor1D;
  selfAttention: AttentionWeights;
  /** Present only in layers where (i + 1) % K == 0. */
  crossAttention: CrossAttentionWeights | null;
  mlpNorm: Tensor1D;
  mlp: MlpWeights;
}

export interface FidoWeights {
  /** [V, d_enc] */
  encoderEmbedding: Tensor2D;
  /** [V, d_dec]; the same tensor as `encoderEmbedding` when the widths match */
  decoderEmbedding: Tensor2D;
  /** [32, h_enc] */
  encoderPositionBias: Tensor2D;
  encoderLayers: EncoderLayerWeights[];
  /** [d_enc] */
  encoderFinalNorm: Tensor1D;
  /** [32, h_dec] */
  decoderPositionBias: Tensor2D;
  decoderLayers: DecoderLayerWeights[];
  /** [d_dec] */
  decoderFinalNorm: Tensor1D;
  /** [d_dec, V] */
  outputLayer: Tensor2D;
  /** Every weight once, by its t5x-style name, in creation order. */
  named: Map<string, Tensor>;
  /** FNV-1a hash of all initial values: equal in Node and the browser for one seed. */
  fingerprint: string;
  /** Scalars of the layers; not weights, so not in `named`. */
  constants: LayerConstants;
}

/** Name, shape and initial standard deviation of one weight; `std` null means all ones. */
interface WeightSpec {
  name: string;
  shape: [number] | [number, number];
  std: number | null;
}

function attentionSpecs(prefix: string, dIn: number, dModel: number, heads: number, kvHeads: number, dKv: number): WeightSpec[] {
  return [
    { name: `${prefix}/query`, shape: [dModel, heads * dKv], std: 1 / Math.sqrt(dModel * dKv) },
    { name: `${prefix}/key`, shape: [dIn, kvHeads * dKv], std: 1 / Math.sqrt(dIn) },
    { name: `${prefix}/value`, shape: [dIn, kvHeads * dKv], std: 1 / Math.sqrt(dIn) },
    { name: `${prefix}/out`, shape: [heads * dKv, dModel], std: 1 / Math.sqrt(heads * dKv) },
  ];
}

function mlpSpecs(prefix: string, dModel: number, dFf: number): WeightSpec[] {
  return [
    { name: `${prefix}/wi_0`, shape: [dModel, dFf], std: 1 / Math.sqrt(dModel) },
    { name: `${prefix}/wi_1`, shape: [dModel, dFf], std: 1 / Math.sqrt(dModel) },
    { name: `${prefix}/wo`, shape: [dFf, dModel], std: 1 / Math.sqrt(dFf) },
  ];
}

function norm(name: string, width: number): WeightSpec {
  return { name, shape: [width], std: null };
}

/** Lists every weight of the model described by `config`, in a fixed order. */
export function weightSpecs(config: Config): WeightSpec[] {
  const enc = encoderDims(config);
  const dec = decoderDims(config);
  const g = effectiveKvHeads(config);
  const V = config.vocabSize;
  const crossLayers = new Set(crossAttentionLayers(dec.layers, config.crossAttentionPeriod));
  // The position-bias scale is an assumption: any small spread gives a usable random model.
  const specs: WeightSpec[] = [
    { name: 'encoder/embedding', shape: [V, enc.dModel], std: 1 },
    { name: 'encoder/relative_attention_bias', shape: [T5_RELATIVE_POSITION_BUCKETS, enc.heads], std: 1 / Math.sqrt(enc.dModel) },
  ];
  for (let i = 0; i < enc.layers; i++) {
    const layer = `encoder/layers_${i}`;
    specs.push(
      norm(`${layer}/pre_attention_layer_norm/scale`, enc.dModel),
      ...attentionSpecs(`${layer}/attention`, enc.dModel, enc.dModel, enc.heads, enc.heads, enc.dKv),
      norm(`${layer}/pre_mlp_layer_norm/scale`, enc.dModel),
      ...mlpSpecs(`${layer}/mlp`, enc.dModel, enc.dFf),
    );
  }
  specs.push(norm('encoder/encoder_norm/scale', enc.dModel));

  if (dec.dModel !== enc.dModel) specs.push({ name: 'decoder/embedding', shape: [V, dec.dModel], std: 1 });
  specs.push({ name: 'decoder/relative_attention_bias', shape: [T5_RELATIVE_POSITION_BUCKETS, dec.heads], std: 1 / Math.sqrt(dec.dModel) });
  for (let i = 0; i < dec.layers; i++) {
    const layer = `decoder/layers_${i}`;
    specs.push(
      norm(`${layer}/pre_self_attention_layer_norm/scale`, dec.dModel),
      ...attentionSpecs(`${layer}/self_attention`, dec.dModel, dec.dModel, dec.heads, g, dec.dKv),
    );
    if (crossLayers.has(i)) {
      specs.push(
        norm(`${layer}/pre_cross_attention_layer_norm/scale`, dec.dModel),
        ...attentionSpecs(`${layer}/encoder_decoder_attention`, enc.dModel, dec.dModel, dec.heads, g, dec.dKv),
      );
    }
    specs.push(norm(`${layer}/pre_mlp_layer_norm/scale`, dec.dModel), ...mlpSpecs(`${layer}/mlp`, dec.dModel, dec.dFf));
  }
  specs.push(
    norm('decoder/decoder_norm/scale', dec.dModel),
    { name: 'decoder/logits_dense/kernel', shape: [dec.dModel, V], std: 1 / Math.sqrt(dec.dModel) },
  );
  return specs;
}

/** Initial values of one weight: depends only on the model seed, its name and its shape. */
export function initialValues(spec: WeightSpec, seed: number): Float32Array {
  const count = spec.shape.reduce((product, size) => product * size, 1);
  if (spec.std === null) return new Float32Array(count).fill(1);
  return uniformWithStd(weightSeed(seed, spec.name), count, spec.std);
}

/** Creates every weight as a tensor. The caller owns them (dispose through `named` and `constants`). */
export function initWeights(tf: Tf, config: Config, seed: number): FidoWeights {
  const named = new Map<string, Tensor>();
  const arrays: Float32Array[] = [];
  for (const spec of weightSpecs(config)) {
    const values = initialValues(spec, seed);
    arrays.push(values);
    named.set(spec.name, tf.tensor(values, spec.shape, 'float32'));
  }

  const get2d = (name: string) => named.get(name) as Tensor2D;
  const get1d = (name: string) => named.get(name) as Tensor1D;
  const attention = (prefix: string): AttentionWeights => ({
    query: get2d(`${prefix}/query`),
    key: get2d(`${prefix}/key`),
    value: get2d(`${prefix}/value`),
    output: get2d(`${prefix}/out`),
  });
  const mlp = (prefix: string): MlpWeights => ({
    wi0: get2d(`${prefix}/wi_0`),
    wi1: get2d(`${prefix}/wi_1`),
    wo: get2d(`${prefix}/wo`),
  });

  const encoderLayers: EncoderLayerWeights[] = [];
  for (let i = 0; i < encoderDims(config).layers; i++) {
    const layer = `encoder/layers_${i}`;
    encoderLayers.push({
      selfAttentionNorm: get1d(`${layer}/pre_attention_layer_norm/scale`),
      selfAttention: attention(`${layer}/attention`),
      mlpNorm: get1d(`${layer}/pre_mlp_layer_norm/scale`),
      mlp: mlp(`${layer}/mlp`),
    });
  }

  const decoderLayers: DecoderLayerWeights[] = [];
  for (let i = 0; i < decoderDims(config).layers; i++) {
    const layer = `decoder/layers_${i}`;
    const crossNorm = `${layer}/pre_cross_attention_layer_norm/scale`;
    decoderLayers.push({
      selfAttentionNorm: get1d(`${layer}/pre_self_attention_layer_norm/scale`),
      selfAttention: attention(`${layer}/self_attention`),
      crossAttention: named.has(crossNorm)
        ? { norm: get1d(crossNorm), attention: attention(`${layer}/encoder_decoder_attention`) }
        : null,
      mlpNorm: get1d(`${layer}/pre_mlp_layer_norm/scale`),
      mlp: mlp(`${layer}/mlp`),
    });
  }

  const encoderEmbedding = get2d('encoder/embedding');
  return {
    encoderEmbedding,
    decoderEmbedding: named.has('decoder/embedding') ? get2d('decoder/embedding') : encoderEmbedding,
    encoderPositionBias: get2d('encoder/relative_attention_bias'),
    encoderLayers,
    encoderFinalNorm: get1d('encoder/encoder_norm/scale'),
    decoderPositionBias: get2d('decoder/relative_attention_bias'),
    decoderLayers,
    decoderFinalNorm: get1d('decoder/decoder_norm/scale'),
    outputLayer: get2d('decoder/logits_dense/kernel'),
    named,
    fingerprint: fingerprintFloat32(arrays),
    constants: createLayerConstants(tf),
  };
}
