// x * y + z rounded once, as C's fma: ATen computes add/sub with alpha as fma(other, alpha, self)
// (Vectorized fmadd, and the scalar tail compiled with contraction), which differs from
// self + alpha * other rounded twice in about one value in ten. JS has no Math.fma, so the exact
// value is carried as an unevaluated sum of doubles (Dekker's TwoProduct, Knuth's TwoSum) and
// rounded once; the only double rounding left, a tie, is settled by the sign of what was dropped.

const SPLITTER = 134217729; // 2**27 + 1: Dekker's split of a double into two 26-bit halves

/** x * y - p exactly for p = x * y rounded (Dekker's TwoProduct; |x * y| below about 1e300). */
export function productError(x: number, y: number, p: number): number {
  const cx = SPLITTER * x;
  const xh = cx - (cx - x);
  const xl = x - xh;
  const cy = SPLITTER * y;
  const yh = cy - (cy - y);
  const yl = y - yh;
  return xh * yh - p + xh * yl + xl * yh + xl * yl;
}

/** fma for doubles: the nearest double to x * y + z (ties to even). */
export function fma64(x: number, y: number, z: number): number {
  const p = x * y;
  // Infinities, NaN and products near overflow (the split would overflow): nothing to fuse.
  if (!(Math.abs(p) < 1e300) || !Number.isFinite(z)) return p + z;
  const ep = productError(x, y, p);
  // s + es = p + z exactly.
  const s = p + z;
  const sz = s - p;
  const es = p - (s - sz) + (z - sz);
  // t + et = ep + es exactly; the exact result is s + t + et, with |et| far below ulp(s + t).
  const t = ep + es;
  const tes = t - ep;
  const et = ep - (t - tes) + (es - tes);
  const r = s + t;
  if (et === 0) return r;
  return settleTie(r, s, t, et);
}

/** r = s + t rounded; when s + t was exactly halfway between r and a neighbour, et decides. */
function settleTie(r: number, s: number, t: number, et: number): number {
  // er: what rounding s + t to r dropped (exact, TwoSum).
  const rs = r - s;
  const er = s - (r - rs) + (t - rs);
  if (er === 0) return r;
  const neighbour = r + 2 * er;
  const isTie = neighbour - r === 2 * er;
  return isTie && et > 0 === er > 0 ? neighbour : r;
}

/**
 * fma for float32 values (x, y, z already rounded to float32): the nearest float32 to x * y + z.
 * The product of two float32 values is exact in a double, so one TwoSum holds the exact result.
 */
export function fma32(x: number, y: number, z: number): number {
  const p = x * y;
  const s = p + z;
  const r = Math.fround(s);
  if (r === s || !Number.isFinite(s)) return r;
  const sz = s - p;
  const es = p - (s - sz) + (z - sz);
  if (es === 0) return r;
  // s rounded the exact value: only a float32 tie at s itself can make fround(s) wrong.
  const d = s - r;
  const other = s + d;
  const isTie = other - s === d && Math.fround(other) === other;
  if (!isTie) return r;
  return es > 0 ? Math.max(r, other) : Math.min(r, other);
}
