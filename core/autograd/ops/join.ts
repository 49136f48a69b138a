// torch.cat and torch.stack: tensors joined along a dim; each input's gradient is its slice of
// the output's gradient (CatBackward0 slices, StackBackward0 selects).
import { stridesOf } from '../shapes.ts';
import { castValue, promoteTypes } from '../dtype.ts';
import { allocate } from '../storage-pool.ts';
import { runtimeError } from '../errors.ts';
import { Tensor } from '../tensor.ts';
import { index, type IndexItem } from './indexing.ts';
import { recordDerivative } from './record.ts';
import { derivative, type Derivative } from '../derivative.ts';
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
  if (joined.length === 0) return recordCat(concatenate(tensors, 0, [0]), tensors, 0);
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
  return recordCat(concatenate(joined, d, shape), tensors, d);
}

/** The tensors of a list input, named as the formulas show them: tensors_0, tensors_1... */
const listNames = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `tensors_${i}`);

/**
 * cat and stack take a list, so their declaration is made per call, one rule per tensor: each
 * gets its own slice of g (a tensor skipped by cat gets none).
 */
function listDerivative(
  name: string,
  slices: readonly (((g: Tensor) => Tensor) | null)[],
  tex: (i: number) => string,
): Derivative<{ dim: number }> {
  const names = listNames(slices.length);
  const rules = slices.map((slice, i) =>
    slice === null ? null : { reads: [], tex: tex(i), grad: (g: Tensor) => slice(g) },
  );
  return derivative(name, Object.fromEntries(names.map((n, i) => [n, rules[i]])));
}

function recordCat(result: Tensor, tensors: readonly Tensor[], dim: number): Tensor {
  let offset = 0;
  const slices = tensors.map((t) => {
    if (skipped(t)) return null;
    const range = { start: offset, stop: offset + t.shape[dim], step: null };
    offset += t.shape[dim];
    return (g: Tensor): Tensor => index(g, along(dim, range));
  });
  const backward = listDerivative(
    'CatBackward0',
    slices,
    (i) => `{{g}}\\big|_{\\text{part } ${i}}`,
  );
  return recordDerivative(result, backward, {
    op: 'cat',
    inputs: tensors,
    values: { dim },
    attrs: { dim },
  });
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
  const slices = tensors.map(
    (_, i) =>
      (g: Tensor): Tensor =>
        index(g, along(d, i)),
  );
  const backward = listDerivative('StackBackward0', slices, (i) => `{{g}}_{${i}}`);
  return recordDerivative(result, backward, {
    op: 'stack',
    inputs: tensors,
    values: { dim: d },
    attrs: { dim: d },
  });
}

/** `t` with a size-1 dim inserted (a plain reshape: no graph). */
function unsqueezed(t: Tensor, dim: number): Tensor {
  const shape = [...t.shape];
  shape.splice(dim, 0, 1);
  return new Tensor(t.data, shape, t.dtype);
}
