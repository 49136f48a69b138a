// ../shared/golden/derivatives-public.json: every case and variable against SymPy and torch at
// every point, LaTeX that KaTeX renders (derivative-conformance.ts), and SymPy's derivatives
// typed as answers.
import { describe, expect, it } from 'vitest';
import { readSharedJson } from '../support/shared.ts';
import { derive } from '../../core/symbolic/derive.ts';
import { equivalent } from '../../core/symbolic/equivalence.ts';
import { parseMath } from '../../core/symbolic/parse.ts';
import { checkCase } from './derivative-conformance.ts';
import type { DerivativeCase } from './derivative-conformance.ts';

const cases = readSharedJson<{ cases: DerivativeCase[] }>('golden/derivatives-public.json').cases;

describe('derivatives of the public golden set', () => {
  it('has all 200 cases', () => expect(cases).toHaveLength(200));

  it.each(cases.map((c, i) => [i, c.expr, c] as const))('%i: %s', (_i, _expr, c) => {
    expect(checkCase(c)).toEqual([]);
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
