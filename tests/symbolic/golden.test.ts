// ../shared/golden/derivatives-public.json: every case and variable, SymPy's gradient at every
// point, and LaTeX that KaTeX renders.
import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { readSharedJson } from '../support/shared.ts';
import { derive } from '../../core/symbolic/derive.ts';

interface GoldenPoint {
  at: Record<string, number>;
  value: number;
  grad: Record<string, number>;
  torch_f32: { value: number; grad: Record<string, number> };
}
interface GoldenCase {
  expr: string;
  vars: string[];
  points: GoldenPoint[];
}

const cases = readSharedJson<{ cases: GoldenCase[] }>('golden/derivatives-public.json').cases;

function closeToSympy(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= Math.max(1e-12, 1e-9 * Math.abs(expected));
}

describe('derivatives of the public golden set', () => {
  it('has all 200 cases', () => expect(cases).toHaveLength(200));

  it.each(cases.map((c, i) => [i, c.expr, c] as const))('%i: %s', (_i, _expr, c) => {
    for (const point of c.points) {
      const outcome = derive(c.expr, c.vars, { at: point.at });
      if (!outcome.ok) throw new Error(outcome.message);
      const { derivation } = outcome;
      expect(closeToSympy(derivation.value!, point.value)).toBe(true);
      for (const v of c.vars) {
        const d = derivation.derivatives[v];
        expect({ v, value: d.value }).toSatisfy(() => closeToSympy(d.value!, point.grad[v]));
        expect(() => katex.renderToString(d.latex!, { throwOnError: true })).not.toThrow();
        expect(() => katex.renderToString(d.equationLatex!, { throwOnError: true })).not.toThrow();
      }
      expect(() => katex.renderToString(derivation.latex, { throwOnError: true })).not.toThrow();
    }
  });
});
