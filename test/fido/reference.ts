// A loop-by-loop FiD / FiDO forward pass over plain arrays, written apart from lib/fido's
// tensor code so the tests can check head grouping, masks and layer sparsity against it.
import { crossAttentionLayers, decoderDims, decoderTokensPerPassage, effectiveKvHeads, encoderDims, type Config } from '@/lib/config/config';
import type { StackDims } from '@/lib/config/models';
import { relativePositionBucket } from '@/lib/fido/positions';

export type Weights = Map<string, Float32Array>;
type Vector = number[];

/** Multiplies x [in] by W [in, out], stored row-major. */
function project(x: Vector, w: Float32Array, outWidth: number): Vector {
  const out = new Array<number>(outWidth).fill(0);
  for (let i = 0; i < x.length; i++) {
    for (let o = 0; o < outWidth; o++) out[o] += x[i] * w[i * outWidth + o];
  }
  return out;
}

function rms(x: Vector, scale: Float32Array): Vector {
  const meanSquare = x.reduce((sum, value) => sum + value * value, 0) / x.length;
  return x.map((value, i) => (value / Math.sqrt(meanSquare + 1e-6)) * scale[i]);
}

function gelu(x: number): number {
  return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
}

function mlp(x: Vector, weights: Weights, prefix: string, dims: StackDims): Vector {
  const hidden = project(x, weights.get(`${prefix}/wi_0`)!, dims.dFf).map(gelu);
  const gate = project(x, weights.get(`${prefix}/wi_1`)!, dims.dFf);
  return project(hidden.map((value, i) => value * gate[i]), weights.get(`${prefix}/wo`)!, dims.dModel);
}

function add(a: Vector, b: Vector): Vector {
  return a.map((value, i) => value + b[i]);
}

/**
 * Multi-head attention of `queries` over `keys`/`values` (already projected), where query
 * head j reads key/value head floor(j / (h / g)); `bias(head, query, key)` adds to a score.
 */
function attention(
  queries: Vector[],
  keys: Vector[],
  values: Vector[],
  heads: number,
  kvHeads: number,
  dKv: number,
  bias: (head: number, query: number, key: number) => number,
): Vector[] {
  return queries.map((q, i) => {
    const out = new Array<number>(heads * dKv).fill(0);
    for (let head = 0; head < heads; head++) {
      const kvHead = Math.floor(head / (heads / kvHeads));
      const scores = keys.map((k, j) => {
        let score = bias(head, i, j);
        for (let c = 0; c < dKv; c++) score += q[head * dKv + c] * k[kvHead * dKv + c];
        return score;
      });
      const max = Math.max(...scores);
      const exps = scores.map((score) => Math.exp(score - max));
      const total = exps.reduce((sum, value) => sum + value, 0);
      exps.forEach((weight, j) => {
        for (let c = 0; c < dKv; c++) out[head * dKv + c] += (weight / total) * values[j][kvHead * dKv + c];
      });
    }
    return out;
  });
}

function embed(weights: Weights, table: string, id: number, width: number): Vector {
  return Array.from(weights.get(table)!.subarray(id * width, (id + 1) * width));
}

