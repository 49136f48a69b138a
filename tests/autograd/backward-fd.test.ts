// Every op's backward against central finite differences in float64 (gradcheck), broadcasting
// included, and second derivatives through create_graph (the Jacobian of the first derivative).
import { describe, expect, it } from 'vitest';
import * as A from '../../core/autograd/index.ts';
import { seededInputs } from './seeded-input.ts';
import { squareFunction } from './square-function.ts';

type T = A.Tensor;

/** Deterministic float64 inputs away from kinks: values in [low, high). */
const input = seededInputs(7);

const positive = (shape: number[]): T => input(shape, 0.5, 3);

interface Case {
  name: string;
  inputs: () => T[];
  fn: (xs: T[]) => T;
}

const unary = (name: string, f: (x: T) => T, make: (s: number[]) => T = (s) => input(s)): Case => ({
  name,
  inputs: () => [make([2, 3])],
  fn: ([x]) => f(x),
});

const cases: Case[] = [
  unary('neg', A.neg),
  unary('sin', A.sin),
  unary('cos', A.cos),
  unary('tan', A.tan, (s) => input(s, -1, 1)),
  unary('exp', A.exp),
  unary('log', A.log, positive),
  unary('sqrt', A.sqrt, positive),
  unary('tanh', A.tanh),
  unary('sigmoid', A.sigmoid),
  unary('relu', A.relu),
  unary('abs', A.abs),
  unary('reciprocal', A.reciprocal, positive),
  unary('sinh', A.sinh),
  unary('cosh', A.cosh),
  unary('asin', A.asin, (s) => input(s, -0.9, 0.9)),
  unary('acos', A.acos, (s) => input(s, -0.9, 0.9)),
  unary('atan', A.atan),
  unary('log2', A.log2, positive),
  unary('log10', A.log10, positive),
  unary('clamp', (x) => A.clamp(x, { min: -0.5, max: 0.7 })),
  unary('sum', (x) => A.sum(x)),
  unary('sum over dim', (x) => A.sum(x, { dim: 1 })),
  unary('mean', (x) => A.mean(x)),
  unary('mean over dim, keepdim', (x) => A.mean(x, { dim: 0, keepdim: true })),
  unary('pow scalar exponent', (x) => A.pow(x, 3)),
  unary('pow fractional exponent', (x) => A.pow(x, 0.5), positive),
  unary('rpow', (x) => A.pow(2, x)),
  unary('rsub', (x) => A.rsub(x, 1)),
  unary('rdiv', (x) => A.rdiv(x, 2), positive),
  unary('add alpha', (x) => A.add(x, x, { alpha: 2 })),
  unary('clone', A.clone),
  unary('reshape', (x) => A.reshape(x, [3, -1])),
  unary('transpose', (x) => A.transpose(x, 0, 1)),
  unary('t', A.t),
  unary('permute', (x) => A.permute(x, [1, 0])),
  unary('unsqueeze', (x) => A.unsqueeze(x, 1)),
  unary('squeeze', (x) => A.squeeze(A.unsqueeze(x, 0), 0)),
  unary('expand', (x) => A.expand(A.unsqueeze(x, 0), [4, 2, 3])),
  unary('select and slice', (x) => A.index(x, [1, { start: 0, stop: 3, step: 2 }])),
  unary('boolean mask', (x) => A.index(x, [A.gt(x, 0)])),
  unary('max', A.max),
  unary('min over a dim', (x) => A.minDim(x, 1).values),
  unary('max over a dim, keepdim', (x) => A.maxDim(x, 0, true).values),
  unary('where', (x) => A.where(A.gt(x, 0), A.mul(x, x), A.neg(x))),
];

/** Binary ops with broadcasting: a [2, 3] against b [3] (and b against a scalar tensor). */
const binary = (
  name: string,
  f: (a: T, b: T) => T,
  makeB: (s: number[]) => T = (s) => input(s, -2, 2, 3),
): Case[] => [
  {
    name: `${name} broadcast [2,3] with [3]`,
    inputs: () => [input([2, 3]), makeB([3])],
    fn: ([a, b]) => f(a, b),
  },
  {
    name: `${name} broadcast [3] with []`,
    inputs: () => [input([3]), makeB([])],
    fn: ([a, b]) => f(a, b),
  },
];

