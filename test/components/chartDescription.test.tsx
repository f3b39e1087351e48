import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MemoryChart } from '@/components/charts/MemoryChart';
import { DEFAULT_CONFIG } from '@/lib/config/config';
import { evaluate } from '@/lib/cost/model';

const batch64 = evaluate({ ...DEFAULT_CONFIG });
const batch8 = evaluate({ ...DEFAULT_CONFIG, batchSize: 8 });

function descriptionOf(chart: HTMLElement): HTMLElement {
  return document.getElementById(chart.getAttribute('aria-describedby')!)!;
}

describe('chart text alternative', () => {
  it('matches the first drawing at once', () => {
    render(<MemoryChart result={batch64} width={640} />);
    const chart = screen.getByRole('img', { name: /^Memory at batch 64/ });
    expect(descriptionOf(chart)).toHaveTextContent(/^Memory at batch 64/);
  });

  it('catches up with a redrawn chart', async () => {
    const { rerender } = render(<MemoryChart result={batch64} width={640} />);
    rerender(<MemoryChart result={batch8} width={640} />);
    const chart = screen.getByRole('img', { name: /^Memory at batch 8:/ });
    await waitFor(() => expect(descriptionOf(chart)).toHaveTextContent(/^Memory at batch 8:/));
  });

  it('changes at once in place of a narrow chart', () => {
    const { rerender } = render(<MemoryChart result={batch64} width={100} />);
    rerender(<MemoryChart result={batch8} width={100} />);
    const fallback = screen.getByRole('img', { name: /^Memory at batch 8:/ });
    expect(descriptionOf(fallback)).toHaveTextContent(/^Memory at batch 8:/);
  });
});
