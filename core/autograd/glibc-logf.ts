// glibc's logf on x86-64 (its FMA build, chosen on CPUs with FMA): the float32 log that ATen's
// scalar CPU kernels call (binary_cross_entropy's), which differs from the correctly rounded
// log in about 0.8% of values. The method: x = 2^k z with z near 1, log(x) = k ln2 + log(c) +
// log(z/c) for the table centre c nearest z, the last term a cubic in r = z/c - 1, evaluated
// in double with fused multiply-adds.
// Table and coefficients: Arm Optimized Routines, math/logf_data.c, Copyright (c) 2017-2018
// Arm Limited, SPDX-License-Identifier: MIT (the data glibc and musl share), written here as the
// decimal forms of those hexadecimal doubles.
import { fma64 } from './fused-multiply-add.ts';

const INVC_LOGC = [
  [1.398907162146528, -0.33569133332882284],
  [1.3403141896637998, -0.2929040563774074],
  [1.286432210124115, -0.2518726580937369],
  [1.2367150214269895, -0.21245868807117255],
  [1.1906977166711752, -0.17453945183745634],
  [1.1479821020556429, -0.1380057072319758],
  [1.1082251448272158, -0.10275976698545139],
  [1.0711297413057381, -0.06871392447020525],
  [1.036437278977283, -0.0357891387398228],
  [1.0, 0],
  [0.9492859795739057, 0.05204517742929496],
  [0.8951049428609004, 0.11081431298787942],
  [0.8476821620351103, 0.1652495223695143],
  [0.8050314851692001, 0.21687389031699977],
  [0.7664671008843108, 0.2659635028121397],
  [0.731428603316328, 0.3127556664073557],
];
const LN2 = 0.6931471805599453;
const POLY = [-0.25089342214237154, 0.333456765744066, -0.4999997485802103];
/** The bits of 0.6999969482421875 (about 0.7): z lies in [OFF, 2 OFF). */
const OFF = 0x3f330000;

const word = new Float32Array(1);
const bits = new Uint32Array(word.buffer);

export function glibcLogf(x: number): number {
  word[0] = x;
  let ix = bits[0];
  if (ix === 0x3f800000) return 0;
  if ((ix - 0x00800000) >>> 0 >= 0x7f800000 - 0x00800000) {
    // Zero, subnormal, negative, infinite or NaN.
    if ((ix & 0x7fffffff) === 0) return -Infinity;
    if (ix === 0x7f800000) return Infinity;
    if (ix & 0x80000000 || ix >= 0x7f800000) return NaN;
    word[0] *= 8388608; // subnormal: normalised, its exponent taken back below
    ix = bits[0] - (23 << 23);
  }
  const tmp = (ix - OFF) >>> 0;
  const [invc, logc] = INVC_LOGC[(tmp >>> 19) % 16];
  const k = (tmp | 0) >> 23;
  bits[0] = (ix - (tmp & 0xff800000)) >>> 0;
  const z = word[0];
  const r = fma64(z, invc, -1);
  const y0 = fma64(k, LN2, logc);
  const r2 = r * r;
  let y = fma64(POLY[1], r, POLY[2]);
  y = fma64(POLY[0], r2, y);
  y = fma64(y, r2, y0 + r);
  return Math.fround(y);
}
