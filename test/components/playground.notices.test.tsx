import { render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Playground } from '@/components/playground/Playground';

function noticeItems(): string[] {
  const notice = screen.getByRole('status', { name: /could not be used as given/ });
  return within(notice)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

beforeEach(() => {
  window.history.replaceState(null, '', '/playground/');
});

describe('Playground URL notices', () => {
  it('lists a repeated ignored key once', () => {
    window.history.replaceState(null, '', '/playground/?dec=base&dech=4&dech=8');
    render(<Playground />);
    const dech = noticeItems().filter((text) => text.startsWith('dech:'));
    expect(dech).toHaveLength(1);
    expect(dech[0]).toContain('given 4, 8');
    expect(dech[0]).toContain('ignored');
    expect(dech[0]).toContain('(dec is base, not custom)');
  });

  it('reports misspelt keys', async () => {
    window.history.replaceState(null, '', '/playground/?cmp=1&passage=4&b.passages=8&b.passage=2&k=6');
    render(<Playground />);
    await waitFor(() => expect(noticeItems()).toHaveLength(2));
    expect(noticeItems()).toEqual([
      'passage: given 4, ignored (not a setting of this page; check the spelling).',
      'b.passage: given 2, ignored (not a setting of this page; check the spelling).',
    ]);
  });

  it('keeps keys of A and B apart', () => {
    window.history.replaceState(null, '', '/playground/?cmp=1&dech=4&dech=8&b.dech=4&b.dech=8');
    render(<Playground />);
    const items = noticeItems();
    expect(items.filter((text) => text.startsWith('dech:'))).toHaveLength(1);
    expect(items.filter((text) => text.startsWith('b.dech:'))).toHaveLength(1);
  });
});
