// Derivatives tidied as a textbook writes them: sums of fractions over a common denominator
// (`f'/g - f g'/g^2` becomes `(f' g - f g')/g^2`, its numerator expanded, so that
// `2x/(x+1)^2 - 2x^2/(x+1)^3` reads `2x/(x+1)^3`), fractions nested in a factor cleared,
// shared factors taken out of a sum (`e^x + x e^x` is `(x + 1) e^x`). A rewrite is kept only
// where it is shorter.
import type { Expr } from './expr.ts';
import { children, int, num } from './expr.ts';
import { keyOf } from './structural-key.ts';
import type { Rational } from './rational.ts';
import * as Q from './rational.ts';
import { MINUS_ONE_EXPR, ONE_EXPR, add, apply, mul, pow, splitCoefficient } from './simplify.ts';
import { toText } from './print.ts';
import { WorkBudget } from './budget.ts';

/** Terms an expanded numerator may have; past it the fraction is left as it was. */
const MAX_EXPANDED_TERMS = 48;
/** Distinct bases a common denominator may have. */
const MAX_DENOMINATOR_BASES = 6;
/** Largest power of a sum expanded in a numerator. */
const MAX_EXPANDED_POWER = 4;

class TooLarge extends Error {}

/** The expression with every sum of fractions combined where that makes it shorter. */
export function combineFractions(e: Expr, budget = new WorkBudget()): Expr {
  return new FractionCombiner(budget).combine(e);
}

/**
 * One call's work, with its results by node: subtrees are shared, a sum's remainder is combined
 * again once its factors are out, and a sum meets clearNested again as a factor of a product.
 * Plain maps dropped with the call (WeakMaps kept across calls made garbage collection slower).
 */
class FractionCombiner {
  private readonly combinedForms = new Map<Expr, Expr>();
  private readonly overAll = new Map<Expr, Expr | undefined>();
  private readonly overFractions = new Map<Expr, Expr | undefined>();
  private readonly budget: WorkBudget;

  constructor(budget: WorkBudget) {
    this.budget = budget;
  }

  combine(e: Expr): Expr {
    let form = this.combinedForms.get(e);
    if (!form) this.combinedForms.set(e, (form = this.combineOnce(e)));
    return form;
  }

  private combineOnce(e: Expr): Expr {
    const inner = children(e);
    const combined = inner.map((c) => this.combine(c));
    // Rebuilt only where something inside changed.
    const rebuilt = combined.every((c, i) => c === inner[i])
      ? e
      : rebuild(e, combined, this.budget);
    if (rebuilt.kind === 'mul') {
      const cleared = this.clearNested(rebuilt);
      const signed = (m: Expr | undefined) =>
        m?.kind === 'mul' ? signInside(m, this.budget) : undefined;
      // Equal lengths keep the earlier: the sign inside a sum reads better.
      return shortest([signed(rebuilt), rebuilt, signed(cleared), cleared]);
    }
    if (rebuilt.kind !== 'add') return rebuilt;
    const parts = factorParts(rebuilt, this.budget);
    return shortest([
      rebuilt,
      this.together(rebuilt, false),
      this.together(rebuilt, true),
      // What is left once the shared factors are out may combine in turn.
      parts && mul([...parts.slice(0, -1), this.combine(parts[parts.length - 1])], this.budget),
    ]);
  }

  /**
   * A product with each factor that is a sum of fractions put over its denominator, so that the
   * denominators meet and cancel: `1/((a/b + 1)*b)` is `1/(a + b)`.
   */
  private clearNested(product: Extract<Expr, { kind: 'mul' }>): Expr | undefined {
    let changed = false;
    const factors = product.factors.map((f) => {
      const [base, exp] =
        f.kind === 'pow' && f.exp.kind === 'num' && Q.isInteger(f.exp.value)
          ? [f.base, f.exp]
          : [f, ONE_EXPR];
      const over = base.kind === 'add' ? this.together(base, true) : undefined;
      if (!over) return f;
      changed = true;
      return pow(over, exp, this.budget);
    });
    return changed ? mul(factors, this.budget) : undefined;
  }

