// sin and cos for float64 rounded as glibc rounds them (correctly), in double-double arithmetic.
// V8's Math.cos is off by one ulp at times (Math.cos(0.1) ends in ...257, libm's in ...258),
// which float64 results printed with 17 digits would show. float32 does not need this.

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
