// Numeric evaluation in float64, with PyTorch's values at the kinks (relu, abs, sign, step)
// and NaN where the real function is undefined (log of a negative, a fractional power of one).
import type { Expr, FunctionName } from './expr.ts';
import { toNumber } from './rational.ts';

export type Point = Readonly<Record<string, number>>;

const FUNCTIONS: Record<FunctionName, (x: number) => number> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  tanh: Math.tanh,
  sinh: Math.sinh,
  cosh: Math.cosh,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  log: Math.log,
  abs: Math.abs,
  relu: (x) => (Number.isNaN(x) ? NaN : x > 0 ? x : 0),
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  sign: (x) => (Number.isNaN(x) ? NaN : x > 0 ? 1 : x < 0 ? -1 : 0),
  step: (x) => (Number.isNaN(x) ? NaN : x > 0 ? 1 : 0),
};

class UnboundSymbolError extends Error {
  override name = 'UnboundSymbolError';
}

export function evaluate(e: Expr, point: Point): number {
  switch (e.kind) {
    case 'num':
      return toNumber(e.value);
    case 'sym': {
      const value = point[e.name];
      if (value === undefined) throw new UnboundSymbolError(`no value given for ${e.name}`);
      return value;
    }
    case 'const':
      return e.name === 'e' ? Math.E : Math.PI;
    case 'add':
      return e.terms.reduce((s, t) => s + evaluate(t, point), 0);
    case 'mul':
      return e.factors.reduce((p, f) => p * evaluate(f, point), 1);
    case 'pow': {
      if (e.base.kind === 'const' && e.base.name === 'e') return Math.exp(evaluate(e.exp, point));
      return Math.pow(evaluate(e.base, point), evaluate(e.exp, point));
    }
    case 'fn':
      return FUNCTIONS[e.name](evaluate(e.arg, point));
  }
}
