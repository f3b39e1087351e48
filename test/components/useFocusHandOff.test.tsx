import { act, render, screen, waitFor } from '@testing-library/react';
import { useRef, type RefObject } from 'react';
import { describe, expect, it } from 'vitest';
import { useFocusHandOff } from '@/components/article/useFocusHandOff';

function HandOff({ region }: { region: RefObject<HTMLDivElement | null> }) {
  useFocusHandOff(region);
  return null;
}

/**
 * Renders a region whose placeholder loaded content replaces. The hook sits in its own
 * component, so a test can start it after focus has reached the placeholder.
 */
function Region({ watching, loaded }: { watching: boolean; loaded: boolean }) {
  const region = useRef<HTMLDivElement>(null);
  return (
    <>
      <div ref={region}>
        {loaded ? (
          <button type="button">Race both</button>
        ) : (
          <div tabIndex={0} data-focus-placeholder="" data-testid="placeholder">
            Loading
          </div>
        )}
      </div>
      <button type="button">Outside</button>
      {watching && <HandOff region={region} />}
    </>
  );
}

describe('useFocusHandOff', () => {
  it('moves focus into loaded content', async () => {
    const { rerender } = render(<Region watching loaded={false} />);
    act(() => screen.getByTestId('placeholder').focus());

    rerender(<Region watching loaded />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Race both' })).toHaveFocus());
  });

  it('moves early focus into content', async () => {
    const { rerender } = render(<Region watching={false} loaded={false} />);
    act(() => screen.getByTestId('placeholder').focus());
    rerender(<Region watching loaded={false} />);

    rerender(<Region watching loaded />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Race both' })).toHaveFocus());
  });

  it('keeps focus the reader moved', async () => {
    const { rerender } = render(<Region watching loaded={false} />);
    act(() => screen.getByTestId('placeholder').focus());
    act(() => screen.getByRole('button', { name: 'Outside' }).focus());

    rerender(<Region watching loaded />);
    // Let the mutation observer run before checking.
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.getByRole('button', { name: 'Outside' })).toHaveFocus();
  });

  it('ignores an unfocused placeholder', async () => {
    const { rerender } = render(<Region watching loaded={false} />);
    rerender(<Region watching loaded />);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(document.body).toHaveFocus();
  });
});
