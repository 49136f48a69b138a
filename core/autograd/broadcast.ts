// PyTorch broadcasting on contiguous row-major storage: result shapes, expanding, reducing back.
import { cascadeSum } from './cascade-sum.ts';
import { sumOverDims } from './dim-sum.ts';
import { isFloatStorage, storageDType, type Storage } from './dtype.ts';
import { allocateForOverwrite } from './storage-pool.ts';
import { runtimeError } from './errors.ts';
import { numelOf, stridesOf } from './shapes.ts';

export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1)
      throw runtimeError(
        `The size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i}`,
      );
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/**
 * Flat positions visited when walking `shape` in row-major order, moving `steps[d]` elements of
 * the source per step along dim d (0 repeats an element: broadcasting; permuted strides: permute).
 */
export function stridedPositions(shape: readonly number[], steps: readonly number[]): Int32Array {
  const n = numelOf(shape);
  const positions = new Int32Array(n);
  const counter = new Array<number>(shape.length).fill(0);
  let position = 0;
  for (let i = 0; i < n; i++) {
    positions[i] = position;
    for (let d = shape.length - 1; d >= 0; d--) {
      counter[d]++;
      position += steps[d];
      if (counter[d] < shape[d]) break;
      position -= steps[d] * counter[d];
      counter[d] = 0;
    }
  }
  return positions;
}

/**
 * For each element of `target`, the flat index of the element of `source` (a shape broadcastable
 * to `target`) that it reads.
 */
function broadcastIndex(source: readonly number[], target: readonly number[]): Int32Array {
  return stridedPositions(target, broadcastSteps(source, target));
}

/** Per dim of `target`, how far a step moves in `source` (0 along a broadcast dim). */
function broadcastSteps(source: readonly number[], target: readonly number[]): number[] {
  const offset = target.length - source.length;
  const strides = stridesOf(source);
  return target.map((_, d) => (d < offset || source[d - offset] === 1 ? 0 : strides[d - offset]));
}

export function expandStorage(
  data: Storage,
  source: readonly number[],
  target: readonly number[],
): Storage {
  const n = numelOf(target);
  if (data.length === n) return data;
  const out = allocateForOverwrite(storageDType(data), n);
  if (data.length === 1) return out.fill(data[0]);
  // Row by row along the last dim: a row either copies a run of the source or repeats one of
  // its elements, so the table holds a position per row, not per element.
  const steps = broadcastSteps(source, target);
  const last = target.length - 1;
  const rowLength = target[last];
  const rowStarts = stridedPositions(target.slice(0, last), steps.slice(0, last));
  const copiesRun = steps[last] !== 0;
  for (let row = 0, at = 0; row < rowStarts.length; row++, at += rowLength) {
    const from = rowStarts[row];
    if (copiesRun) for (let j = 0; j < rowLength; j++) out[at + j] = data[from + j];
    else out.fill(data[from], at, at + rowLength);
  }
  return out;
}

function plainSum(data: Storage): number {
  let total = 0;
  for (let i = 0; i < data.length; i++) total += data[i];
  return total;
}

/** Sums `data` of shape `source` down to `target` (the reverse of broadcasting `target` to `source`). */
export function sumToStorage(
  data: Storage,
  source: readonly number[],
  target: readonly number[],
  out: Storage,
): Storage {
  if (out.length === 1) {
    out[0] = isFloatStorage(data) ? cascadeSum(data) : plainSum(data);
    return out;
  }
  if (isFloatStorage(data) && isFloatStorage(out)) {
    const kept = [...new Array<number>(source.length - target.length).fill(1), ...target];
    sumOverDims(data, source, kept, out);
    return out;
  }
  const index = broadcastIndex(target, source);
  out.fill(0);
  for (let i = 0; i < index.length; i++) out[index[i]] += data[i];
  return out;
}

/** True when `shape` broadcasts to `target` (torch's is_expandable_to). */
export function isExpandableTo(shape: readonly number[], target: readonly number[]): boolean {
  if (shape.length > target.length) return false;
  const offset = target.length - shape.length;
  return shape.every((d, i) => d === 1 || d === target[i + offset]);
}
