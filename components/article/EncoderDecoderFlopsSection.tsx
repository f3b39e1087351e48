'use client';
/** Section 2: the FLOP formulas of encoder and decoder with the reader's sizes substituted. */
import { NoFitNote } from './NoFitNote';
import { ShareChart } from '@/components/charts/ShareChart';
import { formatFraction, flopsNumbers, type FlopsNumbers } from '@/lib/article/flops';
import { formatCount } from '@/lib/article/reading';
import { texCount, texFlops } from '@/lib/article/tex';
import { formatFlops, formatPercent } from '@/lib/charts/format';
import { shareTable } from '@/lib/charts/share';
import { Formula } from './Formula';
import { ArticleFigure } from './ArticleFigure';
import { SECTION_TITLES } from './sectionTitles';
import { WorkloadControl } from './WorkloadControl';
import { SectionSlide } from './SectionSlide';
import { shareSlide } from './slideCharts';
import { useSlideBodyHeight, useSlideStage } from '@/components/lecture/slideBodyHeight';
import type { SectionProps } from './sections';
import styles from './article.module.css';

function encoderFormula(n: FlopsNumbers) {
  const { nS, nP, dEnc: d, aEnc: a, fEnc: f } = n.symbols;
  const c = texCount;
  return {
    tex:
      `\\begin{aligned}F_{\\text{enc layer}} &= 2\\,n_s\\,(4\\,d\\,a + 3\\,d\\,f) + 4\\,n_s\\,n_p\\,a \\\\ ` +
      `&= 2\\cdot ${c(nS)}\\cdot(4\\cdot ${c(d)}\\cdot ${c(a)} + 3\\cdot ${c(d)}\\cdot ${c(f)}) + 4\\cdot ${c(nS)}\\cdot ${c(nP)}\\cdot ${c(a)} \\\\ ` +
      `&= ${texFlops(n.encoderLayerFlops)}\\end{aligned}`,
    text: `F_enc layer = 2·n_s·(4·d·a + 3·d·f) + 4·n_s·n_p·a = 2·${formatCount(nS)}·(4·${d}·${a} + 3·${d}·${f}) + 4·${formatCount(nS)}·${nP}·${a} = ${formatFlops(n.encoderLayerFlops)}`,
  };
}

function kvFormula(n: FlopsNumbers) {
  const { nX, dEnc, g, dKv } = n.symbols;
  const c = texCount;
  return {
    tex: `F_{\\text{K/V}} = 2\\,n_x\\cdot 2\\,d_{\\text{enc}}\\,g\\,d_{kv} = 2\\cdot ${c(nX)}\\cdot 2\\cdot ${c(dEnc)}\\cdot ${c(g)}\\cdot ${c(dKv)} = ${texFlops(n.kvProjectionLayerFlops)}`,
    text: `F_K/V = 2·n_x·2·d_enc·g·d_kv = 2·${formatCount(nX)}·2·${dEnc}·${g}·${dKv} = ${formatFlops(n.kvProjectionLayerFlops)}`,
  };
}

function decoderFormula(n: FlopsNumbers) {
  const { dDec: d, aDec: a, fDec: f, g, dKv, nX } = n.symbols;
  const c = texCount;
  return {
    tex:
      `\\begin{aligned}F_{\\text{dec layer}} &= 2\\,(2\\,d\\,a + 2\\,d\\,g\\,d_{kv}) + 6\\,d\\,f = ${texFlops(n.decoderLayerTokenFlops)} \\\\ ` +
      `F_{\\text{cross}} &= 4\\,d\\,a + 4\\,n_x\\,a = 4\\cdot ${c(d)}\\cdot ${c(a)} + 4\\cdot ${c(nX)}\\cdot ${c(a)} = ${texFlops(n.crossAttentionTokenFlops)}\\end{aligned}`,
    text:
      `F_dec layer = 2·(2·d·a + 2·d·g·d_kv) + 6·d·f = ${formatFlops(n.decoderLayerTokenFlops)} (d = ${d}, a = ${a}, g·d_kv = ${g * dKv}, f = ${f}); ` +
      `F_cross = 4·d·a + 4·n_x·a = ${formatFlops(n.crossAttentionTokenFlops)} (n_x = ${formatCount(nX)})`,
  };
}

function ratioFormula(n: FlopsNumbers) {
  return {
    tex: `\\frac{F_{\\text{decoder}}}{F_{\\text{encoder}}} = \\frac{${texFlops(n.decoderFlops)}}{${texFlops(n.encoderFlops)}} = ${n.decoderToEncoder.toFixed(3)} \\approx ${formatFraction(n.decoderToEncoder)}`,
    text: `F_decoder / F_encoder = ${formatFlops(n.decoderFlops)} / ${formatFlops(n.encoderFlops)} = ${n.decoderToEncoder.toFixed(3)} ≈ ${formatFraction(n.decoderToEncoder)}`,
  };
}

