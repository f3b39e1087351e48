'use client';
/** Section 9: the FiDO paper's claims against the model, the assumptions, and the references with a BibTeX entry. */
import { useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { PaperCheckPanel } from '@/components/playground/PaperCheckPanel';
import type { Config } from '@/lib/config/config';
import { FID_LIGHT_K, FIDO_PERIOD } from '@/lib/config/presets';
import { checkPaperClaims, type Verdict } from '@/lib/cost/paperCheck';
import { useSlideBodyHeight } from '@/components/lecture/slideBodyHeight';
import { LazyFigure } from './LazyFigure';
import type { SectionProps } from './sections';
import styles from './article.module.css';

export const FIDO_BIBTEX = `@inproceedings{dejong2023fido,
  title     = {{FiDO}: Fusion-in-Decoder optimized for stronger performance and faster inference},
  author    = {de Jong, Michiel and Zemlyanskiy, Yury and Ainslie, Joshua and FitzGerald, Nicholas and Sanghai, Sumit and Sha, Fei and Cohen, William},
  booktitle = {Findings of the Association for Computational Linguistics: ACL 2023},
  pages     = {11534--11547},
  year      = {2023},
  doi       = {10.18653/v1/2023.findings-acl.732},
  eprint    = {2212.08153},
  archivePrefix = {arXiv}
}`;

function BibtexBlock() {
  const [status, setStatus] = useState('');
  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('the clipboard API is not available');
      await navigator.clipboard.writeText(FIDO_BIBTEX);
      setStatus('BibTeX copied.');
    } catch {
      setStatus('Copying failed; select the text above and copy it by hand.');
    }
  }
  return (
    <div className={styles.bibtex}>
      <pre tabIndex={0} aria-label="BibTeX entry of the FiDO paper">
        <code>{FIDO_BIBTEX}</code>
      </pre>
      <button type="button" onClick={copy}>
        Copy BibTeX
      </button>{' '}
      <span role="status">{status}</span>
    </div>
  );
}

const VERDICT_TEXT: Record<Verdict, string> = { agrees: 'agrees', disagrees: 'disagrees', unknown: 'cannot check' };

