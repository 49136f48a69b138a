// torch.sum over some dims of a float tensor, rounded as ATen's CPU cascade_sum rounds it
// (SumKernel.cpp, single-threaded as for the tensors a lesson uses). TensorIterator orders the
// dims reduced ones first, then by stride, and merges adjacent dims it can walk as one; the two
// innermost make a 2-D loop that sums each output's column in float32 for float32 (no wider
// accumulator) in one of two orders: a plain cascade down the column, or (row_sum) four
// interleaved cascades added at the end. Outer dims repeat the loop, adding into the output.
import { stridesOf } from './shapes.ts';
import { cascadeSum } from './cascade-sum.ts';

type Floats = Float32Array | Float64Array;

interface Dim {
  size: number;
  /** Steps in the input and in the output (0 along a reduced dim). */
  inStep: number;
  outStep: number;
}

const LEVELS = 4;
const ILP = 4;

/**
 * Sums `data` (contiguous, of shape `shape`) over the dims where `kept` (same rank) has 1 and
 * `shape` does not, into `out` (contiguous, of shape `kept`).
 */
export function sumOverDims(
  data: Floats,
  shape: readonly number[],
  kept: readonly number[],
  out: Floats,
): void {
  const lanes = data instanceof Float32Array ? 8 : 4;
  const round = data instanceof Float32Array ? Math.fround : (v: number) => v;
  const dims = iteratorDims(shape, kept);
  const [d0, d1] = [dims[0], dims[1] ?? { size: 1, inStep: 0, outStep: 0 }];
  const outer = dims.slice(2);
  const counter = outer.map(() => 0);
  out.fill(0);
  for (let inBase = 0, outBase = 0; ;) {
    sum2d(data, inBase, out, outBase, d0, d1, lanes, round);
    // Next outer index, the lowest dim fastest (TensorIterator's DimCounter).
    let d = 0;
    for (; d < outer.length; d++) {
      counter[d]++;
      inBase += outer[d].inStep;
      outBase += outer[d].outStep;
      if (counter[d] < outer[d].size) break;
      inBase -= outer[d].inStep * counter[d];
      outBase -= outer[d].outStep * counter[d];
      counter[d] = 0;
    }
    if (d === outer.length) return;
  }
}

/** TensorIterator's dims for the reduction: reordered (reorder_dimensions) and coalesced. */
function iteratorDims(shape: readonly number[], kept: readonly number[]): Dim[] {
  const inSteps = stridesOf(shape);
  const outSteps = stridesOf(kept);
  const all = shape.map((size, i) => ({
    size,
    inStep: inSteps[i],
    outStep: kept[i] === 1 && size !== 1 ? 0 : outSteps[i],
  }));
  // Innermost first; an insertion sort that leaves ambiguous pairs where they are.
  const order = all.map((_, i) => all.length - 1 - i);
  for (let i = 1; i < order.length; i++)
    for (let d1 = i, d0 = i - 1; d0 >= 0; d0--) {
      const comparison = compareDims(all[order[d0]], all[order[d1]]);
      if (comparison > 0) {
        [order[d0], order[d1]] = [order[d1], order[d0]];
        d1 = d0;
      } else if (comparison < 0) break;
    }
  const dims: Dim[] = [];
  for (const i of order) {
    const next = all[i];
    const prev = dims[dims.length - 1];
    if (prev === undefined) dims.push({ ...next });
    else if (prev.size === 1 || next.size === 1 || canMerge(prev, next)) {
      if (prev.size === 1) [prev.inStep, prev.outStep] = [next.inStep, next.outStep];
      prev.size *= next.size;
    } else dims.push({ ...next });
  }
  return dims;
}

/** reorder_dimensions' should_swap: 1 when a must come after b, -1 before, 0 ambiguous. */
function compareDims(a: Dim, b: Dim): number {
  // The output: reduced dims to the front.
  if ((a.outStep === 0) !== (b.outStep === 0)) return b.outStep === 0 ? 1 : -1;
  for (const [sa, sb] of [
    [a.outStep, b.outStep],
    [a.inStep, b.inStep],
  ]) {
    if (sa === 0 || sb === 0) continue;
    if (sa !== sb) return sa < sb ? -1 : 1;
    if (a.size > b.size) return 1;
  }
  return 0;
}

