// Explains a leaf's .grad that differs from its derivative because backward() ran more than once.
import type { LeafDerivative } from '../../core/symbolic/graph.ts';

/**
 * backward() adds to .grad, so after several calls without zero_() a leaf's grad is a whole
 * multiple of one call's derivative: the number of calls it has summed, when that is what the
 * values show.
 */
export function accumulatedCalls(leaf: LeafDerivative): number | null {
  if (!leaf.grad || leaf.grad.length === 0) return null;
  let calls: number | null = null;
  for (const [i, grad] of leaf.grad.entries()) {
    const one =
      leaf.derivativeValues.length === 1 ? leaf.derivativeValues[0]! : leaf.derivativeValues[i]!;
    if (one === 0) {
      if (grad !== 0) return null;
      continue;
    }
    const ratio = grad / one;
    const rounded = Math.round(ratio);
    if (rounded < 2 || Math.abs(ratio - rounded) > 1e-5 * rounded) return null;
    if (calls !== null && calls !== rounded) return null;
    calls = rounded;
  }
  return calls;
}