  /**
   * The sum's fractions over their common denominator, the other terms beside them (`2 + 1/x +
   * 1/y` is `2 + (x + y)/(x*y)`), or with `everything` all its terms over it (`x + 1/x` is
   * `(x^2 + 1)/x`).
   */
  private together(sum: Extract<Expr, { kind: 'add' }>, everything: boolean): Expr | undefined {
    const fractions = everything ? sum.terms : sum.terms.filter((t) => denominatorOf(t).length > 0);
    if (fractions.length < 2 || !fractions.some((t) => denominatorOf(t).length > 0))
      return undefined;
    // Both ways agree when every term is a fraction.
    const cache = fractions.length === sum.terms.length ? this.overAll : this.overFractions;
    if (cache.has(sum)) return cache.get(sum);
    const result = overCommonDenominator(sum, fractions, this.budget);
    cache.set(sum, result);
    return result;
  }
}

function rebuild(e: Expr, operands: Expr[], budget: WorkBudget): Expr {
  switch (e.kind) {
    case 'add':
      return add(operands, budget);
    case 'mul':
      return mul(operands, budget);
    case 'pow':
      return pow(operands[0], operands[1], budget);
    case 'fn':
      return apply(e.name, operands[0], budget);
    default:
      return e;
  }
}

function shortest(candidates: (Expr | undefined)[]): Expr {
  const defined = candidates.filter((e) => e !== undefined);
  if (defined.length === 1) return defined[0];
  let best: Expr | undefined;
  let bestLength = Infinity;
  for (const e of defined) {
    const length = toText(e).length;
    if (length < bestLength) [best, bestLength] = [e, length];
  }
  return best!;
}

function factorsOf(term: Expr): readonly Expr[] {
  return term.kind === 'mul' ? term.factors : [term];
}

/** A factor as [base, exact exponent] (`x` is [x, 1]); numbers have none. */
function asPower(f: Expr): [Expr, Rational] | undefined {
  if (f.kind === 'num') return undefined;
  if (f.kind === 'pow' && f.exp.kind === 'num' && f.exp.value.exact) return [f.base, f.exp.value];
  return [f, Q.ONE];
}

/** Factors of a term with a negative exponent, as [base, the exponent's size]. */
function denominatorOf(term: Expr): [Expr, Rational][] {
  const below: [Expr, Rational][] = [];
  for (const f of factorsOf(term)) {
    const power = asPower(f);
    if (power && power[1].n < 0) below.push([power[0], Q.neg(power[1])]);
  }
  return below;
}

/**
 * A sum as a product with the factors its terms share taken out (`exp(x) + x*exp(x)` is
 * `(x + 1)*exp(x)`), the numbers' common part (the sign too when every term is negative) first;
 * undefined when nothing is shared.
 */
function factorParts(sum: Extract<Expr, { kind: 'add' }>, budget: WorkBudget): Expr[] | undefined {
  let shared: Map<string, [Expr, Rational]> | undefined;
  for (const t of sum.terms) {
    const here = new Map<string, [Expr, Rational]>();
    for (const f of factorsOf(t)) {
      const power = asPower(f);
      if (power && power[1].n > 0) here.set(keyOf(power[0]), power);
    }
    if (!shared) shared = here;
    else
      for (const [key, [base, k]] of shared) {
        const other = here.get(key);
        if (!other) shared.delete(key);
        else if (Q.toNumber(other[1]) < Q.toNumber(k)) shared.set(key, [base, other[1]]);
      }
  }
  const common = [...shared!.values()].map(([b, k]) => pow(b, num(k), budget));
  const content = numericContent(sum.terms.map((t) => splitCoefficient(t)[0]));
  if (common.length === 0 && Q.isOne(content)) return undefined;
  const divisor = [
    num(Q.rational(content.d, content.n)),
    ...common.map((c) => pow(c, int(-1), budget)),
  ];
  return [
    num(content),
    ...common,
    add(
      sum.terms.map((t) => mul([t, ...divisor], budget)),
      budget,
    ),
  ];
}

function gcd(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : gcd(b, a % b);
}

/** The largest rational dividing every coefficient, negative when all of them are. */
function numericContent(coefficients: Rational[]): Rational {
  if (!coefficients.every((c) => c.exact)) return Q.ONE;
  const n = coefficients.reduce((g, c) => gcd(g, c.n), 0);
  const d = coefficients.reduce((l, c) => (l / gcd(l, c.d)) * c.d, 1);
  if (!Number.isSafeInteger(d)) return Q.ONE;
  return Q.rational(coefficients.every((c) => c.n < 0) ? -n : n, d);
}

