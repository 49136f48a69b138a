// The expression tree shared by the parser, the simplifier, differentiation and the printers.
// Subtraction is a sum with a -1 factor and division a power with exponent -1, as in SymPy, so
// every rule has few cases to handle.
import type { Rational } from './rational.ts';
import { rational } from './rational.ts';

/** Functions of one argument; each one is also a differentiable op of the autograd engine. */
export const FUNCTION_NAMES = [
  'sin',
  'cos',
  'tan',
  'tanh',
  'sinh',
  'cosh',
  'asin',
  'acos',
  'atan',
  'log',
  'abs',
  'relu',
  'sigmoid',
  'sign',
  'step',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export type ConstantName = 'e' | 'pi';

export type Expr =
  | { readonly kind: 'num'; readonly value: Rational }
  | { readonly kind: 'sym'; readonly name: string }
  | { readonly kind: 'const'; readonly name: ConstantName }
  | { readonly kind: 'add'; readonly terms: readonly Expr[] }
  | { readonly kind: 'mul'; readonly factors: readonly Expr[] }
  | { readonly kind: 'pow'; readonly base: Expr; readonly exp: Expr }
  | { readonly kind: 'fn'; readonly name: FunctionName; readonly arg: Expr };

export function num(value: Rational): Expr {
  return { kind: 'num', value };
}

export function int(n: number): Expr {
  return num(rational(n));
}

export function sym(name: string): Expr {
  return { kind: 'sym', name };
}

export function constant(name: ConstantName): Expr {
  return { kind: 'const', name };
}

export function fn(name: FunctionName, arg: Expr): Expr {
  return { kind: 'fn', name, arg };
}

/** Raw constructors keep the tree as typed (for showing how an input was read). */
export function rawAdd(terms: Expr[]): Expr {
  return terms.length === 1 ? terms[0] : { kind: 'add', terms };
}

export function rawMul(factors: Expr[]): Expr {
  return factors.length === 1 ? factors[0] : { kind: 'mul', factors };
}

export function rawPow(base: Expr, exp: Expr): Expr {
  return { kind: 'pow', base, exp };
}

/** The operands of a node, in order. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'add':
      return e.terms;
    case 'mul':
      return e.factors;
    case 'pow':
      return [e.base, e.exp];
    case 'fn':
      return [e.arg];
    default:
      return [];
  }
}

/** Every symbol name in the expression, in order of first appearance. */
export function symbolsOf(e: Expr, into: string[] = []): string[] {
  if (e.kind === 'sym') {
    if (!into.includes(e.name)) into.push(e.name);
  } else for (const c of children(e)) symbolsOf(c, into);
  return into;
}

/**
 * `compute` with its result kept per expression node: trees are shared and immutable, so a
 * node's result never changes. (Results are never undefined, so a miss is one lookup.)
 */
export function cachedPerExpr<T extends object | string | number>(
  compute: (e: Expr) => T,
): (e: Expr) => T {
  const cache = new WeakMap<Expr, T>();
  return (e) => {
    let result = cache.get(e);
    if (result === undefined) cache.set(e, (result = compute(e)));
    return result;
  };
}

/** The set of symbols an expression depends on. */
export const freeSymbols: (e: Expr) => ReadonlySet<string> = cachedPerExpr((e) => {
  const result = new Set<string>();
  if (e.kind === 'sym') result.add(e.name);
  for (const c of children(e)) for (const s of freeSymbols(c)) result.add(s);
  return result;
});

export function dependsOn(e: Expr, variable: string): boolean {
  return freeSymbols(e).has(variable);
}

/** The expression with symbols renamed (for display, as `x` → `x_i`). */
export function renameSymbols(e: Expr, rename: (name: string) => string): Expr {
  switch (e.kind) {
    case 'sym':
      return sym(rename(e.name));
    case 'add':
      return { kind: 'add', terms: e.terms.map((t) => renameSymbols(t, rename)) };
    case 'mul':
      return { kind: 'mul', factors: e.factors.map((f) => renameSymbols(f, rename)) };
    case 'pow':
      return {
        kind: 'pow',
        base: renameSymbols(e.base, rename),
        exp: renameSymbols(e.exp, rename),
      };
    case 'fn':
      return fn(e.name, renameSymbols(e.arg, rename));
    default:
      return e;
  }
}
