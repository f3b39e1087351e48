/**
 * Parameter counts of a FiD / FiDO encoder-decoder, T5.1.1 style: no biases, RMS norms
 * with one scale vector, gated-GELU MLP (`wi_0`, `wi_1`, `wo`), relative position biases
 * (32 buckets per head) in the first layer of each stack, untied output layer.
 * Encoder and decoder share one input embedding when their widths match, as T5 does;
 * the shared table is counted with the encoder.
 */
import { T5_RELATIVE_POSITION_BUCKETS, type StackDims } from '../config/models';

export interface ArchitectureShape {
  encoder: StackDims;
  decoder: StackDims;
  vocabSize: number;
  /** Decoder key/value heads g. */
  kvHeads: number;
  /** Number of decoder layers that keep cross-attention. */
  crossAttentionLayerCount: number;
}

export interface ParamCounts {
  encoder: number;
  decoder: number;
  total: number;
  /** Parameters of the layers' matmuls only, for the memory-traffic model. */
  detail: {
    embedding: number;
    encoderLayer: number;
    decoderLayer: number;
    crossAttention: number;
    outputLayer: number;
  };
}

export function embeddingsShared(shape: ArchitectureShape): boolean {
  return shape.encoder.dModel === shape.decoder.dModel;
}

export function countParams(shape: ArchitectureShape): ParamCounts {
  const { encoder: e, decoder: d, vocabSize } = shape;
  const encoderAttentionWidth = e.heads * e.dKv;
  const decoderAttentionWidth = d.heads * d.dKv;
  const kvWidth = shape.kvHeads * d.dKv;

  // Encoder layer: Q, K, V, O (d x a each), wi_0, wi_1, wo, two RMS norm scales.
  const encoderLayer = 4 * e.dModel * encoderAttentionWidth + 3 * e.dModel * e.dFf + 2 * e.dModel;
  // Decoder layer without cross-attention: Q and O (d x a), K and V (d x g*d_kv), MLP, two norms.
  const decoderLayer = 2 * d.dModel * decoderAttentionWidth + 2 * d.dModel * kvWidth + 3 * d.dModel * d.dFf + 2 * d.dModel;
  // Cross-attention sublayer: Q and O from the decoder width, K and V from the encoder width, one norm.
  const crossAttention = 2 * d.dModel * decoderAttentionWidth + 2 * e.dModel * kvWidth + d.dModel;

  const encoderEmbedding = vocabSize * e.dModel;
  const decoderEmbedding = embeddingsShared(shape) ? 0 : vocabSize * d.dModel;
  const outputLayer = vocabSize * d.dModel;

  const encoder =
    encoderEmbedding + e.layers * encoderLayer + e.dModel + T5_RELATIVE_POSITION_BUCKETS * e.heads;
  const decoder =
    decoderEmbedding +
    d.layers * decoderLayer +
    shape.crossAttentionLayerCount * crossAttention +
    d.dModel +
    T5_RELATIVE_POSITION_BUCKETS * d.heads +
    outputLayer;

  return {
    encoder,
    decoder,
    total: encoder + decoder,
    detail: { embedding: encoderEmbedding + decoderEmbedding, encoderLayer, decoderLayer, crossAttention, outputLayer },
  };
}
