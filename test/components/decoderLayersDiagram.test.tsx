import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DecoderLayersDiagram } from '@/components/article/DecoderLayersDiagram';

/** Height of the diagram's viewBox and of its first block, in viewBox units. */
function sizes(container: HTMLElement) {
  const viewBox = screen.getByRole('img').getAttribute('viewBox')!.split(' ').map(Number);
  const block = container.querySelector('[data-layer="0"] rect')!;
  return { height: viewBox[3], blockHeight: Number(block.getAttribute('height')) };
}

describe('DecoderLayersDiagram', () => {
  it('keeps the article size by default', () => {
    const { container } = render(<DecoderLayersDiagram layers={12} keptLayers={[5, 11]} />);
    expect(sizes(container).height).toBe(190);
  });

  it('adds room for slide text', () => {
    const { container } = render(<DecoderLayersDiagram layers={12} keptLayers={[5, 11]} slide />);
    expect(sizes(container).height).toBe(198);
  });

  it('draws taller rows for a tall slide', () => {
    const plain = render(<DecoderLayersDiagram layers={12} keptLayers={[5, 11]} slide />);
    const plainSizes = sizes(plain.container);
    plain.unmount();

    const { container } = render(<DecoderLayersDiagram layers={12} keptLayers={[5, 11]} slide tallRows />);
    const tallSizes = sizes(container);
    expect(tallSizes.blockHeight).toBeGreaterThan(2 * plainSizes.blockHeight);
    expect(tallSizes.height).toBeGreaterThan(plainSizes.height + 150);
    const numberY = Number(container.querySelector('[data-layer="0"] text')!.getAttribute('y'));
    expect(numberY).toBeLessThan(tallSizes.height - 10);
  });
});
