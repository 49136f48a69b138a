// derive's guard and LaTeX, and the equivalence test, beyond the golden set.
import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { derive } from '../../core/symbolic/derive.ts';
import type { AutogradEvaluator } from '../../core/symbolic/derive.ts';
import { autogradEvaluator } from '../../core/symbolic/autograd.ts';
import { equivalent } from '../../core/symbolic/equivalence.ts';
import { parseMath } from '../../core/symbolic/parse.ts';
import { SymbolicLimitError, WorkBudget } from '../../core/symbolic/budget.ts';
import { toText } from '../../core/symbolic/print.ts';
import type { Expr } from '../../core/symbolic/expr.ts';
import { differentiate } from '../../core/symbolic/diff.ts';
import { simplify } from '../../core/symbolic/simplify.ts';

function expr(text: string) {
  const parsed = parseMath(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.expr;
}

describe('derive', () => {
  it('writes derivatives as a textbook does', () => {
    const cases: [string, string, string][] = [
      ['tan(x)', 'x', '\\frac{df}{dx} = \\frac{1}{\\cos^{2}\\left(x\\right)}'],
      ['sin(x)^2', 'x', '\\frac{df}{dx} = 2 \\sin\\left(x\\right) \\cos\\left(x\\right)'],
      ['sqrt(x)', 'x', '\\frac{df}{dx} = \\frac{1}{2 \\sqrt{x}}'],
      ['x^-2', 'x', '\\frac{df}{dx} = -\\frac{2}{x^{3}}'],
      ['e^(-x^2/2)', 'x', '\\frac{df}{dx} = -x e^{-\\frac{x^{2}}{2}}'],
    ];
    for (const [f, v, latex] of cases) {
      const outcome = derive(f, [v]);
      if (!outcome.ok) throw new Error(outcome.message);
      expect(outcome.derivation.derivatives[v].equationLatex).toBe(latex);
      expect(() => katex.renderToString(latex, { throwOnError: true })).not.toThrow();
    }
    const partial = derive('u*v + u^2', ['u', 'v']);
    expect(partial.ok && partial.derivation.derivatives.u.equationLatex).toBe(
      '\\frac{\\partial f}{\\partial u} = v + 2 u',
    );
  });

  it('puts quotient-rule results over one denominator and takes shared factors out', () => {
    const cases: [string, string, string][] = [
      ['x/(x^2+1)', 'x', '(1 - x^2)/(x^2 + 1)^2'],
      ['x^2/(x+1)^2 + 3*x', 'x', '2*x/(x + 1)^3 + 3'],
      ['sqrt(x)/(x+1)', 'x', '(1 - x)/(2*sqrt(x)*(x + 1)^2)'],
      ['x*exp(x)', 'x', '(x + 1)*exp(x)'],
      ['-2*x^2*(-2*x + 1/x)/(x + 2) + x', 'x', 'x*(8*x^2 + 25*x + 4)/(x + 2)^2'],
      ['3 + 1/(x/(x^3 + 3) + 4)', 'x', '(2*x^3 - 3)/(4*x^3 + x + 12)^2'],
      ['(u + 2)*(v + 7)/(u*(v + 3))', 'u', '-2*(v + 7)/(u^2*(v + 3))'],
      ['log(abs(x)^2 + 1)', 'x', '2*x/(x^2 + 1)'],
    ];
    for (const [f, v, text] of cases) {
      const outcome = derive(f, [v]);
      if (!outcome.ok) throw new Error(outcome.message);
      expect(outcome.derivation.derivatives[v].text).toBe(text);
    }
  });

  it('differentiates the inverse trigonometric functions and logs with a base', () => {
    const cases: [string, string][] = [
      ['asin(x)', '1/sqrt(1 - x^2)'],
      ['acos(2*x)', '-2/sqrt(1 - 4*x^2)'],
      ['arctan(x^2)', '2*x/(x^4 + 1)'],
      ['log(x, 2)', '1/(x*log(2))'],
    ];
    for (const [f, text] of cases) {
      const outcome = derive(f, ['x'], { at: { x: 0.5 }, autograd: autogradEvaluator });
      expect(outcome.ok && outcome.derivation.derivatives.x).toMatchObject({
        text,
        verified: true,
      });
    }
  });

  it('follows PyTorch at the kinks: relu′(0) = 0, abs′(0) = 0', () => {
    for (const f of ['relu(x)', 'abs(x)']) {
      const outcome = derive(f, ['x'], { at: { x: 0 }, autograd: autogradEvaluator });
      expect(outcome.ok && outcome.derivation.derivatives.x).toMatchObject({
        value: 0,
        autograd: 0,
        verified: true,
      });
    }
    const sigmoid = derive('sigmoid(x)', ['x'], { at: { x: 0 }, autograd: autogradEvaluator });
    expect(sigmoid.ok && sigmoid.derivation.derivatives.x).toMatchObject({
      text: '(1 - sigmoid(x))*sigmoid(x)',
      value: 0.25,
      autograd: 0.25,
    });
  });

  it('withholds a derivative that disagrees with autograd, and shows autograd instead', () => {
    // An engine that doubles every gradient stands in for a disagreement.
    const doubling: AutogradEvaluator = (e, point, dtype) => {
      const right = autogradEvaluator(e, point, dtype);
      return {
        value: right.value,
        grad: Object.fromEntries(Object.entries(right.grad).map(([k, g]) => [k, 2 * g])),
      };
    };
    const outcome = derive('x^3', ['x'], { at: { x: 1 }, autograd: doubling });
    expect(outcome.ok && outcome.derivation.derivatives.x).toMatchObject({
      derivative: null,
      text: null,
      latex: null,
      autograd: 6,
      verified: false,
      note: expect.stringMatching(
        /^The symbolic derivative is not shown: it disagrees with autograd \(at x=1 it gives 3 where autograd gives 6\)\.$/,
      ),
    });
  });

  it('stops symbolic work at its budget with SymbolicLimitError', () => {
    const product = expr(Array.from({ length: 120 }, (_, i) => `(x+${i})`).join(''));
    const small = new WorkBudget(1_000);
    expect(() => differentiate(simplify(product, small), 'x', undefined, small)).toThrow(
      SymbolicLimitError,
    );
    expect(differentiate(simplify(product), 'x').kind).toBe('add');
  });

  it('gives each operation a budget of its own: nothing is left over from the one before', () => {
    const spent = new WorkBudget();
    spent.spend(199_995);
    expect(toText(differentiate(expr('sin(x)*x^2'), 'x'))).toBe('x^2*cos(x) + 2*x*sin(x)');
    expect(toText(simplify(expr('x + x')))).toBe('2*x');
    expect(() => spent.spend(6)).toThrow(SymbolicLimitError);
  });

  it('bounds differentiate called outside any budget', () => {
    // 600 factors (x+i): past the input length a student may type, so built from parsed parts.
    const parts = Array.from({ length: 12 }, (_, part) =>
      expr(Array.from({ length: 50 }, (_, i) => `(x+${part * 50 + i})`).join('')),
    );
    const product: Expr = {
      kind: 'mul',
      factors: parts.flatMap((part) => (part.kind === 'mul' ? part.factors : [part])),
    };
    expect(() => differentiate(product, 'x')).toThrow(SymbolicLimitError);
  });
});

describe('equivalent', () => {
  it('decides by the simplified difference when it vanishes', () => {
    expect(equivalent(expr('2(x+1)'), expr('2x + 2'))).toMatchObject({
      equal: true,
      method: 'symbolic',
    });
  });

  it('decides by sampling where simplification cannot', () => {
    expect(equivalent(expr('sin(x)^2 + cos(x)^2'), expr('1'))).toMatchObject({
      equal: true,
      method: 'numeric',
    });
    expect(equivalent(expr('(x+1)^40 - x^40 - 1'), expr('40x^39'))).toMatchObject({
      equal: false,
      method: 'numeric',
    });
  });

  it('samples only where both sides are defined, within the limits given', () => {
    expect(equivalent(expr('log(x^2)'), expr('2 log(x)'))).toMatchObject({ equal: true });
    expect(equivalent(expr('log(x^2)'), expr('2 log(x)'), { limits: { x: [-3, -1] } })).toEqual({
      equal: null,
      reason: 'found only 0 of 8 sample points where both expressions are defined',
    });
  });

  it('honours the relative tolerance', () => {
    expect(equivalent(expr('0.3333x'), expr('x/3'))).toMatchObject({ equal: false });
    expect(equivalent(expr('0.3333x'), expr('x/3'), { relativeTolerance: 1e-3 })).toMatchObject({
      equal: true,
    });
  });
});
