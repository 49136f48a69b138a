// Simplifying constructors (SymPy's automatic simplification, in small): flatten, fold
// numbers exactly, collect like terms and like bases, distribute a number over one sum. They
// never expand powers of sums, so `(x+1)^1000` stays small.
import type { Expr, FunctionName } from './expr.ts';
import { children, constant, fn, int, num } from './expr.ts';
import * as Q from './rational.ts';
import { keyOf } from './structural-key.ts';
import { WorkBudget } from './budget.ts';

export const ZERO_EXPR = int(0);
export const ONE_EXPR = int(1);
export const MINUS_ONE_EXPR = int(-1);

function numValue(e: Expr): Q.Rational | undefined {
  return e.kind === 'num' ? e.value : undefined;
}

/** Splits a term into its numeric coefficient and the rest (`3*x*y` → 3, `x*y`). */
export function splitCoefficient(e: Expr): [Q.Rational, Expr] {
  if (e.kind === 'num') return [e.value, ONE_EXPR];
  if (e.kind === 'mul' && e.factors[0].kind === 'num') {
    const rest = e.factors.slice(1);
    return [e.factors[0].value, rest.length === 1 ? rest[0] : { kind: 'mul', factors: rest }];
  }
  return [Q.ONE, e];
}

/** The operands, with nested sums (or products) opened up. */
function flatten(operands: readonly Expr[], kind: 'add' | 'mul', budget: WorkBudget): Expr[] {
  budget.spend(operands.length);
  const flat: Expr[] = [];
  for (const e of operands) {
    if (e.kind === kind) flat.push(...children(e));
    else flat.push(e);
  }
  return flat;
}

export function add(terms: readonly Expr[], budget: WorkBudget): Expr {
  const flat = flatten(terms, 'add', budget);
  let constantTerm = Q.ZERO;
  const groups = new Map<string, { rest: Expr; coefficient: Q.Rational }>();
  for (const t of flat) {
    const [coefficient, rest] = splitCoefficient(t);
    if (rest.kind === 'num') {
      constantTerm = Q.add(constantTerm, Q.mul(coefficient, rest.value));
      continue;
    }
    const key = keyOf(rest, budget);
    const group = groups.get(key);
    if (group) group.coefficient = Q.add(group.coefficient, coefficient);
    else groups.set(key, { rest, coefficient });
  }
  const result: Expr[] = [];
  for (const { rest, coefficient } of groups.values()) {
    if (Q.isZero(coefficient)) continue;
    result.push(Q.isOne(coefficient) ? rest : mul([num(coefficient), rest], budget));
  }
  if (!Q.isZero(constantTerm) || result.length === 0) result.push(num(constantTerm));
  return result.length === 1 ? result[0] : { kind: 'add', terms: result };
}

/** Display order of factors: number, constants, symbols (alphabetically), sums, the rest. */
function factorRank(e: Expr): [number, string] {
  if (e.kind === 'num') return [0, ''];
  if (e.kind === 'const') return [1, e.name];
  if (e.kind === 'sym') return [2, e.name];
  if (e.kind === 'pow' && e.base.kind === 'sym') return [2, e.base.name];
  if (e.kind === 'pow' && e.base.kind === 'num') return [1, '']; // surds such as sqrt(6)
  if (e.kind === 'add' || (e.kind === 'pow' && e.base.kind === 'add')) return [3, ''];
  return [4, ''];
}

function byRank(a: Expr, b: Expr): number {
  const [ra, na] = factorRank(a);
  const [rb, nb] = factorRank(b);
  return ra - rb || (na < nb ? -1 : na > nb ? 1 : 0);
}

/** |a|·sign(a) is a for every real a. */
function pairAbsWithSign(flat: Expr[], budget: WorkBudget): Expr[] {
  for (let i = 0; i < flat.length; i++) {
    const f = flat[i];
    if (f.kind !== 'fn' || f.name !== 'abs') continue;
    const key = keyOf(f.arg, budget);
    const j = flat.findIndex(
      (g) => g.kind === 'fn' && g.name === 'sign' && keyOf(g.arg, budget) === key,
    );
    if (j >= 0)
      return pairAbsWithSign(
        flat.map((g, k) => (k === i ? f.arg : g)).filter((_, k) => k !== j),
        budget,
      );
  }
  return flat;
}

export function mul(factors: readonly Expr[], budget: WorkBudget): Expr {
  const flat = pairAbsWithSign(flatten(factors, 'mul', budget), budget);
  let coefficient = Q.ONE;
  const groups = new Map<string, { base: Expr; exps: Expr[] }>();
  for (const f of flat) {
    if (f.kind === 'num') {
      coefficient = Q.mul(coefficient, f.value);
      continue;
    }
    const [base, exp] = f.kind === 'pow' ? [f.base, f.exp] : [f, ONE_EXPR];
    const key = keyOf(base, budget);
    const group = groups.get(key);
    if (group) group.exps.push(exp);
    else groups.set(key, { base, exps: [exp] });
  }
  if (Q.isZero(coefficient)) return ZERO_EXPR;
  const others: Expr[] = [];
  let needsAnotherPass = false;
  for (const { base, exps } of groups.values()) {
    const combined = exps.length === 1 ? exps[0] : add(exps, budget);
    const p = exps.length === 1 && combined === ONE_EXPR ? base : pow(base, combined, budget);
    if (p.kind === 'num') coefficient = Q.mul(coefficient, p.value);
    else {
      if (p.kind === 'mul') {
        // `sqrt(2*x)^2` became `2*x`: its factors may combine with the others.
        needsAnotherPass = true;
        others.push(...p.factors);
      } else others.push(p);
    }
  }
  if (needsAnotherPass) return mul([num(coefficient), ...others], budget);
  if (Q.isZero(coefficient)) return ZERO_EXPR;
  if (others.length === 0) return num(coefficient);
  if (!Q.isOne(coefficient) && others.length === 1 && others[0].kind === 'add')
    return add(
      others[0].terms.map((t) => mul([num(coefficient), t], budget)),
      budget,
    );
  others.sort(byRank);
  const result = Q.isOne(coefficient) ? others : [num(coefficient), ...others];
  return result.length === 1 ? result[0] : { kind: 'mul', factors: result };
}

