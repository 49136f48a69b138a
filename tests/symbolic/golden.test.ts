// ../shared/golden/derivatives-public.json: every case and variable, SymPy's gradient at every
// point, and LaTeX that KaTeX renders.
import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { readSharedJson } from '../support/shared.ts';
import { derive } from '../../core/symbolic/derive.ts';
import { autogradEvaluator } from '../../core/symbolic/autograd.ts';
import { equivalent } from '../../core/symbolic/equivalence.ts';
import { parseMath } from '../../core/symbolic/parse.ts';

interface GoldenPoint {
  at: Record<string, number>;
  value: number;
  grad: Record<string, number>;
  torch_f32: { value: number; grad: Record<string, number> };
}
interface GoldenCase {
  expr: string;
  vars: string[];
  derivative: Record<string, string>;
  points: GoldenPoint[];
}

const cases = readSharedJson<{ cases: GoldenCase[] }>('golden/derivatives-public.json').cases;

/**
 * Float32 results agree up to rounding: the engine's op order and backward formulas may round
 * differently from torch's, and ill-conditioned cases amplify that (the worst public case is 28
 * ulps), so the bound is 2^-18 relative (32 ulps) with a floor near zero.
 */
function closeToTorchF32(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= Math.max(2 ** -18 * Math.abs(expected), 1e-6);
}

function closeToSympy(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= Math.max(1e-12, 1e-9 * Math.abs(expected));
}

describe('derivatives of the public golden set', () => {
  it('has all 200 cases', () => expect(cases).toHaveLength(200));

  it.each(cases.map((c, i) => [i, c.expr, c] as const))('%i: %s', (_i, _expr, c) => {
    for (const point of c.points) {
      const outcome = derive(c.expr, c.vars, { at: point.at, autograd: autogradEvaluator });
      if (!outcome.ok) throw new Error(outcome.message);
      const { derivation } = outcome;
      expect(closeToSympy(derivation.value!, point.value)).toBe(true);
      for (const v of c.vars) {
        const d = derivation.derivatives[v];
        expect(d.verified).toBe(true);
        expect(d.value).toSatisfy((x: number) => closeToSympy(x, point.grad[v]));
        expect(d.autograd).toSatisfy((x: number) => closeToTorchF32(x, point.torch_f32.grad[v]));
        expect(() => katex.renderToString(d.latex!, { throwOnError: true })).not.toThrow();
        expect(() => katex.renderToString(d.equationLatex!, { throwOnError: true })).not.toThrow();
      }
      expect(() => katex.renderToString(derivation.latex, { throwOnError: true })).not.toThrow();
    }
  });
});

describe("SymPy's derivatives typed as answers", () => {
  it('reads every one and finds it equivalent to ours (Heaviside typed as step)', () => {
    const methods: Record<string, number> = {};
    for (const c of cases)
      for (const v of c.vars) {
        const typed = parseMath(c.derivative[v].replace(/Heaviside/g, 'step'), {
          variables: c.vars,
        });
        if (!typed.ok) throw new Error(`${c.derivative[v]}: ${typed.message}`);
        const ours = derive(c.expr, [v]);
        if (!ours.ok) throw new Error(ours.message);
        const result = equivalent(typed.expr, ours.derivation.derivatives[v].derivative!);
        expect({ case: c.expr, v, result }).toMatchObject({ result: { equal: true } });
        if (result.equal) methods[result.method] = (methods[result.method] ?? 0) + 1;
      }
    // Both methods take part: the simplified difference decides most, sampling the rest.
    expect(methods.symbolic).toBeGreaterThan(100);
    expect(methods.numeric).toBeGreaterThan(0);
  });
});
