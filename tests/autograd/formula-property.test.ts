// The formula shown for each declared gradient, evaluated at random points, equals the gradient the
// engine computes there: the text students read and the computation cannot drift apart.
import { describe, expect, it } from 'vitest';
import * as A from '../../core/autograd/index.ts';
import { seededRandom } from '../../core/symbolic/random.ts';
import { evaluateFormula } from './tex-formula.ts';

type T = A.Tensor;

interface Case {
  /** The grad_fn the op records. */
  gradFn: string;
  /** How many tensor inputs, each drawn from `domain`. */
  arity: number;
  /** Builds the op from one-element float64 inputs of the given shape. */
  op: (inputs: T[]) => T;
  domain?: [number, number];
  shapes?: readonly (readonly number[])[];
}

const unit: [number, number] = [-0.9, 0.9];
const positive: [number, number] = [0.2, 3];

const CASES: Case[] = [
  { gradFn: 'NegBackward0', arity: 1, op: ([x]) => A.neg(x) },
  { gradFn: 'SinBackward0', arity: 1, op: ([x]) => A.sin(x) },
  { gradFn: 'CosBackward0', arity: 1, op: ([x]) => A.cos(x) },
  { gradFn: 'TanBackward0', arity: 1, op: ([x]) => A.tan(x), domain: unit },
  { gradFn: 'ExpBackward0', arity: 1, op: ([x]) => A.exp(x) },
  { gradFn: 'LogBackward0', arity: 1, op: ([x]) => A.log(x), domain: positive },
  { gradFn: 'SqrtBackward0', arity: 1, op: ([x]) => A.sqrt(x), domain: positive },
  { gradFn: 'TanhBackward0', arity: 1, op: ([x]) => A.tanh(x) },
  { gradFn: 'SigmoidBackward0', arity: 1, op: ([x]) => A.sigmoid(x) },
  { gradFn: 'ReluBackward0', arity: 1, op: ([x]) => A.relu(x) },
  { gradFn: 'AbsBackward0', arity: 1, op: ([x]) => A.abs(x) },
  { gradFn: 'SignBackward0', arity: 1, op: ([x]) => A.sign(x) },
  { gradFn: 'ReciprocalBackward0', arity: 1, op: ([x]) => A.reciprocal(x), domain: positive },
  { gradFn: 'SinhBackward0', arity: 1, op: ([x]) => A.sinh(x) },
  { gradFn: 'CoshBackward0', arity: 1, op: ([x]) => A.cosh(x) },
  { gradFn: 'AsinBackward0', arity: 1, op: ([x]) => A.asin(x), domain: unit },
  { gradFn: 'AcosBackward0', arity: 1, op: ([x]) => A.acos(x), domain: unit },
  { gradFn: 'AtanBackward0', arity: 1, op: ([x]) => A.atan(x) },
  { gradFn: 'Log2Backward0', arity: 1, op: ([x]) => A.log2(x), domain: positive },
  { gradFn: 'Log10Backward0', arity: 1, op: ([x]) => A.log10(x), domain: positive },
  { gradFn: 'AddBackward0', arity: 2, op: ([a, b]) => A.add(a, b, { alpha: 2.5 }) },
  { gradFn: 'SubBackward0', arity: 2, op: ([a, b]) => A.sub(a, b, { alpha: 1.5 }) },
  { gradFn: 'MulBackward0', arity: 2, op: ([a, b]) => A.mul(a, b) },
  { gradFn: 'DivBackward0', arity: 2, op: ([a, b]) => A.div(a, b), domain: positive },
  { gradFn: 'RsubBackward0', arity: 2, op: ([a, b]) => A.rsub(a, b, { alpha: 3 }) },
  { gradFn: 'RsubBackward1', arity: 1, op: ([x]) => A.rsub(x, 2, { alpha: 0.5 }) },
  { gradFn: 'PowBackward0', arity: 1, op: ([x]) => A.pow(x, 3) },
  { gradFn: 'PowBackward0', arity: 1, op: ([x]) => A.pow(x, 2.5), domain: positive },
  { gradFn: 'PowBackward1', arity: 2, op: ([a, b]) => A.pow(a, b), domain: positive },
  { gradFn: 'PowBackward2', arity: 1, op: ([x]) => A.pow(1.7, x) },
  { gradFn: 'SumBackward0', arity: 1, op: ([x]) => A.sum(x) },
  { gradFn: 'SumBackward1', arity: 1, op: ([x]) => A.sum(x, { dim: 0 }), shapes: [[1]] },
  { gradFn: 'MeanBackward0', arity: 1, op: ([x]) => A.mean(x) },
  { gradFn: 'MeanBackward1', arity: 1, op: ([x]) => A.mean(x, { dim: 0 }), shapes: [[1]] },
  { gradFn: 'DotBackward0', arity: 2, op: ([a, b]) => A.dot(a, b), shapes: [[1], [1]] },
  { gradFn: 'MvBackward0', arity: 2, op: ([m, v]) => A.mv(m, v), shapes: [[1, 1], [1]] },
  {
    gradFn: 'MmBackward0',
    arity: 2,
    op: ([a, b]) => A.mm(a, b),
    shapes: [
      [1, 1],
      [1, 1],
    ],
  },
  {
    gradFn: 'UnsafeViewBackward0',
    arity: 2,
    op: ([a, b]) => A.matmul(a, b),
    shapes: [
      [1, 1, 1],
      [1, 1],
    ],
  },
];

/** The node's formula values as numbers (tensors here hold one element; settings are skipped). */
function numbers(values: A.Values): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(values))
    if (typeof value === 'number') out[name] = value;
    else if (value instanceof A.Tensor) out[name] = value.values()[0];
  return out;
}

describe('every declared formula equals the engine gradient', () => {
  const random = seededRandom(20261207);
  CASES.forEach((c, n) =>
    it(`${c.gradFn} (case ${n})`, () => {
      const [low, high] = c.domain ?? [-2, 2];
      // Away from kinks (relu, abs, sign at 0): no draw lands within 0.05 of one.
      const draw = (): number => {
        const v = low + (high - low) * random();
        return Math.abs(v) < 0.05 ? v + 0.1 : v;
      };
      for (let trial = 0; trial < 5; trial++) {
        const inputs = Array.from({ length: c.arity }, (_, i) =>
          A.tensor([draw()], c.shapes?.[i] ?? [], { dtype: 'float64', requiresGrad: true }),
        );
        const out = c.op(inputs);
        const declared = out.gradFn?.declared;
        expect(out.gradFn?.name).toBe(c.gradFn);
        if (declared === null || declared === undefined) throw new Error('not declared');
        const g = draw();
        const values = { ...numbers(declared.values(out.gradFn as A.Node)), g };
        inputs.forEach((input, i) => {
          const rule = declared.derivative.grads[i];
          if (rule === null) throw new Error(`${c.gradFn}: input ${i} has no gradient`);
          const [engine] = A.autogradGrad([out], [input], {
            gradOutputs: [A.fullLike(out, g)],
            retainGraph: true,
          });
          const shown = evaluateFormula(rule.tex, values);
          expect(shown).toBeCloseTo(engine?.values()[0] ?? NaN, 9);
        });
      }
    }),
  );
});
