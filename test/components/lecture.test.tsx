import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { LectureMode, type LectureSection } from '@/components/lecture/LectureMode';
import { enterLecture, leaveLecture, usePresenting } from '@/components/lecture/usePresenting';

interface DemoState {
  passages: number;
  setPassages: (passages: number) => void;
}

function Prose({ state, mode }: { state: DemoState; mode: 'article' | 'slide' }) {
  return (
    <p>
      Encoding {state.passages} passages ({mode}).
    </p>
  );
}

function Control({ state }: { state: DemoState; mode: 'article' | 'slide' }) {
  return (
    <label>
      Passages
      <input
        type="range"
        min={1}
        max={100}
        value={state.passages}
        onChange={(event) => state.setPassages(Number(event.target.value))}
      />
      <output>{state.passages} passages</output>
    </label>
  );
}

const SECTIONS: LectureSection<DemoState>[] = [
  { id: 'why-fid', title: 'Why FiD', Section: Prose },
  { id: 'decoder-cost', title: 'Where the time goes', Section: Control },
  { id: 'fido-changes', title: 'What FiDO changes', Section: Prose },
];

function Harness({ onExit }: { onExit?: (href: string, sectionId: string) => void }) {
  const [passages, setPassages] = useState(40);
  return <LectureMode sections={SECTIONS} state={{ passages, setPassages }} onExit={onExit} />;
}

function openAt(search: string) {
  window.history.replaceState(null, '', `/${search}`);
}

function slideTitle() {
  return screen.getByRole('heading', { level: 1 }).textContent;
}

