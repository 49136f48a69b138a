// prod (all elements and along a dim, with and without zeros), cross, gather, scatter and
// scatter_add, sort, topk, tril and triu: backward against
// central finite differences in float64 (gradcheck), second derivatives through create_graph
// where torch's formula is differentiable, and unique's refusal of backward.
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

/** A float64 leaf with the given values (zeros where prod's backward takes its other formula). */
const leaf = (values: number[], shape: number[]): T =>
  A.tensor(values, shape, { dtype: 'float64', requiresGrad: true });

/** An int64 index tensor. */
const index = (values: number[] | number[][], shape: number[]): T =>
  A.tensor(values.flat(), shape, { dtype: 'int64' });

interface Case {
  name: string;
  inputs: () => T[];
  fn: (xs: T[]) => T;
}

const cases: Case[] = [
  { name: 'prod of all elements', inputs: () => [input([2, 3])], fn: ([x]) => A.prod(x) },
  {
    name: 'prod with one zero',
    inputs: () => [leaf([1.5, 0, -2, 0.7], [4])],
    fn: ([x]) => A.prod(x),
  },
  {
    name: 'prod with two zeros',
    inputs: () => [leaf([1.5, 0, -2, 0], [4])],
    fn: ([x]) => A.prod(x),
  },
  {
    name: 'prod along dim 1',
    inputs: () => [input([2, 3])],
    fn: ([x]) => weighted(A.prodDim(x, 1)),
  },
  {
    name: 'prod along dim 0 with zeros, keepdim',
    inputs: () => [leaf([1, 0, 3, 0, 2, 0.5], [2, 3])],
    fn: ([x]) => weighted(A.prodDim(x, 0, true)),
  },
  {
    name: 'cross of 3-vectors',
    inputs: () => [input([3]), input([3], -1, 1, 5)],
    fn: ([a, b]) => weighted(A.cross(a, b, null)),
  },
  {
    name: 'cross along dim 0 of a batch, broadcast',
    inputs: () => [input([3, 2]), input([3, 1], -1, 1, 5)],
    fn: ([a, b]) => weighted(A.cross(a, b, 0)),
  },
  {
    name: 'gather along dim 1, an element taken twice',
    inputs: () => [input([2, 3])],
    fn: ([x]) =>
      weighted(
        A.gather(
          x,
          1,
          index(
            [
              [0, 2, 2],
              [1, 0, 1],
            ],
            [2, 3],
          ),
        ),
      ),
  },
  {
    name: 'scatter of a tensor along dim 0',
    inputs: () => [input([3, 2]), input([2, 2], -1, 1, 5)],
    fn: ([x, src]) =>
      weighted(
        A.scatter(
          x,
          0,
          index(
            [
              [2, 0],
              [1, 2],
            ],
            [2, 2],
          ),
          src,
        ),
      ),
  },
  {
    name: 'scatter of a value',
    inputs: () => [input([2, 3])],
    fn: ([x]) => weighted(A.scatter(x, 1, index([[1], [0]], [2, 1]), 0.5)),
  },
  {
    name: 'scatter_add with repeated targets',
    inputs: () => [input([3]), input([4], -1, 1, 5)],
    fn: ([x, src]) => weighted(A.scatterAdd(x, 0, index([0, 2, 0, 0], [4]), src)),
  },
  {
    name: 'sort along dim 0, descending',
    inputs: () => [input([3, 2])],
    fn: ([x]) => weighted(A.sort(x, 0, true).values),
  },
  {
    name: 'topk of a row',
    inputs: () => [input([2, 4])],
    fn: ([x]) => weighted(A.topk(x, 2, 1, true).values),
  },
  { name: 'tril', inputs: () => [input([3, 3])], fn: ([x]) => weighted(A.triangle(x, false)) },
  {
    name: 'triu above the diagonal of a batch',
    inputs: () => [input([2, 2, 3])],
    fn: ([x]) => weighted(A.triangle(x, true, 1)),
  },
];

describe('prod, cross, gather, scatter, sort and triangles: backward matches central finite differences (float64)', () => {
  for (const c of cases)
    it(c.name, () => {
      expect(A.gradcheck(c.fn, c.inputs())).toBe(true);
    });
});

describe('prod, cross, gather and scatter: second derivatives through create_graph', () => {
  const derivative =
    (f: (xs: T[]) => T) =>
    (xs: T[]): T[] =>
      A.autogradGrad([A.sum(A.mul(f(xs), f(xs)))], xs, { createGraph: true }).map(
        (g, i) => g ?? A.zerosLike(xs[i]),
      );
  for (const name of [
    'prod of all elements',
    'prod along dim 1',
    'cross of 3-vectors',
    'gather along dim 1, an element taken twice',
    'scatter of a tensor along dim 0',
    'scatter_add with repeated targets',
    'topk of a row',
    'tril',
  ]) {
    const c = cases.find((k) => k.name === name) as Case;
    it(name, () => {
      expect(A.gradcheck(derivative(c.fn), c.inputs())).toBe(true);
    });
  }
});

describe('unique', () => {
  it('gives the sorted values, where each element went and the counts', () => {
    const { values, inverse, counts } = A.unique(A.tensor([3, 1, 2, 1, 3], [5]));
    expect(Array.from(values.values())).toEqual([1, 2, 3]);
    expect(Array.from(inverse.values())).toEqual([2, 0, 1, 0, 2]);
    expect(Array.from(counts.values())).toEqual([2, 1, 2]);
  });

  it("records Unique2Backward0, whose backward raises torch's error", () => {
    const { values } = A.unique(leaf([2, 1, 2], [3]));
    expect(values.gradFn?.name).toBe('Unique2Backward0');
    expect(() => A.sum(values).backward()).toThrow(
      "the derivative for '_unique2' is not implemented.",
    );
  });
});