function canMerge(a: Dim, b: Dim): boolean {
  return a.size * a.inStep === b.inStep && a.size * a.outStep === b.outStep;
}

/** cascade_sum's 2-D loop: d0, d1 the two innermost dims (one of them reduced). */
function sum2d(
  data: Floats,
  inBase: number,
  out: Floats,
  outBase: number,
  d0: Dim,
  d1: Dim,
  lanes: number,
  round: (v: number) => number,
): void {
  // The reduced dim first.
  const [r, c] = d0.outStep !== 0 && d1.outStep === 0 ? [d1, d0] : [d0, d1];
  if (r.outStep !== 0) {
    // Nothing reduced here: the output adds the input element by element.
    for (let j = 0; j < r.size; j++)
      for (let k = 0; k < c.size; k++)
        out[outBase + j * r.outStep + k * c.outStep] += data[inBase + j * r.inStep + k * c.inStep];
    return;
  }
  let interleavedFrom: number;
  if (r.inStep === 1 && r.size >= lanes) {
    // vectorized_inner_sum: each column is a contiguous run, summed as a whole-tensor sum is.
    for (let j = 0; j < c.size; j++) {
      const start = inBase + j * c.inStep;
      out[outBase + j * c.outStep] += cascadeSum(data.subarray(start, start + r.size));
    }
    return;
  } else if (c.inStep === 1 && c.size >= lanes) {
    // vectorized_outer_sum: blocks of 4 vectors of columns cascade straight down.
    interleavedFrom = c.size - (c.size % (ILP * lanes));
  } else if (r.inStep < c.inStep) {
    interleavedFrom = 0; // scalar_inner_sum
  } else {
    interleavedFrom = c.size - (c.size % ILP); // scalar_outer_sum: groups of 4 columns
  }
  for (let j = 0; j < c.size; j++) {
    const start = inBase + j * c.inStep;
    out[outBase + j * c.outStep] += (j < interleavedFrom ? cascade : interleaved)(
      data,
      start,
      r.inStep,
      r.size,
      round,
    );
  }
}

/** The sum of `size` values from `start`, `step` apart, in one of cascade_sum's orders. */
type ColumnSum = (
  data: Floats,
  start: number,
  step: number,
  size: number,
  round: (v: number) => number,
) => number;

/** ATen's utils::CeilLog2. */
function ceilLog2(x: number): number {
  return x <= 2 ? 1 : 32 - Math.clz32(x - 1);
}

/** multi_row_sum for one column: partial sums of 16+ rows added level by level. */
const cascade: ColumnSum = (data, start, step, size, round) => {
  const power = Math.max(4, Math.floor(ceilLog2(size) / LEVELS));
  const chunk = 1 << power;
  const mask = chunk - 1;
  const acc = [0, 0, 0, 0];
  let i = 0;
  while (i + chunk <= size) {
    for (const end = i + chunk; i < end; i++) acc[0] = round(acc[0] + data[start + i * step]);
    for (let level = 1; level < LEVELS; level++) {
      acc[level] = round(acc[level] + acc[level - 1]);
      acc[level - 1] = 0;
      if ((i & (mask << (level * power))) !== 0) break;
    }
  }
  for (; i < size; i++) acc[0] = round(acc[0] + data[start + i * step]);
  for (let level = 1; level < LEVELS; level++) acc[0] = round(acc[0] + acc[level]);
  return acc[0];
};

/** row_sum for one column: 4 interleaved cascades, the leftover rows, then the 4 partials. */
const interleaved: ColumnSum = (data, start, step, size, round) => {
  const rows = Math.floor(size / ILP);
  const partials = [0, 1, 2, 3].map((k) =>
    cascade(data, start + k * step, ILP * step, rows, round),
  );
  let total = partials[0];
  for (let i = rows * ILP; i < size; i++) total = round(total + data[start + i * step]);
  for (let k = 1; k < ILP; k++) total = round(total + partials[k]);
  return total;
};
