// Views share their base's storage: writes through any alias reach all, gradients through views
// and through writes into views (CopySlices, AsStridedBackward0) match finite differences.
import { describe, expect, it } from 'vitest';
import * as A from '../../core/autograd/index.ts';
import { seededInputs } from './seeded-input.ts';

type T = A.Tensor;

const input = seededInputs(23);

/** Weights the outputs unevenly so every output element's gradient path is checked. */
function weighted(t: T): T {
  const weights = Array.from({ length: t.numel }, (_, i) => 1 + i / 3);
  return A.mul(t, A.tensor(weights, [...t.shape], { dtype: 'float64' }));
}

const sumAll = (ts: readonly T[]): T =>
  ts.map((t) => A.sum(weighted(t))).reduce((a, b) => A.add(a, b));

const cases: { name: string; inputs: () => T[]; fn: (xs: T[]) => T }[] = [
  { name: 'diagonal', inputs: () => [input([3, 3])], fn: ([x]) => weighted(A.diagonal(x)) },
  {
    name: 'diagonal above and below, other dims',
    inputs: () => [input([2, 3, 4])],
    fn: ([x]) =>
      A.add(A.sum(weighted(A.diagonal(x, 1, 1, 2))), A.sum(weighted(A.diagonal(x, -1, 0, 2)))),
  },
  { name: 'unbind', inputs: () => [input([3, 2])], fn: ([x]) => sumAll(A.unbind(x, 1)) },
  { name: 'split', inputs: () => [input([5, 2])], fn: ([x]) => sumAll(A.split(x, 2)) },
  {
    name: 'split with sizes',
    inputs: () => [input([2, 5])],
    fn: ([x]) => sumAll(A.split(x, [1, 4], 1)),
  },
  {
    name: 'chunk, one output unused',
    inputs: () => [input([4])],
    fn: ([x]) => weighted(A.chunk(x, 2)[1]),
  },
  {
    name: 'a view of a transpose',
    inputs: () => [input([2, 3])],
    fn: ([x]) => weighted(A.view(A.unsqueeze(A.t(x), 0), [3, 2, 1])),
  },
  {
    name: 'reshape of a transpose (a copy)',
    inputs: () => [input([2, 3])],
    fn: ([x]) => weighted(A.reshape(A.t(x), [6])),
  },
  {
    name: 'in place through a slice of a non-leaf (CopySlices)',
    inputs: () => [input([4]), input([2], 0.5, 2, 3)],
    fn: ([x, w]) => {
      const y = A.mul(x, x);
      A.mul_(A.index(y, [{ start: 1, stop: 3 }]), w);
      return weighted(y);
    },
  },
  {
    name: 'in place through a transpose, then reading another view',
    inputs: () => [input([2, 2])],
    fn: ([x]) => {
      const y = A.mul(x, x); // exp would save y, which the write changes: torch's error
      const column = A.index(y, [{}, 1]);
      A.add_(A.t(y), A.mul(x, 2));
      return weighted(A.mul(column, column));
    },
  },
  {
    name: 'setitem into a view of a view',
    inputs: () => [input([3, 2]), input([2], -1, 1, 9)],
    fn: ([x, v]) => {
      const y = A.mul(x, 3);
      A.indexPut_(A.t(y), [{}, 0], v);
      return weighted(y);
    },
  },
  {
    name: 'unsqueeze_ and t_ on a non-leaf',
    inputs: () => [input([2, 3])],
    fn: ([x]) => {
      const y = A.mul(x, x);
      A.reshapeInPlace(y, (t) => A.unsqueeze(t, 0, 'UnsqueezeBackward1'));
      A.reshapeInPlace(y, (t) => A.transpose(t, 0, 2, 'TransposeBackward1'));
      return weighted(y);
    },
  },
];

describe('views: backward matches central finite differences (float64)', () => {
  for (const c of cases) it(c.name, () => expect(A.gradcheck(c.fn, c.inputs())).toBe(true));
});

describe('views: second derivatives through create_graph', () => {
  for (const c of cases.filter((c) => /CopySlices|transpose, then/.test(c.name)))
    it(c.name, () => {
      const derivative = (xs: T[]): T =>
        A.autogradGrad([A.sum(A.mul(c.fn(xs), c.fn(xs)))], xs, { createGraph: true }).reduce<T>(
          (a, g) => A.add(a, A.sum(weighted(g as T))),
          A.tensor([0], [], { dtype: 'float64' }),
        );
      expect(A.gradcheck(derivative, c.inputs())).toBe(true);
    });
});

describe('views share storage', () => {
  const values = (t: T): number[] => Array.from(t.values());

  it('a write into a transposed view reaches the base and every other view', () => {
    const x = A.reshape(A.arange(0, 6), [2, 3]);
    const column = A.index(x, [{}, 2]);
    A.fill_(A.index(A.t(x), [1]), -1);
    expect(values(x)).toEqual([0, -1, 2, 3, -1, 5]);
    expect(values(column)).toEqual([2, 5]);
    A.mul_(column, 10);
    expect(values(x)).toEqual([0, -1, 20, 3, -1, 50]);
    expect(x.version.value).toBe(2);
  });

  it('reports strides, offsets and contiguity as torch does', () => {
    const x = A.reshape(A.arange(0, 6), [2, 3]);
    const view = A.index(x, [{}, 1]);
    expect([A.layoutOf(view).strides, A.layoutOf(view).offset, A.isContiguous(view)]).toEqual([
      [3],
      1,
      false,
    ]);
    expect(A.isContiguous(A.index(x, [1]))).toBe(true);
    expect(A.contiguous(x)).toBe(x);
    expect(() => A.view(A.t(x), [6])).toThrow(/Use \.reshape\(\.\.\.\) instead/);
  });

  it('never recycles the storage of a gradient a view still reads', () => {
    const n = 5000; // above the size the storage pool keeps
    const x = A.linspace(-1, 1, n, { requiresGrad: true });
    for (let pass = 1; pass <= 3; pass++) {
      A.sum(A.mul(A.reshape(A.mul(x, x), [50, 100]), 2)).backward();
      const grad = values(x.grad as T);
      expect(grad[0]).toBeCloseTo(pass * -4, 4);
      expect(grad[n - 1]).toBeCloseTo(pass * 4, 4);
    }
  });
});