function overCommonDenominator(
  sum: Extract<Expr, { kind: 'add' }>,
  fractions: readonly Expr[],
  budget: WorkBudget,
): Expr | undefined {
  const common = new Map<string, [Expr, Rational]>();
  for (const t of fractions)
    for (const [base, k] of denominatorOf(t)) {
      const key = keyOf(base);
      const seen = common.get(key);
      if (!seen || Q.toNumber(seen[1]) < Q.toNumber(k)) common.set(key, [base, k]);
    }
  const denominator = [...common.values()];
  // Each base of a sum doubles the numerator's terms: past a few, expanding cannot be shorter.
  if (denominator.length > MAX_DENOMINATOR_BASES) return undefined;
  try {
    const expanded = byDegree(
      expand(
        add(
          fractions.map((t) =>
            mul([t, ...denominator.map(([b, k]) => pow(b, num(k), budget))], budget),
          ),
          budget,
        ),
        budget,
      ),
    );
    const numerator = (expanded.kind === 'add' && factorParts(expanded, budget)) || [expanded];
    const others = sum.terms.filter((t) => !fractions.includes(t));
    const fraction = mul(
      [...numerator, ...denominator.map(([b, k]) => pow(b, num(Q.neg(k)), budget))],
      budget,
    );
    return add(
      [...others, (fraction.kind === 'mul' && signInside(fraction, budget)) || fraction],
      budget,
    );
  } catch (error) {
    if (error instanceof TooLarge) return undefined;
    throw error;
  }
}

/** Whole powers of symbols in a term, added up (`3*x^2*y` has degree 3). */
function degreeOf(term: Expr): number {
  let degree = 0;
  for (const f of factorsOf(term)) {
    const power = asPower(f);
    if (power && power[0].kind === 'sym' && Q.isInteger(power[1])) degree += power[1].n;
  }
  return degree;
}

/** A polynomial's terms as textbooks order them: highest degree first, the constant last. */
function byDegree(e: Expr): Expr {
  if (e.kind !== 'add') return e;
  const terms = e.terms.map((t, i) => ({ t, i, degree: degreeOf(t) }));
  terms.sort((a, b) => b.degree - a.degree || a.i - b.i);
  return { kind: 'add', terms: terms.map(({ t }) => t) };
}

/**
 * A negative product with a sum of mixed signs reads better with the sign inside the sum:
 * `-(3 - 2*x^3)/d` is `(2*x^3 - 3)/d`.
 */
function signInside(product: Extract<Expr, { kind: 'mul' }>, budget: WorkBudget): Expr | undefined {
  const [coefficient, rest] = splitCoefficient(product);
  if (coefficient.n >= 0 || rest.kind !== 'mul') return undefined;
  const i = rest.factors.findIndex(
    (f) =>
      f.kind === 'add' &&
      f.terms.some((t) => splitCoefficient(t)[0].n < 0) &&
      f.terms.some((t) => splitCoefficient(t)[0].n > 0),
  );
  if (i < 0) return undefined;
  const flipped = byDegree(
    add(
      (rest.factors[i] as Extract<Expr, { kind: 'add' }>).terms.map((t) =>
        mul([MINUS_ONE_EXPR, t], budget),
      ),
      budget,
    ),
  );
  return mul(
    [num(Q.neg(coefficient)), ...rest.factors.map((f, k) => (k === i ? flipped : f))],
    budget,
  );
}

/** Products of sums multiplied out (and small powers of sums), like terms collected. */
function expand(e: Expr, budget: WorkBudget): Expr {
  if (e.kind === 'add')
    return add(
      e.terms.map((t) => expand(t, budget)),
      budget,
    );
  if (e.kind === 'pow' && e.base.kind === 'add' && e.exp.kind === 'num') {
    const { n, d } = e.exp.value;
    if (d === 1 && n > 1 && n <= MAX_EXPANDED_POWER)
      return expand({ kind: 'mul', factors: Array<Expr>(n).fill(e.base) }, budget);
    return e;
  }
  if (e.kind !== 'mul') return e;
  let terms: Expr[] = [ONE_EXPR];
  for (const factor of e.factors.map((f) => expand(f, budget))) {
    const parts = factor.kind === 'add' ? factor.terms : [factor];
    if (terms.length * parts.length > MAX_EXPANDED_TERMS) throw new TooLarge();
    terms = terms.flatMap((t) => parts.map((p) => mul([t, p], budget)));
  }
  return add(terms, budget);
}
