// sin, cos and log for float64 rounded correctly, in double-double arithmetic, as glibc nearly
// always rounds them. V8's Math.cos is off by one ulp at times (Math.cos(0.1) ends in ...257,
// libm's in ...258) and Math.log in about 7% of random arguments, which float64 results printed
// with 17 digits would show. glibc itself misrounds about 0.1% of them (0.52 ulp at worst).
// float32 does not need this.

import { productError } from './fused-multiply-add.ts';

/** A double-double: value = hi + lo. */
export type DD = [number, number];

/** a + b exactly, as the rounded sum and its error (Knuth's TwoSum). */
export function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  return [p, productError(a, b, p)];
}

function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  return twoSum(s, e + a[1] + b[1]);
}

function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return twoSum(p, e + a[0] * b[1] + a[1] * b[0]);
}

function divSmall(a: DD, d: number): DD {
  const q1 = a[0] / d;
  const [p, e] = twoProd(q1, d);
  const q2 = (a[0] - p - e + a[1]) / d;
  return twoSum(q1, q2);
}

// pi/2 in three 33-bit pieces plus a tail (fdlibm's constants): k * piece is exact for k < 2**20.
const PIO2 = [
  1.5707963267341256, 6.077100506303966e-11, 2.0222662487111665e-21, 8.4784276603689e-32,
];
const REDUCTION_LIMIT = 1e5;

/** Taylor series of sin (odd) or cos (even) at a reduced argument |r| <= pi/4. */
function series(r: DD, odd: boolean): DD {
  const r2 = mul(r, r);
  let term: DD = odd ? r : [1, 0];
  let total = term;
  for (let n = odd ? 2 : 1; Math.abs(term[0]) > 1e-36; n += 2) {
    term = divSmall(mul(term, r2), -(n * (n + 1)));
    total = add(total, term);
    if (n > 60) break;
  }
  return total;
}

function sinCos(x: number, wantSin: boolean): number {
  const k = Math.round(x / PIO2[0]);
  let r: DD = [x, 0];
  for (const piece of PIO2) r = add(r, twoProd(-k, piece));
  const quadrant = ((k % 4) + 4) % 4;
  const useSin = wantSin ? quadrant % 2 === 0 : quadrant % 2 === 1;
  const value = series(r, useSin);
  const negate = wantSin ? quadrant >= 2 : quadrant === 1 || quadrant === 2;
  const rounded = value[0] + value[1];
  return negate ? -rounded : rounded;
}

export function preciseSin(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) > REDUCTION_LIMIT || x === 0) return Math.sin(x);
  return sinCos(x, true);
}

export function preciseCos(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) > REDUCTION_LIMIT) return Math.cos(x);
  return sinCos(x, false);
}

const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];

/** a / b in double-double (two correction steps). */
function divide(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  const r1 = add(a, mul([-q1, 0], b));
  const q2 = r1[0] / b[0];
  const r2 = add(r1, mul([-q2, 0], b));
  return add(twoSum(q1, q2), [r2[0] / b[0], 0]);
}

/** log(x): x = m * 2**e with m in [sqrt(1/2), sqrt(2)), log m = 2 atanh((m - 1) / (m + 1)). */
export function preciseLog(x: number): number {
  if (!(x > 0) || !Number.isFinite(x) || x === 1) return Math.log(x);
  let e = Math.floor(Math.log2(x));
  let m = x / 2 ** e; // exact: a power of two (for subnormals 2**e is still representable)
  if (m < 1) [m, e] = [m * 2, e - 1];
  else if (m >= 2) [m, e] = [m / 2, e + 1];
  if (m > Math.SQRT2) [m, e] = [m / 2, e + 1];
  const f = divide(twoSum(m, -1), twoSum(m, 1));
  const f2 = mul(f, f);
  let power = f;
  let atanh = f;
  for (let k = 3; k < 400; k += 2) {
    power = mul(power, f2);
    const term = divSmall(power, k);
    atanh = add(atanh, term);
    if (Math.abs(term[0]) <= 1e-34 * Math.abs(atanh[0])) break;
  }
  const result = add(mul(LN2, [e, 0]), [2 * atanh[0], 2 * atanh[1]]);
  return result[0] + result[1];
}