function urlSlide() {
  return new URLSearchParams(window.location.search).get('slide');
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('LectureMode', () => {
  it('opens at the slide in the URL', () => {
    openAt('?present=1&slide=3');
    render(<Harness />);
    expect(slideTitle()).toBe('What FiDO changes');
    expect(screen.getByText('Slide 3 of 3')).toBeInTheDocument();
  });

  it('moves with the keys and writes the slide to the URL', async () => {
    const user = userEvent.setup();
    openAt('?present=1&k=6');
    render(<Harness />);
    expect(slideTitle()).toBe('Why FiD');

    await user.keyboard('{ArrowRight}');
    expect(slideTitle()).toBe('Where the time goes');
    expect(urlSlide()).toBe('2');

    await user.keyboard('{PageDown}');
    expect(slideTitle()).toBe('What FiDO changes');
    expect(urlSlide()).toBe('3');

    await user.keyboard('{ArrowRight}');
    expect(slideTitle()).toBe('What FiDO changes');

    await user.keyboard('{Home}');
    expect(urlSlide()).toBe('1');
    await user.keyboard('{End}');
    expect(urlSlide()).toBe('3');
    await user.keyboard('{ArrowUp}');
    expect(urlSlide()).toBe('2');
    await user.keyboard('{PageUp}');
    expect(urlSlide()).toBe('1');
    await user.keyboard(' ');
    expect(urlSlide()).toBe('2');
    await user.keyboard('{Shift>} {/Shift}');
    expect(urlSlide()).toBe('1');
    await user.keyboard('{ArrowDown}');
    expect(urlSlide()).toBe('2');

    expect(new URLSearchParams(window.location.search).get('k')).toBe('6');
    expect(new URLSearchParams(window.location.search).get('present')).toBe('1');
  });

  it('replaces the history entry instead of pushing one per slide', async () => {
    const user = userEvent.setup();
    openAt('?present=1');
    const entries = window.history.length;
    render(<Harness />);
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowLeft}');
    expect(window.history.length).toBe(entries);
  });

  it('announces the slide it moved to', async () => {
    const user = userEvent.setup();
    openAt('?present=1');
    render(<Harness />);
    await user.keyboard('{ArrowRight}');
    expect(screen.getByText('Slide 2 of 3: Where the time goes')).toBeInTheDocument();
  });

  it('clamps a slide past the end and says so', () => {
    openAt('?present=1&slide=42');
    render(<Harness />);
    expect(slideTitle()).toBe('What FiDO changes');
    expect(screen.getByRole('status')).toHaveTextContent('only 3 slides, so slide 3 is shown');
    expect(urlSlide()).toBe('3');
  });

  it('falls back to slide 1 on a malformed number and says so', () => {
    openAt('?present=1&slide=two');
    render(<Harness />);
    expect(slideTitle()).toBe('Why FiD');
    expect(screen.getByRole('status')).toHaveTextContent('"two", which is not a slide number');
    expect(urlSlide()).toBe('1');
  });

  it('notes a repeated slide key', () => {
    openAt('?present=1&slide=3&slide=5');
    render(<Harness />);
    expect(slideTitle()).toBe('What FiDO changes');
    expect(screen.getByRole('status')).toHaveTextContent('The link gives slide 2 times (3, 5); the first value is used.');
  });

  it('clears the notice when dismissed', async () => {
    const user = userEvent.setup();
    openAt('?present=1&slide=0');
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('leaves arrow keys to a focused slider', () => {
    openAt('?present=1&slide=2');
    render(<Harness />);
    const slider = screen.getByRole('slider', { name: /passages/i });
    slider.focus();
    // user-event cannot press keys on a range input in jsdom, so the events are fired.
    for (const key of ['ArrowRight', 'ArrowDown', 'End', 'Home', 'PageUp', ' ']) fireEvent.keyDown(slider, { key });
    expect(slideTitle()).toBe('Where the time goes');
    expect(urlSlide()).toBe('2');
  });

  it('hands keys back to the lecture when Esc leaves a slider', () => {
    const onExit = vi.fn();
    openAt('?present=1&slide=2');
    render(<Harness onExit={onExit} />);
    const slider = screen.getByRole('slider', { name: /passages/i });
    slider.focus();
    fireEvent.keyDown(slider, { key: 'Escape' });
    expect(onExit).not.toHaveBeenCalled();
    expect(slider).not.toHaveFocus();
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(urlSlide()).toBe('3');
  });

  it('keeps figures live: a control on a slide updates the shared state', () => {
    openAt('?present=1&slide=2');
    render(<Harness />);
    fireEvent.change(screen.getByRole('slider', { name: /passages/i }), { target: { value: '64' } });
    expect(screen.getByText('64 passages')).toBeInTheDocument();
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(screen.getByText('Encoding 64 passages (slide).')).toBeInTheDocument();
  });

  it('works from the control bar', async () => {
    const user = userEvent.setup();
    openAt('?present=1');
    render(<Harness />);
    const bar = screen.getByRole('navigation', { name: 'Lecture controls' });
    const previous = within(bar).getByRole('button', { name: /previous/i });
    expect(previous).toHaveAttribute('aria-disabled', 'true');

    await user.click(within(bar).getByRole('button', { name: /next/i }));
    expect(within(bar).getByText('Slide 2 of 3')).toBeInTheDocument();
    expect(previous).toHaveAttribute('aria-disabled', 'false');

    await user.click(previous);
    expect(within(bar).getByText('Slide 1 of 3')).toBeInTheDocument();
  });

  it('does not also move the slide when Space presses a focused button', async () => {
    const user = userEvent.setup();
    openAt('?present=1');
    render(<Harness />);
    screen.getByRole('button', { name: /next/i }).focus();
    await user.keyboard(' ');
    expect(urlSlide()).toBe('2');
  });

  it('shows a QR code of the article permalink and closes it with q', async () => {
    const user = userEvent.setup();
    openAt('?present=1&slide=2&enc=large&dec=xxl');
    render(<Harness />);
    await user.keyboard('q');

    const dialog = screen.getByRole('dialog', { name: 'Open this on your device' });
    const expected = `${window.location.origin}/?enc=large&dec=xxl#decoder-cost`;
    expect(await within(dialog).findByRole('img', { name: `QR code of ${expected}` })).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: expected })).toHaveAttribute('href', expected);

    await user.keyboard('{ArrowRight}');
    expect(urlSlide()).toBe('2');

    await user.keyboard('q');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('closes the QR dialog with Esc without leaving the lecture', async () => {
    const user = userEvent.setup();
    const onExit = vi.fn();
    openAt('?present=1');
    render(<Harness onExit={onExit} />);
    await user.click(screen.getByRole('button', { name: /qr code/i }));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onExit).not.toHaveBeenCalled();
  });

  it('leaves with Esc for the article at the same section and configuration', async () => {
    const user = userEvent.setup();
    const onExit = vi.fn();
    openAt('?present=1&slide=2&k=6&kv=1');
    render(<Harness onExit={onExit} />);
    await user.keyboard('{Escape}');
    expect(onExit).toHaveBeenCalledWith(`${window.location.origin}/?k=6&kv=1#decoder-cost`, 'decoder-cost');
  });

  it('pushes the article URL when no exit handler is given', async () => {
    const user = userEvent.setup();
    openAt('?present=1&slide=3&k=6');
    const entries = window.history.length;
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: /exit/i }));
    expect(window.location.search).toBe('?k=6');
    expect(window.location.hash).toBe('#fido-changes');
    expect(window.history.length).toBe(entries + 1);
  });

  it('reports that full screen is unavailable', async () => {
    const user = userEvent.setup();
    openAt('?present=1');
    render(<Harness />);
    await user.keyboard('f');
    expect(await screen.findByRole('status')).toHaveTextContent('Full screen is not available here');
  });

  it('reports a refused full-screen request', async () => {
    const user = userEvent.setup();
    const root = document.documentElement;
    Object.defineProperty(document, 'fullscreenEnabled', { configurable: true, value: true });
    root.requestFullscreen = vi.fn(() => Promise.reject(new TypeError('Permissions check failed')));
    try {
      openAt('?present=1');
      render(<Harness />);
      await user.click(screen.getByRole('button', { name: /full screen/i }));
      expect(root.requestFullscreen).toHaveBeenCalledOnce();
      expect(await screen.findByRole('status')).toHaveTextContent('Full screen was refused: Permissions check failed');
    } finally {
      delete (document as { fullscreenEnabled?: boolean }).fullscreenEnabled;
      delete (root as { requestFullscreen?: unknown }).requestFullscreen;
    }
  });

  it('marks the document as presenting only while mounted', () => {
    openAt('?present=1');
    const { unmount } = render(<Harness />);
    expect(document.documentElement).toHaveAttribute('data-present');
    act(() => unmount());
    expect(document.documentElement).not.toHaveAttribute('data-present');
  });

  it('ignores keys with modifiers', () => {
    openAt('?present=1');
    render(<Harness />);
    fireEvent.keyDown(window, { key: 'ArrowRight', altKey: true });
    fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    expect(slideTitle()).toBe('Why FiD');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('says so when there are no slides', () => {
    openAt('?present=1');
    render(<LectureMode sections={[]} state={{}} />);
    expect(screen.getByRole('alert')).toHaveTextContent('There are no slides to show.');
  });
});

