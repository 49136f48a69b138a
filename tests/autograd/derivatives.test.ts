// The public golden derivative cases: each expression evaluated through the engine in float64 and
// float32 must give torch's values and gradients. float64 agrees to 1e-12. In float32 the
// generator evaluated SymPy's own tree (x/y as x*y**-1, terms in SymPy's order), so rounding
// differs where the printed form orders operations differently; ill-conditioned cases (a slope of
// 600) then differ by up to 3e-4, hence the looser float32 bound.
import { describe, expect, it } from 'vitest';
import * as A from '../../core/autograd/index.ts';
import { readSharedJson } from '../support/shared.ts';
import { evaluate } from './expression.ts';

interface TorchResult {
  value: number;
  grad: Record<string, number>;
}

interface DerivativeCase {
  expr_sympy: string;
  vars: string[];
  points: { at: Record<string, number>; torch_f32: TorchResult; torch_f64: TorchResult }[];
}

const cases = readSharedJson<{ cases: DerivativeCase[] }>('golden/derivatives-public.json').cases;

function run(c: DerivativeCase, at: Record<string, number>, dtype: A.DType): TorchResult {
  const variables = Object.fromEntries(
    c.vars.map((v) => [v, A.tensor([at[v]], [], { dtype, requiresGrad: true })]),
  );
  const out = evaluate(c.expr_sympy, variables, dtype);
  if (typeof out === 'number')
    return { value: out, grad: Object.fromEntries(c.vars.map((v) => [v, 0])) };
  if (out.requiresGrad) out.backward();
  return {
    value: out.item(),
    grad: Object.fromEntries(c.vars.map((v) => [v, variables[v].grad?.item() ?? 0])),
  };
}

function close(actual: number, expected: number, relative: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected));
}

describe.each([
  ['float64', 1e-12, 'torch_f64'],
  ['float32', 1e-3, 'torch_f32'],
] as const)('golden derivatives in %s', (dtype, tolerance, key) => {
  it.each(cases.map((c) => [c.expr_sympy, c] as const))('%s', (_name, c) => {
    for (const point of c.points) {
      const mine = run(c, point.at, dtype);
      const theirs = point[key];
      expect(
        close(mine.value, theirs.value, tolerance),
        `value at ${JSON.stringify(point.at)}: ${mine.value} vs ${theirs.value}`,
      ).toBe(true);
      for (const v of c.vars)
        expect(
          close(mine.grad[v], theirs.grad[v] ?? 0, tolerance),
          `d/d${v} at ${JSON.stringify(point.at)}: ${mine.grad[v]} vs ${theirs.grad[v]}`,
        ).toBe(true);
    }
  });
});
