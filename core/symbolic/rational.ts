// Exact rational numbers on safe integers; the result falls back to a float (exact: false)
// when a numerator or denominator would leave the safe-integer range.

export interface Rational {
  readonly n: number;
  readonly d: number;
  /** false once a value could not be kept exactly (shown as a decimal). */
  readonly exact: boolean;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

export function inexact(value: number): Rational {
  return { n: value, d: 1, exact: false };
}

export function rational(n: number, d = 1): Rational {
  if (d === 0) return inexact(n === 0 ? NaN : n > 0 ? Infinity : -Infinity);
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) return inexact(n / d);
  const g = gcd(n, d) || 1;
  const sign = d < 0 ? -1 : 1;
  return { n: (sign * n) / g, d: (sign * d) / g, exact: true };
}

export const ZERO = rational(0);
export const ONE = rational(1);

export function toNumber(r: Rational): number {
  return r.n / r.d;
}

function both(a: Rational, b: Rational, exactOp: () => Rational, floatOp: () => number): Rational {
  return a.exact && b.exact ? exactOp() : inexact(floatOp());
}

export function add(a: Rational, b: Rational): Rational {
  return both(
    a,
    b,
    () => rational(a.n * b.d + b.n * a.d, a.d * b.d),
    () => toNumber(a) + toNumber(b),
  );
}

export function mul(a: Rational, b: Rational): Rational {
  return both(
    a,
    b,
    () => rational(a.n * b.n, a.d * b.d),
    () => toNumber(a) * toNumber(b),
  );
}

export function neg(a: Rational): Rational {
  return a.exact ? rational(-a.n, a.d) : inexact(-a.n);
}

export function isZero(a: Rational): boolean {
  return a.n === 0;
}

export function isOne(a: Rational): boolean {
  return a.n === 1 && a.d === 1;
}

export function isInteger(a: Rational): boolean {
  return a.exact && a.d === 1;
}

/** Largest integer exponent folded exactly; beyond it a power stays symbolic. */
const MAX_FOLDED_EXPONENT = 64;

/** a^k for an integer k, or undefined when it is not exact and small. */
function integerPower(a: Rational, k: number): Rational | undefined {
  if (!a.exact || !Number.isInteger(k) || Math.abs(k) > MAX_FOLDED_EXPONENT) return undefined;
  if (k < 0) {
    if (a.n === 0) return undefined;
    const p = integerPower(a, -k);
    return p && p.exact ? rational(p.d, p.n) : undefined;
  }
  const n = a.n ** k;
  const d = a.d ** k;
  return Number.isSafeInteger(n) && Number.isSafeInteger(d) ? rational(n, d) : undefined;
}

function exactRoot(value: number, k: number): number | undefined {
  const root = Math.round(Math.abs(value) ** (1 / k));
  return root ** k === Math.abs(value) ? root : undefined;
}

/** a^(p/q) when it is rational (4^(1/2) = 2, (8/27)^(2/3) = 4/9), else undefined. */
export function rationalPower(a: Rational, e: Rational): Rational | undefined {
  if (!a.exact || !e.exact) return undefined;
  if (e.d === 1) return integerPower(a, e.n);
  if (a.n < 0 || e.d > MAX_FOLDED_EXPONENT) return undefined;
  const n = exactRoot(a.n, e.d);
  const d = exactRoot(a.d, e.d);
  return n === undefined || d === undefined ? undefined : integerPower(rational(n, d), e.n);
}

/** Reads a decimal literal such as `12`, `0.25` or `.5` exactly. */
export function parseDecimal(text: string): Rational {
  const [whole = '', digitsAfter = ''] = text.split('.');
  const fraction = digitsAfter.replace(/0+$/, '');
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  const n = Number(digits || '0');
  return rational(n, 10 ** fraction.length);
}
