// Differentiation on our own tree, with PyTorch's conventions where the maths has a kink:
// relu'(u) = step(u) (0 at 0), abs'(u) = sign(u) (0 at 0), as torch's backward formulas.
import type { Expr } from './expr.ts';
import { dependsOn, fn, int, num } from './expr.ts';
import { rational } from './rational.ts';
import { combineFractions } from './together.ts';
import { WorkBudget } from './budget.ts';
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

/**
 * d e / d variable, simplified, with sums of fractions over a common denominator, within the
 * caller's work budget or one of its own.
 */
export function differentiate(
  e: Expr,
  variable: string,
  rules: DiffRules = TEXTBOOK,
  budget = new WorkBudget(),
): Expr {
  const derivative = derivativeOf(e, variable, rules, budget);
  return budget.optional(() => combineFractions(derivative, budget), derivative);
}

function derivativeOf(e: Expr, variable: string, rules: DiffRules, budget: WorkBudget): Expr {
  const d = (inner: Expr) => derivativeOf(inner, variable, rules, budget);
  /** The inner derivative of a composition, or 1 for one who forgets it. */
  const chain = (inner: Expr) => (rules.chainRule ? d(inner) : ONE_EXPR);
  if (!dependsOn(e, variable)) return ZERO_EXPR;
  switch (e.kind) {
    case 'sym':
      return ONE_EXPR;
    case 'add':
      return add(e.terms.map(d), budget);
    case 'mul':
      return add(
        e.factors.map((factor, i) => {
          const df = d(factor);
          return isZeroExpr(df)
            ? ZERO_EXPR
            : mul([...e.factors.slice(0, i), df, ...e.factors.slice(i + 1)], budget);
        }),
        budget,
      );
    case 'pow':
      return differentiatePower(e, variable, d, chain, budget);
    case 'fn':
      return mul([outerDerivative(e.name, e.arg, budget), chain(e.arg)], budget);
    default:
      return ZERO_EXPR;
  }
}

function differentiatePower(
  e: Extract<Expr, { kind: 'pow' }>,
  variable: string,
  d: (inner: Expr) => Expr,
  chain: (inner: Expr) => Expr,
  budget: WorkBudget,
): Expr {
  const { base, exp } = e;
  if (!dependsOn(exp, variable))
    return mul([exp, pow(base, add([exp, MINUS_ONE_EXPR], budget), budget), chain(base)], budget);
  if (!dependsOn(base, variable)) return mul([e, apply('log', base, budget), chain(exp)], budget);
  // f^g = exp(g log f): (f^g)' = f^g (g' log f + g f'/f)
  return mul(
    [
      e,
      add(
        [
          mul([d(exp), apply('log', base, budget)], budget),
          mul([exp, d(base), pow(base, MINUS_ONE_EXPR, budget)], budget),
        ],
        budget,
      ),
    ],
    budget,
  );
}

/** f'(u) for each function f, as an expression of u. */
function outerDerivative(
  name: Extract<Expr, { kind: 'fn' }>['name'],
  u: Expr,
  budget: WorkBudget,
): Expr {
  switch (name) {
    case 'sin':
      return apply('cos', u, budget);
    case 'cos':
      return neg(apply('sin', u, budget), budget);
    case 'tan':
      return pow(apply('cos', u, budget), int(-2), budget);
    case 'tanh':
      return sub(ONE_EXPR, pow(apply('tanh', u, budget), int(2), budget), budget);
    case 'sinh':
      return apply('cosh', u, budget);
    case 'cosh':
      return apply('sinh', u, budget);
    case 'asin':
      return pow(sub(ONE_EXPR, pow(u, int(2), budget), budget), num(rational(-1, 2)), budget);
    case 'acos':
      return neg(
        pow(sub(ONE_EXPR, pow(u, int(2), budget), budget), num(rational(-1, 2)), budget),
        budget,
      );
    case 'atan':
      return pow(add([ONE_EXPR, pow(u, int(2), budget)], budget), MINUS_ONE_EXPR, budget);
    case 'log':
      return pow(u, MINUS_ONE_EXPR, budget);
    case 'abs':
      return apply('sign', u, budget);
    case 'relu':
      return apply('step', u, budget);
    case 'sigmoid': {
      const s = fn('sigmoid', u);
      return mul([s, sub(ONE_EXPR, s, budget)], budget);
    }
    case 'sign':
    case 'step':
      return ZERO_EXPR;
  }
}
