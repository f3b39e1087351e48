import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Playground } from '@/components/playground/Playground';
import { parseConfig } from '@/lib/config/url';

/** Patience for asynchronous updates: a full render with every chart is slow on a busy machine. */
const SLOW = { timeout: 5000 };

function controls() {
  return within(screen.getByRole('group', { name: 'Configuration' }));
}

/** Types `value` into the exact-value box of `label` and presses Enter, as a reader would. */
function typeExact(label: RegExp, value: string) {
  const input = controls().getByRole('spinbutton', { name: label });
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

beforeEach(() => {
  window.history.replaceState(null, '', '/playground/');
});

describe('Playground adjustments', () => {
  it('says first-k was lowered by passage length', async () => {
    render(<Playground />);
    fireEvent.click(controls().getByRole('button', { name: 'FiD-Light-Base' }));
    expect(window.location.search).toBe('?firstk=32');

    typeExact(/Tokens per passage, exact value/, '8');
    const message = 'FiD-Light k lowered from 32 to 8 to fit 8 tokens per passage.';
    expect(controls().getByRole('status')).toHaveTextContent(message);
    await waitFor(() => expect(window.location.search).toBe('?ptokens=8&firstk=8'), SLOW);

    typeExact(/Tokens per passage, exact value/, '256');
    await waitFor(() => expect(window.location.search).toBe('?firstk=8'), SLOW);
    expect(controls().getByRole('status')).toHaveTextContent(message);

    // The URL holds only the value in use, and reads back without a notice.
    const parsed = parseConfig(window.location.search);
    expect(parsed.config.firstK).toBe(8);
    expect(parsed.notices).toEqual([]);

    fireEvent.click(within(controls().getByRole('status')).getByRole('button', { name: 'Dismiss' }));
    expect(controls().getByRole('status')).toBeEmptyDOMElement();
  });

  it('says K was lowered by decoder layers', () => {
    window.history.replaceState(null, '', '/playground/?k=6&dec=custom');
    render(<Playground />);
    typeExact(/Decoder layers/, '4');
    expect(controls().getByRole('status')).toHaveTextContent("Cross-attention period K lowered from 6 to 4 to fit the decoder's 4 layers.");
  });

  it('says g was lowered by query heads', () => {
    window.history.replaceState(null, '', '/playground/?kv=4&dec=custom');
    render(<Playground />);
    typeExact(/Decoder query heads/, '6');
    expect(controls().getByRole('status')).toHaveTextContent("Key/value heads g lowered from 4 to 3 to divide the decoder's 6 query heads.");
  });
});
