// The symbolic panel's explanation of a .grad that summed several backward() calls.
import { describe, expect, it } from 'vitest';
import type { LeafDerivative } from '../../core/symbolic/graph.ts';
import { accumulatedCalls } from '../../renderer/ui/accumulated-grad.ts';

function leaf(derivativeValues: number[], grad: number[] | null): LeafDerivative {
  return {
    name: 'x',
    values: derivativeValues.map(() => 0),
    grad,
    derivative: { kind: 'num' } as unknown as LeafDerivative['derivative'],
    text: '',
    latex: '',
    equationLatex: '',
    derivativeValues,
    agrees: false,
  };
}

describe('accumulatedCalls', () => {
  it('counts the backward() calls a grad summed', () => {
    expect(accumulatedCalls(leaf([4], [8]))).toBe(2);
    expect(accumulatedCalls(leaf([3], [9.000001]))).toBe(3);
    expect(accumulatedCalls(leaf([2, 0, -1], [6, 0, -3]))).toBe(3);
  });

  it('finds no count where the grad is not a whole multiple, the same for every element', () => {
    expect(accumulatedCalls(leaf([4], [5]))).toBeNull();
    expect(accumulatedCalls(leaf([4], [4]))).toBeNull();
    expect(accumulatedCalls(leaf([2, 1], [4, 3]))).toBeNull();
    expect(accumulatedCalls(leaf([0], [1]))).toBeNull();
    expect(accumulatedCalls(leaf([4], null))).toBeNull();
    expect(accumulatedCalls(leaf([-4], [8]))).toBeNull();
  });
});
