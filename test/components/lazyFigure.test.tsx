import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LazyFigure } from '@/components/article/LazyFigure';

/** An IntersectionObserver that never reports, as for a figure far below the viewport. */
class DistantObserver {
  observe() {}
  disconnect() {}
}

function Section({ withFigure }: { withFigure: boolean }) {
  return (
    <section>
      <button type="button">Copy link to this section</button>
      {withFigure && (
        <LazyFigure label="Live bench" focusable>
          <p>Bench loaded</p>
        </LazyFigure>
      )}
    </section>
  );
}

describe('LazyFigure', () => {
  beforeEach(() => {
    vi.stubGlobal('IntersectionObserver', DistantObserver);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('waits with a focusable placeholder', () => {
    render(<Section withFigure />);
    expect(screen.queryByText('Bench loaded')).toBeNull();
    expect(screen.getByText(/Live bench: the figure loads when you scroll to it/).parentElement).toHaveAttribute('tabindex', '0');
  });

  it('mounts when focus enters its section', () => {
    render(<Section withFigure />);
    act(() => screen.getByRole('button', { name: 'Copy link to this section' }).focus());
    expect(screen.getByText('Bench loaded')).toBeInTheDocument();
  });

  it('mounts on focus before start', () => {
    const { rerender } = render(<Section withFigure={false} />);
    act(() => screen.getByRole('button', { name: 'Copy link to this section' }).focus());
    rerender(<Section withFigure />);
    expect(screen.getByText('Bench loaded')).toBeInTheDocument();
  });
});
