// Structural keys: two expressions equal up to the order of terms and factors have the same
// key. The simplifier groups like terms and like bases by these keys.
import { cachedPerExpr, type Expr } from './expr.ts';
import { spend } from './budget.ts';

/** Only a key's first computation spends from the budget: a cached one costs nothing. */
export const keyOf = cachedPerExpr((e) => {
  const key = computeKey(e);
  spend(1 + (key.length >> 6));
  return key;
});

function computeKey(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return e.value.exact ? `${e.value.n}/${e.value.d}` : `~${e.value.n}`;
    case 'sym':
      return `$${e.name}`;
    case 'const':
      return `#${e.name}`;
    case 'add':
      return `+(${e.terms.map(keyOf).sort().join(',')})`;
    case 'mul':
      return `*(${e.factors.map(keyOf).sort().join(',')})`;
    case 'pow':
      return `^(${keyOf(e.base)},${keyOf(e.exp)})`;
    case 'fn':
      return `${e.name}(${keyOf(e.arg)})`;
  }
}