/** Table of the FiDO paper's claims, one row each with the paper's figure, the model's and the verdict, small enough for a slide. */
function ClaimsSummary({ config }: { config: Config }) {
  const deferred = useDeferredValue(config);
  const check = useMemo(() => checkPaperClaims(deferred), [deferred]);
  return (
    <table className={styles.claimsTable}>
      <caption>The FiDO paper&apos;s claims against the model at these settings</caption>
      <thead>
        <tr>
          <th scope="col">Compared</th>
          <th scope="col">Paper</th>
          <th scope="col">Model</th>
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      <tbody>
        {check.claims.map((claim) => (
          <tr key={claim.id} data-verdict={claim.verdict}>
            <th scope="row">{claim.compared}</th>
            <td>{claim.paper}</td>
            <td>{claim.model}</td>
            <td>{VERDICT_TEXT[claim.verdict]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Renders the claims table on a slide at full size, in a box as tall as the slide body
 * that scrolls when the table is taller. Shrunk to fit, its text would be about 8 px on a
 * phone. The box is a labelled region with a tab stop, so a keyboard can scroll it,
 * and while it scrolls and has focus the arrow keys scroll it, not the slides.
 */
function SlideClaims({ config }: { config: Config }) {
  const bodyHeight = useSlideBodyHeight();
  const boxRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const mark = () => {
      box.dataset.scrolls = String(box.scrollHeight > box.clientHeight + 1);
    };
    mark();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(mark);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={boxRef}
      className={styles.slideClaims}
      style={bodyHeight === null ? undefined : { maxHeight: bodyHeight }}
      tabIndex={0}
      role="region"
      aria-label="The FiDO paper's claims, scrollable"
      data-slide-scroll=""
    >
      <ClaimsSummary config={config} />
    </div>
  );
}

export function PaperCheckSection({ state, mode }: SectionProps) {
  const panel = (
    <LazyFigure label="The paper's claims against the model" minHeight={600} eager={mode === 'slide'}>
      <PaperCheckPanel config={state.config} />
    </LazyFigure>
  );
  if (mode === 'slide') return <SlideClaims config={state.config} />;

  return (
    <>
      <p>
        Below, each claim of the FiDO paper is set beside the cost model&apos;s figure at your settings, with the model sizes
        the claim is about. Where they disagree, the text says why and which setting would close the gap. The model is an
        ideal roofline unless you lower the efficiencies: real decoders usually run well below it, which is the main reason
        its speedups come out smaller than the paper&apos;s measured ones.
      </p>
      {panel}
      <h3>Assumptions</h3>
      <ul>
        <li>
          The paper does not state its passage count or target length. This site assumes 40 passages and 32 target tokens;
          256 tokens per passage, batch 64 (or the largest that fits), one TPU v4 and greedy decoding are the paper&apos;s.
        </li>
        <li>
          The cross-attention period K = {FIDO_PERIOD} is assumed: the official FiDO code sets no default, and 6 is the
          example in its documentation.
        </li>
        <li>FiD-Light&apos;s k = {FID_LIGHT_K} is assumed: the k FiDO compared against is not published.</li>
        <li>
          Multi-query attention is applied to the decoder&apos;s self- and cross-attention only; the encoder keeps multi-head
          attention.
        </li>
        <li>
          Times are an ideal roofline: every operation runs at the slower of peak FLOP/s and peak bandwidth, scaled by the
          efficiencies (100% unless you change them). Softmax, activation functions and relative position biases are not
          counted. Hardware peaks are the vendors&apos; dense figures for the chosen precision.
        </li>
      </ul>
      <h3>References</h3>
      <ol className={styles.references}>
        <li>
          Michiel de Jong, Yury Zemlyanskiy, Joshua Ainslie, Nicholas FitzGerald, Sumit Sanghai, Fei Sha and William Cohen.
          FiDO: Fusion-in-Decoder optimized for stronger performance and faster inference. Findings of ACL 2023, pages
          11534–11547. <a href="https://doi.org/10.18653/v1/2023.findings-acl.732">doi:10.18653/v1/2023.findings-acl.732</a>,{' '}
          <a href="https://arxiv.org/abs/2212.08153">arXiv:2212.08153</a>.
        </li>
        <li>
          Gautier Izacard and Edouard Grave. Leveraging passage retrieval with generative models for open domain question
          answering (Fusion-in-Decoder). EACL 2021.
        </li>
        <li>
          Sebastian Hofstätter et al. FiD-Light: Efficient and effective retrieval-augmented text generation. 2022.{' '}
          <a href="https://arxiv.org/abs/2209.14290">arXiv:2209.14290</a>.
        </li>
        <li>
          Noam Shazeer. Fast Transformer decoding: One write-head is all you need (multi-query attention). 2019.{' '}
          <a href="https://arxiv.org/abs/1911.02150">arXiv:1911.02150</a>.
        </li>
        <li>
          Joshua Ainslie et al. GQA: Training generalized multi-query Transformer models from multi-head checkpoints. 2023.{' '}
          <a href="https://arxiv.org/abs/2305.13245">arXiv:2305.13245</a>.
        </li>
        <li>
          Colin Raffel et al. Exploring the limits of transfer learning with a unified text-to-text Transformer (T5). Journal
          of Machine Learning Research 21, 2020.
        </li>
        <li>
          Samuel Williams, Andrew Waterman and David Patterson. Roofline: an insightful visual performance model for
          multicore architectures. Communications of the ACM 52(4), 2009.
        </li>
      </ol>
      <h3>Cite FiDO</h3>
      <BibtexBlock />
    </>
  );
}
