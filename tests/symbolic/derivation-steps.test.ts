// Derivation steps: which rule each step names, what it rewrites to, and that the rule's
// combination of its sub-derivatives gives the step's own derivative at random points.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import katex from 'katex';
import {
  derivationSteps,
  stepsInOrder,
  type DerivationStep,
} from '../../core/symbolic/derivation-steps.ts';
import { parseMath } from '../../core/symbolic/parse.ts';
import { evaluate } from '../../core/symbolic/evaluate.ts';
import { differentiate } from '../../core/symbolic/diff.ts';
import { toText } from '../../core/symbolic/print.ts';
import { close } from '../../core/symbolic/equivalence.ts';
import type { Expr } from '../../core/symbolic/expr.ts';
import { autogradGraph } from '../../core/symbolic/autograd.ts';
import { nodeExpressions } from '../../core/symbolic/graph.ts';
import { stepNodes } from '../../core/symbolic/step-links.ts';

function expr(text: string): Expr {
  const parsed = parseMath(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.expr;
}

const rules = (text: string, v = 'x') =>
  stepsInOrder(derivationSteps(expr(text), v)).map(({ step }) => step.rule);

describe('derivation steps', () => {
  it('names the outermost rule first, then the rules of the parts, in reading order', () => {
    expect(rules('x^2')).toEqual(['power']);
    expect(rules('3*x^2 + 2*x + 1')).toEqual([
      'sum',
      'constant-multiple',
      'power',
      'constant-multiple',
      'identity',
    ]);
    expect(rules('x^2*sin(x)')).toEqual(['product', 'power', 'sin']);
    expect(rules('x/(x+1)')).toEqual(['quotient', 'identity', 'sum', 'identity']);
    expect(rules('sin(x^2)')).toEqual(['chain', 'power']);
    expect(rules('exp(2*x)')).toEqual(['chain', 'constant-multiple', 'identity']);
    expect(rules('log(x)')).toEqual(['log']);
    expect(rules('tanh(x)')).toEqual(['tanh']);
    expect(rules('sigmoid(3*x)')).toEqual(['chain', 'constant-multiple', 'identity']);
    expect(rules('x^x')).toEqual(['general-power', 'identity', 'identity']);
    expect(rules('2^x')).toEqual(['exponential']);
  });

  it('treats the other variables of a partial derivative as constants', () => {
    expect(rules('u*v + u^2', 'u')).toEqual(['sum', 'constant-multiple', 'identity', 'power']);
    expect(rules('u*v + u^2', 'v')).toEqual(['sum', 'constant-multiple', 'identity']);
  });

  it('names the inner function of each chain rule and the outer rule', () => {
    const step = derivationSteps(expr('(x^2 + 1)^3'), 'x');
    expect(step.rule).toBe('chain');
    expect(step.outer).toBe('power');
    expect(toText(step.inner!)).toBe('x^2 + 1');
    expect(step.ruleText).toContain('inner function u = x^2 + 1');
    const sine = derivationSteps(expr('sin(3*x)'), 'x');
    expect(sine.outer).toBe('sin');
    expect(sine.rewriteLatex).toContain('\\cos');
  });

  it("says what PyTorch does at relu's and abs's kink", () => {
    expect(derivationSteps(expr('relu(x)'), 'x').kink).toMatch(/relu'\(0\) = 0/);
    expect(derivationSteps(expr('abs(x)'), 'x').kink).toMatch(/sgn\(0\) = 0/);
    expect(derivationSteps(expr('relu(2*x - 1)'), 'x').kink).toMatch(/relu'\(0\) = 0/);
  });

  it('writes every rewrite and result as LaTeX KaTeX can typeset', () => {
    for (const text of ['x/(x+1)', 'sqrt(x^2+1)', 'x^x', 'e^(-x^2/2)', 'atan(x)*relu(x)']) {
      for (const { step } of stepsInOrder(derivationSteps(expr(text), 'x'))) {
        expect(() => katex.renderToString(step.rewriteLatex, { throwOnError: true })).not.toThrow();
        expect(() => katex.renderToString(step.resultLatex, { throwOnError: true })).not.toThrow();
      }
    }
  });
});

/** The rule applied to the sub-derivatives: what the step's rewrite says, as a number. */
function recombined(step: DerivationStep, point: Record<string, number>): number {
  const at = (e: Expr) => evaluate(e, point);
  const sub = step.steps.map((s) => at(s.result));
  const e = step.expr;
  switch (step.rule) {
    case 'sum':
      return sub.reduce((a, b) => a + b, 0);
    case 'constant-multiple':
      return at(step.constant!) * sub[0];
    case 'product': {
      const [f, g] = step.steps.map((s) => at(s.expr));
      return sub[0] * g + f * sub[1];
    }
    case 'quotient': {
      const [f, g] = step.steps.map((s) => at(s.expr));
      return (sub[0] * g - f * sub[1]) / (g * g);
    }
    case 'chain': {
      const inner = step.inner!;
      const h = 1e-6 * Math.max(1, Math.abs(at(inner)));
      // The outer derivative at the inner value, by a central difference in u.
      const outerAt = (u: number) => evaluate(replaceInner(e, inner), { ...point, ['\u0001']: u });
      const u = at(inner);
      return ((outerAt(u + h) - outerAt(u - h)) / (2 * h)) * sub[0];
    }
    default:
      return at(step.result);
  }
}

function replaceInner(e: Expr, inner: Expr): Expr {
  if (e === inner) return { kind: 'sym', name: '\u0001' };
  switch (e.kind) {
    case 'add':
      return { kind: 'add', terms: e.terms.map((t) => replaceInner(t, inner)) };
    case 'mul':
      return { kind: 'mul', factors: e.factors.map((t) => replaceInner(t, inner)) };
    case 'pow':
      return { kind: 'pow', base: replaceInner(e.base, inner), exp: replaceInner(e.exp, inner) };
    case 'fn':
      return { kind: 'fn', name: e.name, arg: replaceInner(e.arg, inner) };
    default:
      return e;
  }
}

const smooth = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('x', 'x', '2', '3', 'y'),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a} + ${b})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a} - ${b})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a})*(${b})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a})/(2 + (${b})^2)`),
    fc
      .tuple(tie('e'), fc.constantFrom('2', '3', '-1', '1/2'))
      .map(([a, n]) => `(1 + (${a})^2)^(${n})`),
    fc
      .tuple(fc.constantFrom('sin', 'cos', 'tanh', 'sigmoid', 'atan', 'exp'), tie('e'))
      .map(([f, a]) => `${f}(${a})`),
  ),
})).e;

describe('derivation steps, at random expressions', () => {
  it('each rule applied to its sub-derivatives gives the derivative of its part', () => {
    fc.assert(
      fc.property(smooth, fc.double({ min: -1.5, max: 1.5, noNaN: true }), (text, x) => {
        const point = { x, y: 0.7 };
        const top = derivationSteps(expr(text), 'x');
        const [shown, direct] = [top.result, differentiate(expr(text), 'x')].map((e) =>
          evaluate(e, point),
        );
        if (Math.abs(direct) < 1e8) expect(close(shown, direct, 1e-9, 1e-9)).toBe(true);
        for (const { step } of stepsInOrder(top)) {
          const direct = evaluate(step.result, point);
          // Overflowing parts (exp of a large power) compare nothing.
          if (!(Math.abs(direct) < 1e8) || !(Math.abs(evaluate(step.expr, point)) < 1e8)) continue;
          expect(close(recombined(step, point), direct, 1e-4, 1e-5)).toBe(true);
        }
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});

describe('derivation steps tied to the graph autograd records', () => {
  it('links a chain-rule step to the op of its outer function and of its inner function', () => {
    const f = expr('sin(x^2)');
    const recorded = autogradGraph(f, { x: 1.5 })!;
    const exprs = nodeExpressions(recorded.graph)!;
    const kinds = new Map(recorded.graph.nodes.map((n) => [n.id, n]));
    const nodesOf = stepNodes(exprs, (id) => kinds.get(id)?.kind === 'op');
    const chain = derivationSteps(f, 'x');
    expect(chain.rule).toBe('chain');
    expect(
      nodesOf(chain)
        .map((id) => kinds.get(id)!.gradFn)
        .sort(),
    ).toEqual(['PowBackward0', 'SinBackward0']);
    expect(nodesOf(chain.steps[0]).map((id) => kinds.get(id)!.gradFn)).toEqual(['PowBackward0']);
  });
});