export function pow(base: Expr, exp: Expr, budget: WorkBudget): Expr {
  budget.spend(1);
  const e = numValue(exp);
  const b = numValue(base);
  if (e && Q.isZero(e)) return ONE_EXPR;
  if (e && Q.isOne(e)) return base;
  if (b && Q.isOne(b)) return ONE_EXPR;
  if (b && e) {
    if (Q.isZero(b) && e.n > 0) return ZERO_EXPR;
    const folded = Q.rationalPower(b, e);
    if (folded) return num(folded);
  }
  if (e && Q.isInteger(e)) {
    if (base.kind === 'pow') return pow(base.base, mul([base.exp, exp], budget), budget);
    if (base.kind === 'mul')
      return mul(
        base.factors.map((f) => pow(f, exp, budget)),
        budget,
      );
  }
  if (base.kind === 'const' && base.name === 'e' && exp.kind === 'fn' && exp.name === 'log')
    return exp.arg;
  // |a|^2 is a^2 for every real a.
  if (e && Q.isInteger(e) && e.n % 2 === 0 && base.kind === 'fn' && base.name === 'abs')
    return pow(base.arg, exp, budget);
  return { kind: 'pow', base, exp };
}

export function neg(e: Expr, budget: WorkBudget): Expr {
  return mul([MINUS_ONE_EXPR, e], budget);
}

export function sub(a: Expr, b: Expr, budget: WorkBudget): Expr {
  return add([a, neg(b, budget)], budget);
}

export function div(a: Expr, b: Expr, budget: WorkBudget): Expr {
  return mul([a, pow(b, MINUS_ONE_EXPR, budget)], budget);
}

export function exp(e: Expr, budget: WorkBudget): Expr {
  return pow(constant('e'), e, budget);
}

/** Values of functions at numbers that are exact (`sin(0)`, `relu(-2)`, `log(1)`). */
function exactValue(name: FunctionName, v: Q.Rational): Q.Rational | undefined {
  const x = Q.toNumber(v);
  switch (name) {
    case 'abs':
      return x < 0 ? Q.neg(v) : v;
    case 'relu':
      return x > 0 ? v : Q.ZERO;
    case 'sign':
      return Q.rational(Math.sign(x));
    case 'step':
      return x > 0 ? Q.ONE : Q.ZERO;
    case 'sigmoid':
      return x === 0 ? Q.rational(1, 2) : undefined;
    case 'cos':
    case 'cosh':
      return x === 0 ? Q.ONE : undefined;
    case 'log':
    case 'acos':
      return x === 1 ? Q.ZERO : undefined;
    default:
      return x === 0 ? Q.ZERO : undefined; // sin, tan, tanh, sinh, asin, atan
  }
}

function isPositiveConstant(e: Expr): boolean {
  return (e.kind === 'num' && e.value.n > 0) || e.kind === 'const';
}

export function apply(name: FunctionName, arg: Expr, budget: WorkBudget): Expr {
  budget.spend(1);
  if (arg.kind === 'num' && arg.value.exact) {
    const value = exactValue(name, arg.value);
    if (value) return num(value);
  }
  if (name === 'log') {
    if (arg.kind === 'const' && arg.name === 'e') return ONE_EXPR;
    if (arg.kind === 'pow' && arg.base.kind === 'const' && arg.base.name === 'e') return arg.exp;
    // log(c^p) = p log(c) for a positive constant c: `log(10^(4*x^2))` stays finite.
    if (arg.kind === 'pow' && isPositiveConstant(arg.base))
      return mul([arg.exp, apply('log', arg.base, budget)], budget);
  }
  return fn(name, arg);
}

/**
 * The expression in the simplifier's normal form (a tree, for instance a parsed one, rebuilt with
 * the simplifying constructors), within the caller's work budget or one of its own.
 */
export function simplify(e: Expr, budget = new WorkBudget()): Expr {
  const within = (e: Expr): Expr => {
    switch (e.kind) {
      case 'add':
        return add(e.terms.map(within), budget);
      case 'mul':
        return mul(e.factors.map(within), budget);
      case 'pow':
        return pow(within(e.base), within(e.exp), budget);
      case 'fn':
        return apply(e.name, within(e.arg), budget);
      default:
        return e;
    }
  };
  return within(e);
}

export function isZeroExpr(e: Expr): boolean {
  return e.kind === 'num' && e.value.n === 0;
}
