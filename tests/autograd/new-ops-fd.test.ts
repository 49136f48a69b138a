// cat, stack, cumsum, softmax, log_softmax, remainder, norm, addmm and mse_loss: backward against
// central finite differences in float64 (gradcheck), second derivatives through create_graph,
// and the forward values and errors PyTorch gives.
import { describe, expect, it } from 'vitest';
import * as A from '../../core/autograd/index.ts';
import { seededInputs } from './seeded-input.ts';

type T = A.Tensor;

/** Deterministic float64 inputs in [low, high) that require grad. */
const input = seededInputs(11);

/** Weights the outputs unevenly so every output element's gradient path is checked. */
function weighted(t: T): T {
  const weights = Array.from({ length: t.numel }, (_, i) => 1 + i / 3);
  return A.mul(t, A.tensor(weights, [...t.shape], { dtype: 'float64' }));
}

interface Case {
  name: string;
  inputs: () => T[];
  fn: (xs: T[]) => T;
}

const cases: Case[] = [
  {
    name: 'cat along dim 0',
    inputs: () => [input([2, 3]), input([1, 3], -1, 1, 5)],
    fn: ([a, b]) => weighted(A.cat([a, b], 0)),
  },
  {
    name: 'cat along dim 1 with the same tensor twice',
    inputs: () => [input([2, 2]), input([2, 3], -1, 1, 7)],
    fn: ([a, b]) => weighted(A.cat([a, b, a], -1)),
  },
  {
    name: 'stack along dim 0',
    inputs: () => [input([3]), input([3], -1, 1, 5)],
    fn: ([a, b]) => weighted(A.stack([a, b])),
  },
  {
    name: 'stack along the last dim',
    inputs: () => [input([2, 2]), input([2, 2], -1, 1, 5)],
    fn: ([a, b]) => weighted(A.stack([a, b], 2)),
  },
  { name: 'cumsum dim 0', inputs: () => [input([4])], fn: ([x]) => weighted(A.cumsum(x, 0)) },
  {
    name: 'cumsum dim 1 of a matrix',
    inputs: () => [input([2, 3])],
    fn: ([x]) => weighted(A.cumsum(x, 1)),
  },
  { name: 'softmax', inputs: () => [input([4])], fn: ([x]) => weighted(A.softmax(x, 0)) },
  {
    name: 'softmax over rows',
    inputs: () => [input([2, 3])],
    fn: ([x]) => weighted(A.softmax(x, 1)),
  },
  {
    name: 'log_softmax over columns',
    inputs: () => [input([3, 2])],
    fn: ([x]) => weighted(A.logSoftmax(x, 0)),
  },
  {
    name: 'remainder by a scalar',
    inputs: () => [input([5], 0.1, 1.9)],
    fn: ([x]) => weighted(A.remainder(x, 0.7)),
  },
  { name: 'norm', inputs: () => [input([2, 3])], fn: ([x]) => A.vectorNorm(x) },
  {
    name: 'norm over a dim, keepdim',
    inputs: () => [input([2, 3])],
    fn: ([x]) => weighted(A.vectorNorm(x, { dim: [1], keepdim: true })),
  },
  {
    name: 'addmm (a linear layer on a batch)',
    inputs: () => [input([2]), input([3, 4], -1, 1, 5), input([4, 2], -1, 1, 9)],
    fn: ([bias, x, w]) => weighted(A.addmm(bias, x, w)),
  },
  {
    name: 'mse_loss, mean',
    inputs: () => [input([2, 3]), input([2, 3], -1, 1, 5)],
    fn: ([x, y]) => A.mseLoss(x, y),
  },
  {
    name: 'mse_loss broadcast, none',
    inputs: () => [input([2, 1]), input([3], -1, 1, 5)],
    fn: ([x, y]) => weighted(A.mseLoss(x, y, 'none')),
  },
  {
    name: 'round (a zero gradient)',
    inputs: () => [input([4], 0.1, 0.4)],
    fn: ([x]) => weighted(A.round(x)),
  },
  {
    name: 'remainder by a tensor',
    inputs: () => [input([3], 2.1, 2.9), input([3], 0.6, 0.9, 5)],
    fn: ([a, b]) => weighted(A.remainder(a, b)),
  },
];

