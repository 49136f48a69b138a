// Differentiation on our own tree, with PyTorch's conventions where the maths has a kink:
// relu'(u) = step(u) (0 at 0), abs'(u) = sign(u) (0 at 0), as torch's backward formulas.
import type { Expr } from './expr.ts';
import { dependsOn, fn, int, num } from './expr.ts';
import { rational } from './rational.ts';
import { combineFractions } from './together.ts';
import { optional, withBudget } from './budget.ts';
import {
  ONE_EXPR,
  ZERO_EXPR,
  MINUS_ONE_EXPR,
  add,
  apply,
  isZeroExpr,
  mul,
  neg,
  pow,
  sub,
} from './simplify.ts';

export interface DiffRules {
  /**
   * false gives the derivative a student gets by forgetting the inner derivative of the chain
   * rule (`sin(2x)` → `cos(2x)`): the grader uses it to recognise that mistake.
   */
  chainRule: boolean;
}

const TEXTBOOK: DiffRules = { chainRule: true };

/** d e / d variable, simplified, with sums of fractions over a common denominator. */
/** d e / d variable, within a work budget of its own (or the caller's). */
export function differentiate(e: Expr, variable: string, rules: DiffRules = TEXTBOOK): Expr {
  return withBudget(() => {
    const derivative = derivativeOf(e, variable, rules);
    return optional(() => combineFractions(derivative), derivative);
  });
}

function derivativeOf(e: Expr, variable: string, rules: DiffRules): Expr {
  const d = (inner: Expr) => derivativeOf(inner, variable, rules);
  /** The inner derivative of a composition, or 1 for one who forgets it. */
  const chain = (inner: Expr) => (rules.chainRule ? d(inner) : ONE_EXPR);
  if (!dependsOn(e, variable)) return ZERO_EXPR;
  switch (e.kind) {
    case 'sym':
      return ONE_EXPR;
    case 'add':
      return add(e.terms.map(d));
    case 'mul':
      return add(
        e.factors.map((factor, i) => {
          const df = d(factor);
          return isZeroExpr(df)
            ? ZERO_EXPR
            : mul([...e.factors.slice(0, i), df, ...e.factors.slice(i + 1)]);
        }),
      );
    case 'pow':
      return differentiatePower(e, variable, d, chain);
    case 'fn':
      return mul([outerDerivative(e.name, e.arg), chain(e.arg)]);
    default:
      return ZERO_EXPR;
  }
}

function differentiatePower(
  e: Extract<Expr, { kind: 'pow' }>,
  variable: string,
  d: (inner: Expr) => Expr,
  chain: (inner: Expr) => Expr,
): Expr {
  const { base, exp } = e;
  if (!dependsOn(exp, variable))
    return mul([exp, pow(base, add([exp, MINUS_ONE_EXPR])), chain(base)]);
  if (!dependsOn(base, variable)) return mul([e, apply('log', base), chain(exp)]);
  // f^g = exp(g log f): (f^g)' = f^g (g' log f + g f'/f)
  return mul([
    e,
    add([mul([d(exp), apply('log', base)]), mul([exp, d(base), pow(base, MINUS_ONE_EXPR)])]),
  ]);
}

/** f'(u) for each function f, as an expression of u. */
function outerDerivative(name: Extract<Expr, { kind: 'fn' }>['name'], u: Expr): Expr {
  switch (name) {
    case 'sin':
      return apply('cos', u);
    case 'cos':
      return neg(apply('sin', u));
    case 'tan':
      return pow(apply('cos', u), int(-2));
    case 'tanh':
      return sub(ONE_EXPR, pow(apply('tanh', u), int(2)));
    case 'sinh':
      return apply('cosh', u);
    case 'cosh':
      return apply('sinh', u);
    case 'asin':
      return pow(sub(ONE_EXPR, pow(u, int(2))), num(rational(-1, 2)));
    case 'acos':
      return neg(pow(sub(ONE_EXPR, pow(u, int(2))), num(rational(-1, 2))));
    case 'atan':
      return pow(add([ONE_EXPR, pow(u, int(2))]), MINUS_ONE_EXPR);
    case 'log':
      return pow(u, MINUS_ONE_EXPR);
    case 'abs':
      return apply('sign', u);
    case 'relu':
      return apply('step', u);
    case 'sigmoid': {
      const s = fn('sigmoid', u);
      return mul([s, sub(ONE_EXPR, s)]);
    }
    case 'sign':
    case 'step':
      return ZERO_EXPR;
  }
}