export function EncoderDecoderFlopsSection({ state, mode }: SectionProps) {
  const n = flopsNumbers(state.result);
  const fid = flopsNumbers(state.fid);
  const s = n.symbols;
  const slideBodyHeight = useSlideBodyHeight();
  const slideStage = useSlideStage();
  const timeShare = n.decoderTimeShare === null ? null : formatPercent(n.decoderTimeShare);
  const chart = (
    <ArticleFigure
      id="flops-figure"
      title="Share of FLOPs against share of time"
      caption="Encoder and decoder shares of the FLOPs and of the time per sample, for your configuration. The next section explains the gap."
      table={shareTable(state.result)}
      mode={mode}
      minHeight={200}
    >
      <ShareChart result={state.result} slide={mode === 'slide' ? shareSlide(slideBodyHeight, slideStage) : undefined} />
    </ArticleFigure>
  );
  const targetControl = <WorkloadControl state={state} field="targetTokens" scope={SECTION_TITLES['flops']} className={styles.sectionControl} />;

  if (mode === 'slide') {
    return (
      <SectionSlide
        headline={
          <>
            Decoder FLOPs ≈ {formatFraction(n.decoderToEncoder)} of the encoder&apos;s
            {timeShare === null ? '; this configuration does not fit in memory even at batch 1' : `, yet ${timeShare} of the time`}
          </>
        }
      >
        {chart}
        {targetControl}
      </SectionSlide>
    );
  }

  return (
    <>
      <p>
        Start with the arithmetic, counting one multiply or one add as one FLOP, so a multiply-add counts two. One encoder
        layer runs four attention projections (query, key, value, output, each d×a with attention width a), a gated MLP with
        three d×f matrices, and attention within each passage of n<sub>p</sub> tokens. With your encoder (d ={' '}
        {formatCount(s.dEnc)}, a = {formatCount(s.aEnc)}, f = {formatCount(s.fEnc)}) and n<sub>s</sub> ={' '}
        {formatCount(s.nS)} vectors:
      </p>
      <Formula display {...encoderFormula(n)} />
      <p>
        Over {s.layersEnc} layers the encoder needs <strong data-number="encoder-flops">{formatFlops(n.encoderFlops)}</strong>{' '}
        per sample. The decoder&apos;s cross-attention projects the encoder output to keys and values once per sample, in
        each of its {s.layersCross} cross-attention layers, from the encoder width to g = {s.g} key/value heads of{' '}
        {s.dKv}:
      </p>
      <Formula display {...kvFormula(n)} />
      <p>
        Then the decoder writes one token at a time. Per token, each decoder layer does its self-attention projections and
        MLP, each cross-attention layer adds its query and output projections and the attention over n<sub>x</sub> ={' '}
        {formatCount(s.nX)} encoder vectors, and the output layer adds 2·d·V ={' '}
        {formatFlops(n.outputTokenFlops)}:
      </p>
      <Formula display {...decoderFormula(n)} />
      <p>
        Over {formatCount(s.nT)} tokens, with the key/value projection and the self-attention over the growing cache, the
        decoder needs <strong data-number="decoder-flops">{formatFlops(n.decoderFlops)}</strong> per sample:
      </p>
      <Formula display {...ratioFormula(n)} />
      <p>
        For vanilla FiD at these sizes the ratio is <strong data-number="fid-ratio">{fid.decoderToEncoder.toFixed(3)}</strong>,
        close to 1/6, and almost all of it is the key/value projection ({formatPercent(fid.kvProjectionFlops / fid.decoderFlops)}{' '}
        of FiD&apos;s decoder FLOPs). With a ≈ d and f ≈ 8d/3, a full encoder layer costs about 24·d² FLOPs per vector and
        the key/value projection 4·d² per vector, a sixth of it. The generated tokens add the other{' '}
        {formatFlops(fid.decoderFlops - fid.kvProjectionFlops)}: each of them reads all n<sub>x</sub> vectors in every
        cross-attention layer, but there are only {formatCount(s.nT)} tokens against n<sub>s</sub> = {formatCount(s.nS)}{' '}
        encoder vectors. The FiDO paper counts multiplications only, which halves every term and leaves the ratio unchanged.
      </p>
      {timeShare === null ? (
        <>
          <p>By FLOPs, then, the decoder looks cheap. How much of the time it takes depends on a configuration that fits:</p>
          <NoFitNote result={state.result} />
        </>
      ) : (
        <p>
          By FLOPs, then, the decoder looks cheap. Yet it takes{' '}
          <strong data-number="decoder-time-share">{timeShare}</strong> of the time per sample in your configuration:
        </p>
      )}
      {chart}
    </>
  );
}
