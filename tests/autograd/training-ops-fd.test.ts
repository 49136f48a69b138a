// The training ops' backwards (binary_cross_entropy with and without logits, nll_loss, leaky_relu,
// std, var) against central finite differences in float64 (gradcheck), and the rounding and
// errors that PyTorch 1.13 gives (its outputs are recorded in the torch probes too).
import { describe, expect, it } from 'vitest';
import * as A from '../../core/autograd/index.ts';
import { glibcLogf } from '../../core/autograd/glibc-logf.ts';
import { seededInputs } from './seeded-input.ts';

type T = A.Tensor;

const input = seededInputs(23);
const constant = (values: number[], shape: number[], dtype: A.DType = 'float64'): T =>
  A.tensor(values, shape, { dtype });

/** Weights the outputs unevenly so every output element's gradient path is checked. */
function weighted(t: T): T {
  const weights = Array.from({ length: t.numel }, (_, i) => 1 + i / 3);
  return A.mul(t, A.tensor(weights, [...t.shape], { dtype: 'float64' }));
}

const targets = constant([0, 1, 0.3, 1, 0, 0.8], [2, 3]);
const classes = constant([2, 0, 1], [3], 'int64');

const cases: { name: string; inputs: () => T[]; fn: (xs: T[]) => T }[] = [
  {
    name: 'binary_cross_entropy, mean',
    inputs: () => [input([2, 3], 0.05, 0.95)],
    fn: ([p]) => A.binaryCrossEntropy(p, targets),
  },
  {
    name: 'binary_cross_entropy with weights, none',
    inputs: () => [input([2, 3], 0.05, 0.95)],
    fn: ([p]) => weighted(A.binaryCrossEntropy(p, targets, 'none', constant([1, 2, 3], [3]))),
  },
  {
    name: 'binary_cross_entropy_with_logits, sum',
    inputs: () => [input([2, 3], -4, 4)],
    fn: ([z]) => A.binaryCrossEntropyWithLogits(z, targets, 'sum'),
  },
  {
    name: 'binary_cross_entropy_with_logits with pos_weight, mean',
    inputs: () => [input([2, 3], -4, 4)],
    fn: ([z]) =>
      A.binaryCrossEntropyWithLogits(z, targets, 'mean', null, constant([2, 0.5, 3], [3])),
  },
  {
    name: 'nll_loss of log_softmax (cross_entropy), mean',
    inputs: () => [input([3, 4])],
    fn: ([x]) => A.nllLoss(A.logSoftmax(x, 1), classes),
  },
  {
    name: 'nll_loss with class weights and an ignored row, mean',
    inputs: () => [input([3, 4])],
    fn: ([x]) =>
      A.nllLoss(x, constant([2, -100, 3], [3], 'int64'), { weight: constant([1, 2, 3, 4], [4]) }),
  },
  {
    name: 'nll_loss, none',
    inputs: () => [input([3, 4])],
    fn: ([x]) => weighted(A.nllLoss(x, classes, { reduction: 'none' })),
  },
  {
    name: 'leaky_relu',
    inputs: () => [input([5], -2, 2)],
    fn: ([x]) => weighted(A.leakyRelu(x, 0.1)),
  },
  { name: 'std of all elements', inputs: () => [input([2, 3])], fn: ([x]) => A.stdVar(x, true) },
  {
    name: 'var over a dim, keepdim, without correction',
    inputs: () => [input([2, 3])],
    fn: ([x]) => weighted(A.stdVar(x, false, { dim: [1], correction: 0, keepdim: true })),
  },
  {
    name: 'std over dim 0',
    inputs: () => [input([3, 2])],
    fn: ([x]) => weighted(A.stdVar(x, true, { dim: [0] })),
  },
];

describe('training ops: backward matches central finite differences (float64)', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(A.gradcheck(c.fn, c.inputs())).toBe(true);
    });
  }
});

const values = (t: T): number[] => Array.from(t.values());

describe('training ops: values and errors as PyTorch 1.13', () => {
  it('nll_loss sums float32 picks in ATen cascade and divides by the weight total', () => {
    const logits = A.tensor([0.2, -1, 3, 1.5, 0.5, -0.5], [2, 3]);
    const loss = A.nllLoss(logits, constant([2, 0], [2], 'int64'));
    expect(loss.item()).toBe(Math.fround(-(3 + 1.5) / 2));
    expect(() => A.nllLoss(logits, constant([0, 3], [2], 'int64'))).toThrow(
      'Target 3 is out of bounds.',
    );
    expect(() => A.nllLoss(logits, constant([0, 1], [2], 'float32'))).toThrow(
      'expected scalar type Long but found Float',
    );
  });

  it('binary_cross_entropy clamps log at -100 and refuses values outside [0, 1]', () => {
    expect(A.binaryCrossEntropy(constant([0], [1]), constant([1], [1])).item()).toBe(100);
    expect(() => A.binaryCrossEntropy(constant([1.5], [1]), constant([1], [1]))).toThrow(
      'all elements of input should be between 0 and 1',
    );
  });

  it('std of one element is nan (no degrees of freedom), of a constant tensor 0', () => {
    expect(A.stdVar(A.tensor([3], [1]), true).item()).toBeNaN();
    expect(values(A.stdVar(A.ones([3]), true))).toEqual([0]);
  });

  it('addcmul_ fuses its last multiply-add in float32, addcdiv_ rounds each step', () => {
    const self = A.tensor([1], [1]);
    A.addcmul_(self, A.tensor([0.1], [1]), A.tensor([0.3], [1]), 0.7);
    const scaled = Math.fround(Math.fround(0.7) * Math.fround(0.1));
    expect(self.item()).toBe(Math.fround(1 + scaled * Math.fround(0.3)));
    const other = A.tensor([1], [1]);
    A.addcdiv_(other, A.tensor([1], [1]), A.tensor([3], [1]), -0.1);
    expect(other.item()).toBe(Math.fround(1 + Math.fround(Math.fround(-0.1) / 3)));
  });

  it("binary_cross_entropy's float32 log is glibc's logf, not the correctly rounded log", () => {
    // Values where the two differ, with what glibc 2.36's logf (FMA build) returns.
    const glibc: [number, number][] = [
      [0.7296554446220398, -0.3151828348636627],
      [0.9808353185653687, -0.019350705668330193],
      [0.9545904994010925, -0.04647282883524895],
    ];
    for (const [x, expected] of glibc) {
      expect(Math.fround(Math.log(x))).not.toBe(expected);
      expect(glibcLogf(x)).toBe(expected);
    }
    expect([glibcLogf(0), glibcLogf(1), glibcLogf(-1), glibcLogf(1e-45)]).toEqual([
      -Infinity,
      0,
      NaN,
      -103.2789306640625,
    ]);
  });
});
