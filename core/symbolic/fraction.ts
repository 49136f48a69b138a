// How a product is laid out for people: sign, numerator factors and denominator factors, so
// that both printers write `x/(2*y)` and `\frac{x}{2 y}` instead of negative powers.
import type { Expr } from './expr.ts';
import { int, num, rawPow } from './expr.ts';
import { inexact } from './rational.ts';

export interface FractionLayout {
  negative: boolean;
  numerator: Expr[];
  denominator: Expr[];
}

/** A power with a negative number exponent, as `[base, positive exponent]`. */
export function reciprocalOf(e: Expr): [Expr, Expr] | undefined {
  if (e.kind !== 'pow' || e.exp.kind !== 'num' || e.exp.value.n >= 0) return undefined;
  const { n, d, exact } = e.exp.value;
  return [e.base, exact ? num({ n: -n, d, exact }) : num(inexact(-n))];
}

function isOne(e: Expr): boolean {
  return e.kind === 'num' && e.value.exact && e.value.n === 1 && e.value.d === 1;
}

/**
 * Nested products are opened, a reciprocal moves to the other side of the bar (so
 * `x/(1/(x+1))` is `x*(x + 1)`), a number's sign goes to the front and its denominator below.
 */
export function fractionLayout(e: Expr): FractionLayout {
  const layout: FractionLayout = { negative: false, numerator: [], denominator: [] };
  const place = (f: Expr, below: boolean): void => {
    const [over, under] = below
      ? [layout.denominator, layout.numerator]
      : [layout.numerator, layout.denominator];
    if (f.kind === 'mul') {
      for (const factor of f.factors) place(factor, below);
      return;
    }
    const reciprocal = reciprocalOf(f);
    if (reciprocal) {
      const [base, exp] = reciprocal;
      if (isOne(exp)) place(base, !below);
      else under.push(rawPow(base, exp));
      return;
    }
    if (f.kind !== 'num') {
      over.push(f);
      return;
    }
    const { n, d, exact } = f.value;
    if (n < 0) layout.negative = !layout.negative;
    if (Math.abs(n) !== 1 || !exact)
      over.push(exact ? int(Math.abs(n)) : num(inexact(Math.abs(n))));
    if (d !== 1) under.push(int(d));
  };
  place(e, false);
  return layout;
}

/** True for what reads as a fraction or a signed product rather than a single factor. */
export function isProductLike(e: Expr): boolean {
  if (e.kind === 'mul') return true;
  if (e.kind === 'num') return e.value.n < 0 || (e.value.exact && e.value.d !== 1);
  return reciprocalOf(e) !== undefined;
}
