// Differentiation on our own tree, with PyTorch's conventions where the maths has a kink:
// relu'(u) = step(u) (0 at 0), abs'(u) = sign(u) (0 at 0), as torch's backward formulas.
import type { Expr } from './expr.ts';
import { dependsOn, fn, int } from './expr.ts';
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

/** d e / d variable, simplified. */
export function differentiate(e: Expr, variable: string): Expr {
  if (!dependsOn(e, variable)) return ZERO_EXPR;
  switch (e.kind) {
    case 'sym':
      return ONE_EXPR;
    case 'add':
      return add(e.terms.map((t) => differentiate(t, variable)));
    case 'mul':
      return add(
        e.factors.map((factor, i) => {
          const d = differentiate(factor, variable);
          return isZeroExpr(d)
            ? ZERO_EXPR
            : mul([...e.factors.slice(0, i), d, ...e.factors.slice(i + 1)]);
        }),
      );
    case 'pow':
      return differentiatePower(e, variable);
    case 'fn':
      return mul([outerDerivative(e.name, e.arg), differentiate(e.arg, variable)]);
    default:
      return ZERO_EXPR;
  }
}

function differentiatePower(e: Extract<Expr, { kind: 'pow' }>, variable: string): Expr {
  const { base, exp } = e;
  if (!dependsOn(exp, variable))
    return mul([exp, pow(base, add([exp, MINUS_ONE_EXPR])), differentiate(base, variable)]);
  if (!dependsOn(base, variable)) return mul([e, apply('log', base), differentiate(exp, variable)]);
  // f^g = exp(g log f): (f^g)' = f^g (g' log f + g f'/f)
  return mul([
    e,
    add([
      mul([differentiate(exp, variable), apply('log', base)]),
      mul([exp, differentiate(base, variable), pow(base, MINUS_ONE_EXPR)]),
    ]),
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
