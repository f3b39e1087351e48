import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FusionDiagram } from '@/components/article/FusionDiagram';
import { Figure } from '@/components/figure/Figure';
import { readingNumbers } from '@/lib/article/reading';
import { readingTable } from '@/lib/article/tables';
import { DEFAULT_CONFIG } from '@/lib/config/config';
import { evaluate } from '@/lib/cost';

const numbers = readingNumbers(evaluate(DEFAULT_CONFIG));

/** Animation frames run only when `runFrames` is called, at the given timestamp. */
let frames: Map<number, FrameRequestCallback>;
let nextFrame: number;

function runFrames(now: number) {
  const due = [...frames.values()];
  frames.clear();
  act(() => due.forEach((callback) => callback(now)));
}

/** Blobs handed to the download link. */
let saved: Blob[];

beforeEach(() => {
  frames = new Map();
  nextFrame = 1;
  saved = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    frames.set(nextFrame, callback);
    return nextFrame++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn((blob: Blob) => (saved.push(blob), `blob:test/${saved.length}`)), revokeObjectURL: vi.fn() }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Number of elements of each tag name under `root`. */
function census(root: Element): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const element of root.querySelectorAll('*')) counts[element.tagName] = (counts[element.tagName] ?? 0) + 1;
  return counts;
}

/** Counts the elements of the finished diagram, as rendered for a reader who prefers reduced motion. */
function finishedCensus(): Record<string, number> {
  const { container, unmount } = render(<FusionDiagram numbers={numbers} autoplay={false} />);
  const counts = census(container.querySelector('svg[role="img"]')!);
  unmount();
  return counts;
}

describe('FusionDiagram export', () => {
  it('saves the finished diagram mid-animation', async () => {
    const finished = finishedCensus();
    expect(finished.rect).toBeGreaterThan(0);

    render(
      <Figure id="fusion" title="Fusion-in-Decoder in one picture" table={readingTable(numbers)} permalink="http://127.0.0.1:3360/">
        <FusionDiagram numbers={numbers} />
      </Figure>,
    );
    // The first frame rewinds the loop to its start; the next one draws it.
    runFrames(0);
    runFrames(1000);
    const onScreen = screen.getByRole('img', { name: /^Fusion-in-Decoder/ });
    expect(screen.getByText(/^Step 1 of 4/)).toBeInTheDocument();
    expect(onScreen.querySelectorAll('rect[data-passage]')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: /as SVG/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const doc = new DOMParser().parseFromString(await saved[0].text(), 'image/svg+xml');
    const chart = doc.documentElement.querySelector('svg') ?? doc.documentElement;
    const exported = census(chart);

    for (const [tag, count] of Object.entries(finished)) expect(exported[tag] ?? 0, `<${tag}> elements`).toBeGreaterThanOrEqual(count);
    expect(chart.querySelectorAll('[data-passage]')).toHaveLength(Math.min(numbers.passages, 4));
    expect(doc.documentElement.textContent).toContain(`${numbers.encoderVectors.toLocaleString('en-US')} vectors`);
  });
});
