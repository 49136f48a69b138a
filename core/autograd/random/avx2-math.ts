// log and sin/cos of float32 values exactly as PyTorch 1.13's AVX2 normal kernel computes them
// (ATen's avx_mathfun.h: Julien Pommier's and Giovanni Garberoglio's ports of Cephes' logf,
// sinf and cosf, zlib licence). Every step rounds to float32; GCC compiled the multiply-adds of
// the polynomials into fused ones, which this reproduces (found by comparing 40,960 normals of
// real PyTorch, every one equal).
import { fma32 } from '../fused-multiply-add.ts';

const f = Math.fround;

const LOG_POLY = [
  7.0376836292e-2, -1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1,
  -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1,
].map(f);
const LOG_Q1 = f(-2.1219444e-4);
const LOG_Q2 = f(0.693359375);
const SQRT_HALF = f(Math.SQRT1_2);
const MIN_NORMAL = 2 ** -126;

const bits = new DataView(new ArrayBuffer(4));

/** Natural log of a positive float32 (Cephes' logf: exponent split, then a degree-9 polynomial). */
export function avxLog(value: number): number {
  bits.setFloat32(0, Math.max(value, MIN_NORMAL));
  const word = bits.getUint32(0);
  let exponent = f((word >>> 23) - 0x7f + 1);
  bits.setUint32(0, (word & ~0x7f800000) | 0x3f000000); // the mantissa scaled into [0.5, 1)
  let x = bits.getFloat32(0);
  if (x < SQRT_HALF) {
    exponent = f(exponent - 1);
    x = f(f(x - 1) + x);
  } else {
    x = f(x - 1);
  }
  const z = f(x * x);
  let y = LOG_POLY[0];
  for (let k = 1; k < LOG_POLY.length; k++) y = fma32(y, x, LOG_POLY[k]);
  y = f(y * x);
  y = fma32(y, z, f(exponent * LOG_Q1));
  y = fma32(-0.5, z, y);
  return fma32(exponent, LOG_Q2, f(x + y));
}

const FOUR_OVER_PI = f(1.27323954473516);
const MINUS_DP = [f(-0.78515625), f(-2.4187564849853515625e-4), f(-3.774894977445941e-8)];
const SIN_POLY = [f(-1.9515295891e-4), f(8.3321608736e-3), f(-1.6666654611e-1)];
const COS_POLY = [f(2.443315711809948e-5), f(-1.388731625493765e-3), f(4.166664568298827e-2)];

/**
 * [sin, cos] of a float32 angle (Cephes' sinf/cosf: reduction by multiples of pi/4 in three
 * parts, then one polynomial for each half of the octant). Out: the pair, to spare allocations.
 */
export function avxSinCos(angle: number, out: [number, number]): void {
  let x = Math.abs(angle);
  let octant = Math.trunc(f(x * FOUR_OVER_PI));
  octant = (octant + 1) & ~1;
  const y = f(octant);
  for (const part of MINUS_DP) x = fma32(y, part, x);
  const z = f(x * x);

  let cosine = fma32(fma32(COS_POLY[0], z, COS_POLY[1]), z, COS_POLY[2]);
  cosine = f(cosine * z);
  cosine = f(fma32(cosine, z, -f(z * 0.5)) + 1);
  let sine = fma32(fma32(SIN_POLY[0], z, SIN_POLY[1]), z, SIN_POLY[2]);
  sine = fma32(f(sine * z), x, x);

  const swap = (octant & 2) !== 0;
  const sinNegative = ((octant & 4) !== 0) !== angle < 0;
  const cosNegative = ((octant - 2) & 4) === 0;
  const s = swap ? cosine : sine;
  const c = swap ? sine : cosine;
  out[0] = sinNegative ? -s : s;
  out[1] = cosNegative ? -c : c;
}
