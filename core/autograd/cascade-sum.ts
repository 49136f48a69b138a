// torch.sum of a whole contiguous float tensor, rounded exactly as ATen's CPU kernel rounds it:
// cascade_sum with 4 interleaved accumulators of AVX2 vectors (8 float32 / 4 float64 lanes),
// partial sums combined level by level, accumulators kept in the tensor's own precision.
// A plain double-precision sum would differ in the last bit, which `.item()` prints.
// The float32 row loop runs in WebAssembly SIMD where it can (wasm/simd-loops.ts): the same
// additions lane by lane in the same order, so the same bits.
import { simdRowAdder, type RowAdder } from './wasm/simd-loops.ts';

type Accumulator = Float32Array | Float64Array;

const ILP = 4;
const LEVELS = 4;

function ceilLog2(x: number): number {
  return x <= 2 ? 1 : Math.ceil(Math.log2(x));
}

/**
 * ATen's row_sum over `items` consecutive groups of `width` values: the lane-wise sums (in a
 * typed array, so every addition rounds to the accumulator's precision).
 */
function rowSum(
  data: ArrayLike<number>,
  items: number,
  width: number,
  make: (n: number) => Accumulator,
): Accumulator {
  const rows = Math.floor(items / ILP);
  const power = Math.max(4, Math.floor(ceilLog2(rows) / LEVELS));
  const step = 1 << power;
  const mask = step - 1;
  const block = ILP * width;
  const { acc, addRows } = simdRowAdder(data, block, rows) ?? jsRowAdder(data, block, make);
  let i = 0;
  while (i + step <= rows) {
    addRows(i, step);
    i += step;
    for (let level = 1; level < LEVELS; level++) {
      for (let q = 0; q < block; q++) {
        acc[level * block + q] += acc[(level - 1) * block + q];
        acc[(level - 1) * block + q] = 0;
      }
      if ((i & (mask << (level * power))) !== 0) break;
    }
  }
  addRows(i, rows - i);
  for (let level = 1; level < LEVELS; level++)
    for (let q = 0; q < block; q++) acc[q] += acc[level * block + q];
  for (let item = rows * ILP; item < items; item++)
    for (let lane = 0; lane < width; lane++) acc[lane] += data[item * width + lane];
  for (let k = 1; k < ILP; k++)
    for (let lane = 0; lane < width; lane++) acc[lane] += acc[k * width + lane];
  return acc.subarray(0, width);
}

function jsRowAdder(
  data: ArrayLike<number>,
  block: number,
  make: (n: number) => Accumulator,
): RowAdder {
  const acc = make(LEVELS * block);
  return {
    acc,
    addRows(from, count) {
      for (let row = from; row < from + count; row++) {
        const base = row * block;
        for (let q = 0; q < block; q++) acc[q] += data[base + q];
      }
    },
  };
}

/** The sum of all of `data` as torch computes it for float32 (Float32Array) or float64 data. */
export function cascadeSum(data: Float32Array | Float64Array): number {
  const make = (n: number): Accumulator =>
    data instanceof Float32Array ? new Float32Array(n) : new Float64Array(n);
  const lanes = data instanceof Float32Array ? 8 : 4;
  const n = data.length;
  if (n < lanes) return rowSum(data, n, 1, make)[0];
  const vectors = Math.floor(n / lanes);
  const partials = rowSum(data, vectors, lanes, make);
  const total = make(1);
  for (let k = vectors * lanes; k < n; k++) total[0] += data[k];
  for (let lane = 0; lane < lanes; lane++) total[0] += partials[lane];
  return total[0];
}