/** Encodes ids [P·n_p] (row-major by passage) into rows [P·n_x][d_enc]. */
export function referenceEncode(config: Config, weights: Weights, ids: Int32Array): Vector[] {
  const dims = encoderDims(config);
  const { dModel: d, heads: h, dKv } = dims;
  const n = config.passageTokens;
  const table = weights.get('encoder/relative_attention_bias')!;
  const output: Vector[] = [];

  for (let p = 0; p < config.passages; p++) {
    const row = Array.from(ids.subarray(p * n, (p + 1) * n));
    let x = row.map((id) => embed(weights, 'encoder/embedding', id, d));
    const bias = (head: number, query: number, key: number) =>
      table[relativePositionBucket(key - query, true) * h + head] + (row[key] === 0 ? -1e9 : 0);

    for (let layer = 0; layer < dims.layers; layer++) {
      const prefix = `encoder/layers_${layer}`;
      const normed = x.map((v) => rms(v, weights.get(`${prefix}/pre_attention_layer_norm/scale`)!));
      const q = normed.map((v) => project(v, weights.get(`${prefix}/attention/query`)!, h * dKv));
      const k = normed.map((v) => project(v, weights.get(`${prefix}/attention/key`)!, h * dKv));
      const v = normed.map((v) => project(v, weights.get(`${prefix}/attention/value`)!, h * dKv));
      const attended = attention(q, k, v, h, h, dKv, bias);
      x = x.map((value, i) => add(value, project(attended[i], weights.get(`${prefix}/attention/out`)!, d)));
      x = x.map((value) => add(value, mlp(rms(value, weights.get(`${prefix}/pre_mlp_layer_norm/scale`)!), weights, `${prefix}/mlp`, dims)));
    }
    x = x.map((value) => rms(value, weights.get('encoder/encoder_norm/scale')!));
    output.push(...x.slice(0, decoderTokensPerPassage(config)));
  }
  return output;
}

/** Computes logits [V] after `prefix`, recomputing the encoder and the whole decoder. */
export function referenceLogits(config: Config, weights: Weights, ids: Int32Array, prefix: readonly number[]): Vector {
  const dims = decoderDims(config);
  const { dModel: d, heads: h, dKv } = dims;
  const g = effectiveKvHeads(config);
  const kept = decoderTokensPerPassage(config);
  const encoded = referenceEncode(config, weights, ids);
  const encodedIsPadding = encoded.map((_, r) => ids[Math.floor(r / kept) * config.passageTokens + (r % kept)] === 0);
  const crossLayers = crossAttentionLayers(dims.layers, config.crossAttentionPeriod);
  const table = weights.get('decoder/relative_attention_bias')!;
  const embeddingName = weights.has('decoder/embedding') ? 'decoder/embedding' : 'encoder/embedding';
  const selfBias = (head: number, query: number, key: number) =>
    key > query ? -1e9 : table[relativePositionBucket(key - query, false) * h + head];
  const crossBias = (_head: number, _query: number, key: number) => (encodedIsPadding[key] ? -1e9 : 0);

  let x = prefix.map((id) => embed(weights, embeddingName, id, d));
  for (let layer = 0; layer < dims.layers; layer++) {
    const name = `decoder/layers_${layer}`;
    const normed = x.map((v) => rms(v, weights.get(`${name}/pre_self_attention_layer_norm/scale`)!));
    const q = normed.map((v) => project(v, weights.get(`${name}/self_attention/query`)!, h * dKv));
    const k = normed.map((v) => project(v, weights.get(`${name}/self_attention/key`)!, g * dKv));
    const v = normed.map((v) => project(v, weights.get(`${name}/self_attention/value`)!, g * dKv));
    const attended = attention(q, k, v, h, g, dKv, selfBias);
    x = x.map((value, i) => add(value, project(attended[i], weights.get(`${name}/self_attention/out`)!, d)));

    if (crossLayers.includes(layer)) {
      const cross = `${name}/encoder_decoder_attention`;
      const crossNormed = x.map((v) => rms(v, weights.get(`${name}/pre_cross_attention_layer_norm/scale`)!));
      const crossQ = crossNormed.map((v) => project(v, weights.get(`${cross}/query`)!, h * dKv));
      const crossK = encoded.map((v) => project(v, weights.get(`${cross}/key`)!, g * dKv));
      const crossV = encoded.map((v) => project(v, weights.get(`${cross}/value`)!, g * dKv));
      const crossAttended = attention(crossQ, crossK, crossV, h, g, dKv, crossBias);
      x = x.map((value, i) => add(value, project(crossAttended[i], weights.get(`${cross}/out`)!, d)));
    }

    x = x.map((value) => add(value, mlp(rms(value, weights.get(`${name}/pre_mlp_layer_norm/scale`)!), weights, `${name}/mlp`, dims)));
  }
  const last = rms(x[x.length - 1], weights.get('decoder/decoder_norm/scale')!);
  return project(last, weights.get('decoder/logits_dense/kernel')!, config.vocabSize);
}
