// An expression as SymPy holds it: sums and products flat, reciprocals of products split,
// arguments in SymPy's canonical order (Basic.compare: classes first — numbers, constants,
// symbols, powers, products, sums, then functions by name — then the number of arguments, then
// the arguments one by one). The reference figures' torch code (../shared/golden,
// tools/derivative-probes) added and multiplied in this order, so float32 rounds the same way.
import type { Expr } from './expr.ts';
import { cachedPerExpr, fn, int, num, rawPow } from './expr.ts';
import * as Q from './rational.ts';

const ZERO = int(0);

/** SymPy's `ordering_of_classes`, for the classes our trees map to. */
const CLASS_ORDER = [
  'Zero',
  'One',
  'Half',
  'NegativeOne',
  'Integer',
  'Rational',
  'Float',
  'Exp1',
  'Pi',
  'Symbol',
  'Pow',
  'Mul',
  'Add',
  'Abs',
];

/** SymPy's class of a node; functions outside CLASS_ORDER compare by name after all of them. */
function classOf(e: Expr): string {
  switch (e.kind) {
    case 'num': {
      const { n, d, exact } = e.value;
      if (!exact) return 'Float';
      if (d !== 1) return n === 1 && d === 2 ? 'Half' : 'Rational';
      return n === 0 ? 'Zero' : n === 1 ? 'One' : n === -1 ? 'NegativeOne' : 'Integer';
    }
    case 'sym':
      return 'Symbol';
    case 'const':
      return e.name === 'e' ? 'Exp1' : 'Pi';
    case 'add':
      return 'Add';
    case 'mul':
      return 'Mul';
    case 'pow':
      return e.base.kind === 'const' && e.base.name === 'e' ? 'exp' : 'Pow';
    case 'fn':
      return SYMPY_FUNCTION[e.name] ?? e.name;
  }
}

const SYMPY_FUNCTION: Partial<Record<string, string>> = {
  abs: 'Abs',
  relu: 'Max',
  step: 'Heaviside',
};

function classRank(name: string): number {
  const i = CLASS_ORDER.indexOf(name);
  return i < 0 ? CLASS_ORDER.length : i;
}

type Content = (Expr | number | string)[];

/** What SymPy compares after the class (its `_hashable_content`). */
const contentOf = cachedPerExpr(computeContent);

function computeContent(e: Expr): Content {
  switch (e.kind) {
    case 'num':
      return e.value.d === 1 ? [e.value.n] : [e.value.n, e.value.d];
    case 'sym':
      return [e.name];
    case 'const':
      return [];
    case 'add':
      return sortedArgs(e.terms);
    case 'mul':
      return sortedArgs(e.factors);
    case 'pow':
      return classOf(e) === 'exp' ? [e.exp] : [e.base, e.exp];
    case 'fn':
      return e.name === 'relu' ? [ZERO, e.arg] : [e.arg];
  }
}

function compareValues(a: Expr | number | string, b: Expr | number | string): number {
  if (typeof a === 'object' && typeof b === 'object') return compareSympy(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Basic.compare: -1, 0 or 1. */
function compareSympy(a: Expr, b: Expr): number {
  if (a === b) return 0;
  const ca = classOf(a);
  const cb = classOf(b);
  if (ca !== cb) {
    const ra = classRank(ca);
    const rb = classRank(cb);
    if (ra !== rb) return ra - rb;
    return ca < cb ? -1 : 1;
  }
  const sa = contentOf(a);
  const sb = contentOf(b);
  if (sa.length !== sb.length) return sa.length - sb.length;
  for (let i = 0; i < sa.length; i++) {
    const c = compareValues(sa[i], sb[i]);
    if (c !== 0) return c;
  }
  return 0;
}

/** The arguments of a sum or product in SymPy's order: the number first, then by compare. */
function sortedArgs(args: readonly Expr[]): Expr[] {
  const numbers = args.filter((a) => a.kind === 'num');
  const rest = args.filter((a) => a.kind !== 'num').sort(compareSympy);
  return [...numbers, ...rest];
}

/** The expression as SymPy's automatic evaluation would hold it. */
export const sympyForm = cachedPerExpr(computeForm);

function computeForm(e: Expr): Expr {
  switch (e.kind) {
    case 'add':
      return { kind: 'add', terms: sortedArgs(termsOf(e).map(sympyForm)) };
    case 'mul':
    case 'pow': {
      const factors = factorsOf(e);
      if (factors.length > 1) return { kind: 'mul', factors: sortedArgs(factors.map(sympyForm)) };
      const [only] = factors;
      return only.kind === 'pow'
        ? rawPow(sympyForm(only.base), sympyForm(only.exp))
        : sympyForm(only);
    }
    case 'fn':
      return fn(e.name, sympyForm(e.arg));
    default:
      return e;
  }
}

function termsOf(e: Expr): Expr[] {
  return e.kind === 'add' ? e.terms.flatMap(termsOf) : [e];
}

function isWhole(e: Expr): e is Extract<Expr, { kind: 'num' }> {
  return e.kind === 'num' && e.value.exact && e.value.d === 1;
}

/** `a*(b*c)^-1` → a, b^-1, c^-1 and `(b^k)^-1` → b^-k, as SymPy's automatic evaluation does. */
function factorsOf(e: Expr): Expr[] {
  if (e.kind === 'mul') return e.factors.flatMap(factorsOf);
  if (e.kind === 'pow' && isWhole(e.exp)) {
    const { base, exp } = e;
    if (base.kind === 'mul') return base.factors.flatMap((f) => factorsOf(rawPow(f, exp)));
    if (base.kind === 'pow' && base.exp.kind === 'num' && base.exp.value.exact)
      return factorsOf(rawPow(base.base, num(Q.mul(base.exp.value, exp.value))));
  }
  return [e];
}
