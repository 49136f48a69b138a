// Structural keys: two expressions equal up to the order of terms and factors have the same
// key. The simplifier groups like terms and like bases by these keys.
import type { Expr } from './expr.ts';
import type { WorkBudget } from './budget.ts';

/**
 * The expression's key, kept with it. Only a key's first computation spends from the budget
 * (a cached one costs nothing); a caller that builds nothing (a comparison) passes none.
 */
export const keyOf = keyMemo();

function keyMemo(): (e: Expr, budget?: WorkBudget) => string {
  const keys = new WeakMap<Expr, string>();
  return function keyOf(e, budget) {
    let key = keys.get(e);
    if (key === undefined) {
      keys.set(e, (key = computeKey(e, budget)));
      budget?.spend(1 + (key.length >> 6));
    }
    return key;
  };
}

function computeKey(e: Expr, budget: WorkBudget | undefined): string {
  const keyOfEach = (operands: readonly Expr[]) => operands.map((o) => keyOf(o, budget));
  switch (e.kind) {
    case 'num':
      return e.value.exact ? `${e.value.n}/${e.value.d}` : `~${e.value.n}`;
    case 'sym':
      return `$${e.name}`;
    case 'const':
      return `#${e.name}`;
    case 'add':
      return `+(${keyOfEach(e.terms).sort().join(',')})`;
    case 'mul':
      return `*(${keyOfEach(e.factors).sort().join(',')})`;
    case 'pow':
      return `^(${keyOf(e.base, budget)},${keyOf(e.exp, budget)})`;
    case 'fn':
      return `${e.name}(${keyOf(e.arg, budget)})`;
  }
}
