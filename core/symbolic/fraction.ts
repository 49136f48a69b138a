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

function flatten(e: Expr, into: Expr[]): Expr[] {
  if (e.kind === 'mul') for (const f of e.factors) flatten(f, into);
  else into.push(e);
  return into;
}

/** A power with a negative number exponent, as `[base, positive exponent]`. */
export function reciprocalOf(e: Expr): [Expr, Expr] | undefined {
  if (e.kind !== 'pow' || e.exp.kind !== 'num' || e.exp.value.n >= 0) return undefined;
  const { n, d, exact } = e.exp.value;
  return [
    e.base,
    exact ? (d === 1 ? int(-n) : { kind: 'num', value: { n: -n, d, exact } }) : int(-n),
  ];
}

export function fractionLayout(e: Expr): FractionLayout {
  const layout: FractionLayout = { negative: false, numerator: [], denominator: [] };
  flatten(e, []).forEach((f, index) => {
    if (f.kind === 'num' && (index === 0 || f.value.n < 0)) {
      const { n, d, exact } = f.value;
      if (n < 0) layout.negative = !layout.negative;
      if (Math.abs(n) !== 1 || !exact)
        layout.numerator.push(exact ? int(Math.abs(n)) : num(inexact(Math.abs(n))));
      if (d !== 1) layout.denominator.push(int(d));
      return;
    }
    const reciprocal = reciprocalOf(f);
    if (reciprocal) {
      const [base, exp] = reciprocal;
      const isOne = exp.kind === 'num' && exp.value.n === 1 && exp.value.d === 1;
      if (isOne) flatten(base, layout.denominator);
      else layout.denominator.push(rawPow(base, exp));
    } else layout.numerator.push(f);
  });
  return layout;
}

/** True for what reads as a fraction or a signed product rather than a single factor. */
export function isProductLike(e: Expr): boolean {
  if (e.kind === 'mul') return true;
  if (e.kind === 'num') return e.value.n < 0 || (e.value.exact && e.value.d !== 1);
  return reciprocalOf(e) !== undefined;
}
