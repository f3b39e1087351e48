import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { FusionInDecoderSection } from '@/components/article/FusionInDecoderSection';
import type { ArticleState } from '@/components/article/sections';
import { DEFAULT_CONFIG, type Config } from '@/lib/config/config';
import { evaluate } from '@/lib/cost';
import { logSteps, nearestStepIndex } from '@/components/controls';
import { WORKLOAD_LIMITS } from '@/lib/config/schema';

function Harness({ initial, mode = 'article' }: { initial: Config; mode?: 'article' | 'slide' }) {
  const [config, setConfigState] = useState(initial);
  const setConfig: ArticleState['setConfig'] = (update) =>
    setConfigState((c) => (typeof update === 'function' ? update(c) : update));
  const state: ArticleState = { config, setConfig, result: evaluate(config), fid: evaluate({ ...config, crossAttentionPeriod: 1, kvHeads: 0 }) };
  return <FusionInDecoderSection state={state} mode={mode} />;
}

function number(name: string): string {
  const element = document.querySelector(`[data-number="${name}"]`);
  if (!element) throw new Error(`no number "${name}" on the page`);
  return element.textContent ?? '';
}

describe('FusionInDecoderSection', () => {
  it('quotes the encoder and decoder vectors of the configuration', () => {
    render(<Harness initial={{ ...DEFAULT_CONFIG, passages: 40, passageTokens: 256, targetTokens: 32 }} />);
    expect(number('encoder-vectors')).toBe('10,240');
    expect(number('decoder-vectors')).toBe('10,240');
    expect(number('target-tokens')).toBe('32');
  });

  it('counts only first-k vectors with FiD-Light', () => {
    render(<Harness initial={{ ...DEFAULT_CONFIG, passages: 40, firstK: 32 }} />);
    expect(number('encoder-vectors')).toBe('10,240');
    expect(number('decoder-vectors')).toBe('1,280');
    expect(screen.getByText(/FiD-Light is on/)).toBeInTheDocument();
  });

  it('describes the same counts in the diagram as in the prose', async () => {
    render(<Harness initial={{ ...DEFAULT_CONFIG, passages: 12 }} />);
    const diagram = await screen.findByRole('img', { name: /Fusion-in-Decoder/ });
    expect(diagram.getAttribute('aria-label')).toContain(`concatenated into ${number('encoder-vectors')} vectors`);
    expect(within(diagram).getByText(/8 more passages, encoded alike/)).toBeInTheDocument();
  });

  it('pauses and plays the animation by button', async () => {
    render(<Harness initial={DEFAULT_CONFIG} />);
    const button = await screen.findByRole('button', { name: /animation/ });
    const before = button.textContent;
    act(() => button.click());
    expect(button.textContent).not.toBe(before);
  });

  it('updates the slide headline from its passages slider', () => {
    render(<Harness initial={DEFAULT_CONFIG} mode="slide" />);
    // The slider moves over log-spaced stops, so its value is the index of a stop.
    const steps = logSteps(WORKLOAD_LIMITS.passages.min, WORKLOAD_LIMITS.passages.max);
    const index = nearestStepIndex(steps, 20);
    fireEvent.change(screen.getByRole('slider', { name: 'Passages, Retrieval-augmented reading: FiD in one picture' }), { target: { value: String(index) } });
    const passages = steps[index];
    expect(screen.getByText(`${passages} passages × 256 tokens = ${(passages * 256).toLocaleString('en-US')} vectors, read at each of 32 steps`)).toBeInTheDocument();
  });
});