describe('usePresenting', () => {
  function Probe() {
    return <p>{usePresenting() ? 'presenting' : 'reading'}</p>;
  }

  it('follows entering and leaving lecture mode', () => {
    openAt('?k=6');
    render(<Probe />);
    expect(screen.getByText('reading')).toBeInTheDocument();

    act(() => enterLecture(2));
    expect(screen.getByText('presenting')).toBeInTheDocument();
    expect(window.location.search).toBe('?k=6&present=1&slide=3');

    act(() => leaveLecture(`${window.location.origin}/?k=6#decoder-cost`));
    expect(screen.getByText('reading')).toBeInTheDocument();
  });

  it('turns false when the slides exit by themselves', async () => {
    const user = userEvent.setup();
    openAt('?present=1&slide=2');
    function Page() {
      const presenting = usePresenting();
      return presenting ? <Harness /> : <p>article</p>;
    }
    render(<Page />);
    await user.keyboard('{Escape}');
    expect(screen.getByText('article')).toBeInTheDocument();
    expect(window.location.hash).toBe('#decoder-cost');
  });
});

describe('LectureMode theme', () => {
  it('offers the theme switch in the control bar', async () => {
    const user = userEvent.setup();
    openAt('?present=1');
    render(<Harness />);
    const bar = screen.getByRole('navigation', { name: 'Lecture controls' });
    await user.selectOptions(within(bar).getByRole('combobox', { name: 'Theme' }), 'dark');
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    expect(window.localStorage.getItem('fido-theme')).toBe('dark');
    await user.keyboard('{ArrowDown}');
    expect(urlSlide()).toBeNull();
    await user.selectOptions(within(bar).getByRole('combobox', { name: 'Theme' }), 'system');
    expect(document.documentElement).not.toHaveAttribute('data-theme');
  });
});

describe('LectureMode slide too tall to fit', () => {
  const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  const scrollHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight');

  beforeEach(() => {
    // jsdom lays nothing out: give every box 100 px of room and 1000 px of content.
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 100 });
    Object.defineProperty(Element.prototype, 'scrollHeight', { configurable: true, get: () => 1000 });
  });

  afterEach(() => {
    if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
    if (scrollHeight) Object.defineProperty(Element.prototype, 'scrollHeight', scrollHeight);
  });

  it('shrinks to the minimum, then scrolls in a focusable region', () => {
    openAt('?present=1');
    render(<Harness />);
    const region = screen.getByRole('region', { name: 'Slide content, scrollable' });
    expect(region).toHaveAttribute('data-overflow', 'true');
    expect(region).toHaveAttribute('data-fit-scale', '0.600');
    expect(region).toHaveAttribute('tabindex', '0');

    region.focus();
    fireEvent.keyDown(region, { key: 'ArrowDown' });
    expect(urlSlide()).toBeNull();

    fireEvent.keyDown(region, { key: 'Escape' });
    expect(region).not.toHaveFocus();
    fireEvent.keyDown(document.body, { key: 'ArrowDown' });
    expect(urlSlide()).toBe('2');
  });
});
