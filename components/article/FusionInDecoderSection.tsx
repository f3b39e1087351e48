'use client';
/** Section 1: how Fusion-in-Decoder reads retrieved passages, with the animated diagram. */
import { formatCount, readingNumbers } from '@/lib/article/reading';
import { readingTable } from '@/lib/article/tables';
import { FusionDiagram } from './FusionDiagram';
import { ArticleFigure } from './ArticleFigure';
import { SECTION_TITLES } from './sectionTitles';
import { WorkloadControl } from './WorkloadControl';
import { SectionSlide } from './SectionSlide';
import type { SectionProps } from './sections';
import styles from './article.module.css';

export function FusionInDecoderSection({ state, mode }: SectionProps) {
  const n = readingNumbers(state.result);
  const passagesControl = <WorkloadControl state={state} field="passages" scope={SECTION_TITLES['fusion-in-decoder']} className={styles.sectionControl} />;

  if (mode === 'slide') {
    return (
      <SectionSlide
        headline={
          <>
            {formatCount(n.passages)} passages × {formatCount(n.passageTokens)} tokens = {formatCount(n.encoderVectors)} vectors, read at each of{' '}
            {formatCount(n.targetTokens)} steps
          </>
        }
      >
        <FusionDiagram numbers={n} slide />
        {passagesControl}
      </SectionSlide>
    );
  }

  const light = n.decoderVectorsPerPassage < n.passageTokens;
  return (
    <>
      <p>
        In open-domain question answering a retriever first finds passages that may contain the answer, and a reader model
        then writes the answer from them. Fusion-in-Decoder (FiD; Izacard and Grave, 2021) is such a reader, built on a T5
        encoder-decoder. It prepends the question to each retrieved passage and encodes every question+passage pair on its
        own, so the encoder&apos;s cost grows linearly with the number of passages rather than quadratically. The encoder
        outputs are then concatenated, and the decoder fuses the evidence: for every token it writes, its cross-attention
        looks at all of them.
      </p>
      <p>
        With your configuration the encoder makes <strong data-number="passages">{formatCount(n.passages)}</strong> independent
        passes over <strong data-number="passage-tokens">{formatCount(n.passageTokens)}</strong> tokens each and produces{' '}
        <strong data-number="encoder-vectors">{formatCount(n.encoderVectors)}</strong> vectors. The decoder writes{' '}
        <strong data-number="target-tokens">{formatCount(n.targetTokens)}</strong> tokens, one at a time, and at every step each
        of its <strong data-number="cross-layers">{n.crossAttentionLayers}</strong> cross-attention layers (out of{' '}
        {n.decoderLayers}) reads the keys and values of <strong data-number="decoder-vectors">{formatCount(n.decoderVectors)}</strong>{' '}
        vectors.
        {light &&
          ` FiD-Light is on: the decoder keeps only the first ${formatCount(n.decoderVectorsPerPassage)} vectors of each passage.`}
      </p>
      <p>
        So the encoder does a great deal of arithmetic once, while the decoder does a little arithmetic many times over a
        large memory. The rest of this article follows that asymmetry.
      </p>
      <ArticleFigure
        id="fusion-in-decoder-figure"
        title="Fusion-in-Decoder in one picture"
        caption="Question+passage pairs are encoded separately, concatenated and read by the decoder at every step. The diagram draws at most four passages and five answer tokens."
        table={readingTable(n)}
        mode="article"
        minHeight={380}
      >
        <FusionDiagram numbers={n} />
      </ArticleFigure>
    </>
  );
}