cases.push(
  ...binary('add', A.add),
  ...binary('sub', A.sub),
  ...binary('mul', A.mul),
  ...binary('div', A.div, positive),
  ...binary('rsub tensor', (a, b) => A.rsub(a, b)),
  ...binary('maximum', A.maximum),
  ...binary('minimum', A.minimum),
  {
    name: 'pow tensor exponent',
    inputs: () => [positive([2, 3]), input([3])],
    fn: ([a, b]) => A.pow(a, b),
  },
  { name: 'mm', inputs: () => [input([2, 3]), input([3, 4])], fn: ([a, b]) => A.mm(a, b) },
  { name: 'mv', inputs: () => [input([2, 3]), input([3])], fn: ([a, b]) => A.matmul(a, b) },
  { name: 'dot', inputs: () => [input([3]), input([3], -1, 1, 5)], fn: ([a, b]) => A.matmul(a, b) },
  {
    name: 'batched matmul, broadcast batch',
    inputs: () => [input([2, 3, 4]), input([4, 2])],
    fn: ([a, b]) => A.matmul(a, b),
  },
  {
    name: 'batched matmul with a vector',
    inputs: () => [input([3]), input([2, 3, 2])],
    fn: ([a, b]) => A.matmul(a, b),
  },
  {
    name: 'batch times vector',
    inputs: () => [input([2, 2, 3]), input([3])],
    fn: ([a, b]) => A.matmul(a, b),
  },
  {
    name: 'vector @ matrix',
    inputs: () => [input([2]), input([2, 3])],
    fn: ([a, b]) => A.matmul(a, b),
  },
  {
    name: 'masked assignment into a non-leaf',
    inputs: () => [input([2, 3]), input([])],
    fn: ([x, v]) => {
      const y = A.mul(x, 2);
      A.indexPut_(y, [A.lt(x, 0)], v);
      return y;
    },
  },
  {
    name: 'copy_ of a broadcast source into a non-leaf',
    inputs: () => [input([2, 3]), input([3])],
    fn: ([x, src]) => A.mul(A.copy_(A.mul(x, 1), src), x),
  },
  {
    name: 'in-place add and mul on a non-leaf',
    inputs: () => [input([3]), input([3], -1, 1, 9)],
    fn: ([x, w]) => A.mul_(A.add_(A.mul(x, 1), w), x),
  },
);

describe('backward matches central finite differences (float64)', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(A.gradcheck(c.fn, c.inputs())).toBe(true);
    });
  }
});

/** The first derivative as a function (sum of outputs differentiated with create_graph). */
function derivative(f: (xs: T[]) => T): (xs: T[]) => T[] {
  return (xs) => {
    const grads = A.autogradGrad([A.sum(f(xs))], xs, { createGraph: true, allowUnused: true });
    return grads.map((g, i) => g ?? A.zerosLike(xs[i]));
  };
}

const secondOrder = [
  'sin',
  'cos',
  'tan',
  'exp',
  'log',
  'sqrt',
  'tanh',
  'sigmoid',
  'reciprocal',
  'sinh',
  'asin',
  'atan',
  'log2',
  'pow scalar exponent',
  'pow fractional exponent',
  'rpow',
  'mul broadcast [2,3] with [3]',
  'div broadcast [2,3] with [3]',
  'pow tensor exponent',
  'mm',
  'mv',
  'mean over dim, keepdim',
  'boolean mask',
  'where',
];

describe('second derivatives through create_graph match finite differences', () => {
  for (const name of secondOrder) {
    const c = cases.find((k) => k.name === name) as Case;
    it(name, () => {
      expect(A.gradcheck(derivative(c.fn), c.inputs())).toBe(true);
    });
  }
});

describe('gradcheck itself', () => {
  it('fails a backward that ignores grad_output, with PyTorch message', () => {
    const x = A.tensor([1.5, -0.5], [2], { dtype: 'float64', requiresGrad: true });
    expect(A.gradcheck(([t]) => squareFunction(t, false), [x], { raiseException: false })).toBe(
      false,
    );
    expect(() => A.gradcheck(([t]) => squareFunction(t, false), [x])).toThrow(
      'Jacobian mismatch for output 0 with respect to input 0,\nnumerical:tensor([[ 3.0000,  0.0000],\n        [ 0.0000, -1.0000]], dtype=torch.float64)\nanalytical:tensor([[ 3.,  3.],\n        [-1., -1.]], dtype=torch.float64)\n',
    );
  });

  it('warns, as PyTorch does, about inputs that are not float64', () => {
    const warnings: string[] = [];
    const x = A.tensor([1.5], [1], { requiresGrad: true });
    A.gradcheck(([t]) => A.mul(t, t), [x], {
      onWarning: (m) => warnings.push(m),
      raiseException: false,
    });
    expect(warnings).toEqual([
      'Input #0 requires gradient and is not a double precision floating point or complex. This check will likely fail if all the inputs are not of double precision floating point or complex. ',
    ]);
  });

  it('passes the correct custom Function', () => {
    const x = A.tensor([1.5, -0.5], [2], { dtype: 'float64', requiresGrad: true });
    expect(A.gradcheck(([t]) => squareFunction(t, true), [x])).toBe(true);
  });
});
