// torch.cat and torch.stack: tensors joined along a dim; each input's gradient is its slice of
// the output's gradient (CatBackward0 slices, StackBackward0 selects).
import { stridesOf } from '../broadcast.ts';
import { allocate, castValue, promoteTypes } from '../dtype.ts';
import { runtimeError } from '../errors.ts';
import { Tensor } from '../tensor.ts';
import { index, type IndexItem } from './indexing.ts';
import { record } from './record.ts';
import { normalizeDim } from './shape.ts';

const ALL: IndexItem = { start: null, stop: null, step: null };

/** Items picking `pick` along `dim` (all of every dim before it). */
function along(dim: number, pick: IndexItem): IndexItem[] {
  return [...Array<IndexItem>(dim).fill(ALL), pick];
}

function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Copies the inputs, one after another along `dim`, into a tensor of `shape`. */
function concatenate(tensors: readonly Tensor[], dim: number, shape: number[]): Tensor {
  const dtype = tensors.map((t) => t.dtype).reduce(promoteTypes);
  const out = allocate(
    dtype,
    shape.reduce((p, d) => p * d, 1),
  );
  // Rows: everything before dim; each input contributes a contiguous block per row.
  const rows = shape.slice(0, dim).reduce((p, d) => p * d, 1);
  const rowSize = stridesOf(shape)[dim] * shape[dim];
  let offset = 0;
  for (const t of tensors) {
    if (t.numel === 0) continue;
    const block = t.numel / rows;
    const exact = dtype === 'float32' || dtype === 'float64'; // others cast (wrap, round)
    for (let r = 0; r < rows; r++)
      for (let i = 0; i < block; i++) {
        const value = t.data[r * block + i];
        out[r * rowSize + offset + i] = exact ? value : castValue(value, dtype);
      }
    offset += block;
  }
  return new Tensor(out, shape, dtype);
}

/** torch's legacy rule: a 1-D tensor of size 0 joins anything (it is skipped). */
function skipped(t: Tensor): boolean {
  return t.ndim === 1 && t.shape[0] === 0;
}

export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw runtimeError('torch.cat(): expected a non-empty list of Tensors');
  tensors.forEach((t, i) => {
    if (t.ndim === 0)
      throw runtimeError(`zero-dimensional tensor (at position ${i}) cannot be concatenated`);
  });
  const joined = tensors.filter((t) => !skipped(t));
  if (joined.length === 0) return record(concatenate(tensors, 0, [0]), catRecord(tensors, 0));
  const reference = joined[0];
  const d = normalizeDim(dim, reference.ndim);
  tensors.forEach((t, i) => {
    if (skipped(t)) return;
    if (t.ndim !== reference.ndim)
      throw runtimeError(
        `Tensors must have same number of dimensions: got ${reference.ndim} and ${t.ndim}`,
      );
    t.shape.forEach((size, k) => {
      if (k !== d && size !== reference.shape[k])
        throw runtimeError(
          `Sizes of tensors must match except in dimension ${d}. Expected size ${reference.shape[k]} but got size ${size} for tensor number ${i} in the list.`,
        );
    });
  });
  const shape = [...reference.shape];
  shape[d] = joined.reduce((total, t) => total + t.shape[d], 0);
  return record(concatenate(joined, d, shape), catRecord(tensors, d));
}

function catRecord(tensors: readonly Tensor[], dim: number) {
  return {
    name: 'CatBackward0',
    op: 'cat',
    inputs: tensors,
    attrs: { dim },
    backward: ([g]: readonly Tensor[]) => {
      let offset = 0;
      return tensors.map((t) => {
        if (skipped(t)) return null;
        const size = t.shape[dim];
        const slice = index(g, along(dim, { start: offset, stop: offset + size, step: null }));
        offset += size;
        return slice;
      });
    },
  };
}

export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw runtimeError('stack expects a non-empty TensorList');
  const first = tensors[0];
  tensors.forEach((t, i) => {
    if (t.shape.length !== first.shape.length || t.shape.some((s, k) => s !== first.shape[k]))
      throw runtimeError(
        `stack expects each tensor to be equal size, but got ${shapeText(first.shape)} at entry 0 and ${shapeText(t.shape)} at entry ${i}`,
      );
  });
  const d = normalizeDim(dim, first.ndim + 1);
  const shape = [...first.shape];
  shape.splice(d, 0, tensors.length);
  const result = concatenate(
    tensors.map((t) => unsqueezed(t, d)),
    d,
    shape,
  );
  return record(result, {
    name: 'StackBackward0',
    op: 'stack',
    inputs: tensors,
    attrs: { dim: d },
    backward: ([g]) => tensors.map((_, i) => index(g, along(d, i))),
  });
}

/** `t` with a size-1 dim inserted (a plain reshape: no graph). */
function unsqueezed(t: Tensor, dim: number): Tensor {
  const shape = [...t.shape];
  shape.splice(dim, 0, 1);
  return new Tensor(t.data, shape, t.dtype);
}
