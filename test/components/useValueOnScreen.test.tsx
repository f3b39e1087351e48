import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useValueOnScreen } from '@/components/playground/useValueOnScreen';

/** An IntersectionObserver the test drives: `report` calls every observer with whether its elements intersect. */
class FakeIntersectionObserver {
  static instances: FakeIntersectionObserver[] = [];
  private elements: Element[] = [];

  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeIntersectionObserver.instances.push(this);
  }

  observe(element: Element) {
    this.elements.push(element);
  }

  disconnect() {
    this.elements = [];
  }

  static report(isIntersecting: boolean) {
    for (const observer of FakeIntersectionObserver.instances) {
      const entries = observer.elements.map((target) => ({ target, isIntersecting }) as IntersectionObserverEntry);
      if (entries.length) observer.callback(entries, observer as unknown as IntersectionObserver);
    }
  }
}

function Probe({ value }: { value: number }) {
  const displayed = useValueOnScreen('probe', value);
  return <div id="probe">shown {displayed}</div>;
}

describe('useValueOnScreen', () => {
  beforeEach(() => {
    FakeIntersectionObserver.instances = [];
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows a new value at once on screen', () => {
    const { rerender } = render(<Probe value={1} />);
    act(() => FakeIntersectionObserver.report(true));
    rerender(<Probe value={2} />);
    expect(screen.getByText('shown 2')).toBeInTheDocument();
  });

  it('keeps the old value off screen until after the frame', async () => {
    const { rerender } = render(<Probe value={1} />);
    act(() => FakeIntersectionObserver.report(false));
    rerender(<Probe value={2} />);
    expect(screen.getByText('shown 1')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('shown 2')).toBeInTheDocument());
  });

  it('shows the current value when scrolled into view', () => {
    const { rerender } = render(<Probe value={1} />);
    act(() => FakeIntersectionObserver.report(false));
    rerender(<Probe value={2} />);
    expect(screen.getByText('shown 1')).toBeInTheDocument();
    act(() => FakeIntersectionObserver.report(true));
    expect(screen.getByText('shown 2')).toBeInTheDocument();
  });

  it('shows a new value at once without IntersectionObserver', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const { rerender } = render(<Probe value={1} />);
    rerender(<Probe value={2} />);
    expect(screen.getByText('shown 2')).toBeInTheDocument();
  });
});
