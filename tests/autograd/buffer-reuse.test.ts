// Backward writes into gradient buffers that nothing else holds. Whatever it recycles, a tensor
// the student kept (a result, a retained gradient, a copy of .grad) must never change.
import { describe, expect, it } from 'vitest';
import * as A from '../../core/autograd/index.ts';

const SIZE = 4096;
const PASSES = 4;

const valuesOf = (t: A.Tensor): number[] => Array.from(t.values());

/** d/dx sum(relu(x*x + 2x)) in float64: (2x + 2) where x*x + 2x > 0, else 0. */
function expectedGradient(x: number[]): number[] {
  return x.map((v) => (v * v + 2 * v > 0 ? 2 * v + 2 : 0));
}

describe('gradient buffer reuse in backward', () => {
  it('leaves kept results and retained gradients of earlier passes untouched', () => {
    const x = A.linspace(-3, 3, SIZE, { requiresGrad: true });
    const kept: { tensor: A.Tensor; values: number[] }[] = [];
    const keep = (t: A.Tensor): void => void kept.push({ tensor: t, values: valuesOf(t) });
    for (let pass = 0; pass < PASSES; pass++) {
      const square = A.mul(x, x);
      square.retainGrad();
      const inner = A.add(square, A.mul(x, 2));
      inner.retainGrad();
      const activated = A.relu(inner);
      A.sum(activated).backward();
      for (const t of [square, inner, activated, square.grad!, inner.grad!]) keep(t);
    }
    for (const { tensor, values } of kept) expect(valuesOf(tensor)).toEqual(values);
  });

  it('accumulates exactly what the passes add up to', () => {
    const x = A.linspace(-3, 3, SIZE, { requiresGrad: true });
    const once = expectedGradient(valuesOf(x));
    for (let pass = 1; pass <= PASSES; pass++) {
      A.sum(A.relu(A.add(A.mul(x, x), A.mul(x, 2)))).backward();
      const grad = valuesOf(x.grad!);
      grad.forEach((g, i) => expect(g).toBeCloseTo(pass * once[i], 4));
    }
  });

  it('keeps a gradient that was passed in by the caller', () => {
    const x = A.linspace(-1, 1, SIZE, { requiresGrad: true });
    const seed = A.ones([SIZE]);
    const before = valuesOf(seed);
    A.relu(A.mul(x, x)).backward(seed);
    A.relu(A.mul(x, 3)).backward(seed);
    expect(valuesOf(seed)).toEqual(before);
  });
});