describe('new ops: backward matches central finite differences (float64)', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(A.gradcheck(c.fn, c.inputs())).toBe(true);
    });
  }
});

describe('new ops: second derivatives through create_graph', () => {
  const derivative =
    (f: (xs: T[]) => T) =>
    (xs: T[]): T[] =>
      A.autogradGrad([A.sum(A.mul(f(xs), f(xs)))], xs, { createGraph: true }).map(
        (g, i) => g ?? A.zerosLike(xs[i]),
      );
  for (const name of [
    'cat along dim 0',
    'stack along dim 0',
    'cumsum dim 0',
    'softmax',
    'norm',
    'addmm (a linear layer on a batch)',
    'mse_loss, mean',
  ]) {
    const c = cases.find((k) => k.name === name) as Case;
    it(name, () => {
      expect(A.gradcheck(derivative(c.fn), c.inputs())).toBe(true);
    });
  }
  it('log_softmax over columns', () => {
    const c = cases.find((k) => k.name === 'log_softmax over columns') as Case;
    expect(A.gradcheck(derivative(c.fn), c.inputs())).toBe(true);
  });
});

const values = (t: T): number[] => Array.from(t.values());

describe('new ops: forward values and errors as PyTorch', () => {
  it("floor_divide and remainder round toward -inf like Python's // and %", () => {
    const ints = A.tensor([7, -7, 5], [3], { dtype: 'int64' });
    expect(values(A.floorDivide(ints, 2))).toEqual([3, -4, 2]);
    expect(values(A.remainder(ints, 3))).toEqual([1, 2, 2]);
    expect(values(A.floorDivide(A.tensor([7.5, -7.5], [2]), 2))).toEqual([3, -4]);
    expect(values(A.remainder(A.tensor([5.5, -5.5], [2]), 2))).toEqual([1.5, 0.5]);
    expect(() => A.floorDivide(ints, 0)).toThrow('ZeroDivisionError');
    expect(values(A.floorDivide(A.tensor([1, -1], [2]), 0))).toEqual([Infinity, -Infinity]);
  });

  it('floor_divide has no derivative, as in torch', () => {
    const y = A.floorDivide(input([2]), 2);
    expect(y.gradFn?.name).toBe('NotImplemented');
    expect(() => A.sum(y).backward()).toThrow(
      'derivative for aten::floor_divide is not implemented',
    );
  });

  it('cumsum of float32 accumulates in float64 and rounds each partial sum', () => {
    const sums = values(A.cumsum(A.full([20], 0.1), 0));
    expect(sums[17]).toBe(Math.fround(18 * Math.fround(0.1)));
  });

  it('cat and stack reject mismatched shapes with PyTorch messages', () => {
    expect(() => A.cat([A.ones([2, 2]), A.ones([3, 3])])).toThrow(
      'Sizes of tensors must match except in dimension 0. Expected size 2 but got size 3 for tensor number 1 in the list.',
    );
    expect(() => A.stack([A.ones([2]), A.ones([3])])).toThrow(
      'stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1',
    );
    expect(() => A.cat([A.ones([])])).toThrow(
      'zero-dimensional tensor (at position 0) cannot be concatenated',
    );
  });

  it('cat skips 1-D empty tensors and promotes dtypes', () => {
    const joined = A.cat([A.zeros([0]), A.tensor([1, 2], [2], { dtype: 'int64' }), A.ones([1])]);
    expect(joined.dtype).toBe('float32');
    expect(values(joined)).toEqual([1, 2, 1]);
  });

  it('round goes half to even, keeping the sign of zero', () => {
    expect(values(A.round(A.tensor([0.5, 1.5, 2.5, -0.5], [4])))).toEqual([0, 2, 2, -0]);
  });

  it('softmax of large inputs does not overflow', () => {
    expect(values(A.softmax(A.tensor([1000, 1000], [2]), 0))).toEqual([0.5, 0.5]);
  });
});
