// How ATen's vectorised CPU kernels round float32, reproduced bit for bit: Sleef's expf (the
// `Vectorized<float>::exp` of AVX2 builds) and the 8-lane sums of `vec::reduce_all` (lanes
// accumulated, then folded as a tree). Checked against PyTorch on thousands of random inputs.
// Products feeding an addition are fused (FMA) where ATen's compiled kernels fuse them: a
// float32 product is exact in float64, so `fround(acc + a * b)` is the fused result.

const f = Math.fround;

/** Float lanes of an AVX2 register. */
export const LANES = 8;

/** Values cpu_kernel_vec's vectorised loop takes at a time (two registers); the rest go scalar. */
export const VECTORISED_LOOP_STEP = 2 * LANES;

const R_LN2 = f(Math.LOG2E); // Sleef R_LN2f: 1/ln 2
const L2U = f(0.693145751953125);
const L2L = f(1.428606765330187045e-6);
const EXP_POLY = [
  0.000198527617612853646278381, 0.00139304355252534151077271, 0.00833336077630519866943359,
  0.0416664853692054748535156, 0.166666671633720397949219, 0.5,
].map(f);

/** Sleef_expf8_u10 (FMA build), one lane. */
export function sleefExpF32(x: number): number {
  const d = f(x);
  if (d !== d) return NaN;
  if (d < -104) return 0;
  if (d > 100) return Infinity;
  const q = roundHalfEven(f(d * R_LN2));
  let s = f(q * -L2U + d);
  s = f(q * -L2L + s);
  let u = EXP_POLY[0];
  for (let i = 1; i < EXP_POLY.length; i++) u = f(u * s + EXP_POLY[i]);
  u = f(1 + f(f(s * s) * u + s));
  return f(u * 2 ** q);
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The scalar tail of a kernel: glibc's expf, correctly rounded. */
export function scalarExpF32(x: number): number {
  return f(Math.exp(x));
}

/** Folds 8 lanes as vec_reduce_all's AVX2 shuffles do: (l0+l4 + l2+l6) + (l1+l5 + l3+l7). */
function foldLanes(lanes: Float32Array): number {
  const a = f(f(lanes[0] + lanes[4]) + f(lanes[2] + lanes[6]));
  const b = f(f(lanes[1] + lanes[5]) + f(lanes[3] + lanes[7]));
  return f(a + b);
}

/**
 * vec::reduce_all / map_reduce_all with `+` over `n` values `at(i)` (already float32): in order
 * below 8 values, else value i into lane i % 8, then the lanes folded.
 */
export function laneSum(n: number, at: (i: number) => number): number {
  if (n === 0) return 0;
  if (n < LANES) {
    let total = at(0);
    for (let i = 1; i < n; i++) total = f(total + at(i));
    return total;
  }
  const lanes = new Float32Array(LANES);
  for (let l = 0; l < LANES; l++) lanes[l] = at(l);
  for (let i = LANES; i < n; i++) lanes[i % LANES] = f(lanes[i % LANES] + at(i));
  return foldLanes(lanes);
}

/** map2_reduce_all(x * y, +): products rounded below 8 values, fused into the lanes above. */
export function laneDot(n: number, a: (i: number) => number, b: (i: number) => number): number {
  if (n < LANES) return laneSum(n, (i) => f(a(i) * b(i)));
  const lanes = new Float32Array(LANES);
  for (let l = 0; l < LANES; l++) lanes[l] = f(a(l) * b(l));
  for (let i = LANES; i < n; i++) lanes[i % LANES] = f(lanes[i % LANES] + a(i) * b(i));
  return foldLanes(lanes);
}
