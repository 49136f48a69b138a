// Shape ops. Tensors here are always contiguous, so each returns a copy (torch returns views:
// in-place writes through a view do not reach its base here).
import { expandStorage, isExpandableTo, stridedPositions, sumToStorage } from '../broadcast.ts';
import { stridesOf } from '../shapes.ts';
import { allocate } from '../storage-pool.ts';
import { runtimeError, TorchError } from '../errors.ts';
import { sameShape, Tensor } from '../tensor.ts';
import { numelOf } from '../shapes.ts';
import { record } from './record.ts';

function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Broadcasts `t` to `shape` (torch.expand / expand_as). */
export function expand(t: Tensor, shape: readonly number[]): Tensor {
  if (!isExpandableTo(t.shape, shape)) {
    const offset = shape.length - t.shape.length;
    // torch names the right-most dim that does not fit.
    let dim = shape.length - 1;
    while (dim >= offset && (t.shape[dim - offset] === shape[dim] || t.shape[dim - offset] === 1))
      dim--;
    const existing = dim >= offset ? t.shape[dim - offset] : 1;
    throw runtimeError(
      `The expanded size of the tensor (${shape[dim]}) must match the existing size (${existing}) at non-singleton dimension ${dim}.  Target sizes: ${shapeText(shape)}.  Tensor sizes: ${shapeText(t.shape)}`,
    );
  }
  const data = expandStorage(t.data, t.shape, shape);
  const result = new Tensor(data === t.data ? t.data.slice() : data, [...shape], t.dtype);
  const inputShape = t.shape;
  return record(result, {
    name: 'ExpandBackward0',
    op: 'expand',
    inputs: [t],
    attrs: { shape: [...shape] },
    backward: ([g]) => [sumTo(g, inputShape)],
  });
}

/** Sums a broadcast gradient back down to `shape` (torch's at::sum_to). */
export function sumTo(t: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(t.shape, shape)) return t;
  const out = sumToStorage(t.data, t.shape, shape, allocate(t.dtype, numelOf(shape)));
  return record(new Tensor(out, [...shape], t.dtype), {
    name: 'SumBackward1',
    op: 'sumTo',
    inputs: [t],
    attrs: { shape: [...shape] },
    backward: ([g]) => [expand(g, t.shape)],
  });
}

/** Resolves one -1 in a requested shape, as torch.reshape does. */
function resolveShape(requested: readonly number[], numel: number): number[] {
  const shape = [...requested];
  const unknown = shape.indexOf(-1);
  const known = shape.reduce((p, d, i) => (i === unknown ? p : p * d), 1);
  if (unknown >= 0 && known !== 0 && numel % known === 0) shape[unknown] = numel / known;
  if (numelOf(shape) !== numel || shape.some((d) => d < 0))
    throw runtimeError(`shape '${shapeText(requested)}' is invalid for input of size ${numel}`);
  return shape;
}

function withShape(t: Tensor, shape: number[], name: string, op: string): Tensor {
  const inputShape = t.shape;
  return record(new Tensor(t.data.slice(), shape, t.dtype), {
    name,
    op,
    inputs: [t],
    attrs: { shape },
    backward: ([g]) => [reshape(g, inputShape)],
  });
}

/** torch.reshape / view (ViewBackward0). */
export function reshape(t: Tensor, shape: readonly number[]): Tensor {
  return withShape(t, resolveShape(shape, t.numel), 'ViewBackward0', 'reshape');
}

export function normalizeDim(dim: number, rank: number): number {
  const size = Math.max(rank, 1);
  if (!Number.isInteger(dim) || dim < -size || dim >= size)
    throw new TorchError(
      'IndexError',
      `Dimension out of range (expected to be in range of [${-size}, ${size - 1}], but got ${dim})`,
    );
  return dim < 0 ? dim + size : dim;
}

export function unsqueeze(t: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, t.ndim + 1);
  const shape = [...t.shape];
  shape.splice(d, 0, 1);
  return withShape(t, shape, 'UnsqueezeBackward0', 'unsqueeze');
}

/** torch.squeeze: all size-1 dims (SqueezeBackward0) or one dim (SqueezeBackward1). */
export function squeeze(t: Tensor, dim?: number): Tensor {
  if (dim === undefined)
    return withShape(
      t,
      t.shape.filter((d) => d !== 1),
      'SqueezeBackward0',
      'squeeze',
    );
  return squeezeDim(t, dim, 'SqueezeBackward1');
}

/**
 * torch's in-place `squeeze_(dim)` (SqueezeBackward4), as matmul applies it to its own fresh
 * result for a 1-D @ 2-D product; here it returns the squeezed copy.
 */
export function squeezeInPlace(t: Tensor, dim: number): Tensor {
  return squeezeDim(t, dim, 'SqueezeBackward4');
}

function squeezeDim(t: Tensor, dim: number, name: string): Tensor {
  const d = normalizeDim(dim, t.ndim);
  const shape = t.shape.filter((size, i) => i !== d || size !== 1);
  return withShape(t, shape, name, 'squeeze');
}

/** Reorders dims: out dim i is input dim order[i]. */
function permuteData(t: Tensor, order: readonly number[]): Tensor {
  if (order.length === 2 && order[0] === 1) return transposed2d(t);
  const shape = order.map((d) => t.shape[d]);
  const strides = stridesOf(t.shape);
  const positions = stridedPositions(
    shape,
    order.map((d) => strides[d]),
  );
  const out = allocate(t.dtype, t.numel);
  for (let i = 0; i < out.length; i++) out[i] = t.data[positions[i]];
  return new Tensor(out, shape, t.dtype);
}

/** A matrix's transpose, copied without a table of positions (nn.Linear's weight.t()). */
function transposed2d(t: Tensor): Tensor {
  const [rows, columns] = t.shape;
  const out = allocate(t.dtype, t.numel);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < columns; j++) out[j * rows + i] = t.data[i * columns + j];
  return new Tensor(out, [columns, rows], t.dtype);
}

export function permute(t: Tensor, dims: readonly number[]): Tensor {
  const order = dims.map((d) => normalizeDim(d, t.ndim));
  if (order.length !== t.ndim || new Set(order).size !== order.length)
    throw runtimeError(
      `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${t.ndim} is not equal to len(dims) = ${dims.length}`,
    );
  const inverse = order.map((_, i) => order.indexOf(i));
  return record(permuteData(t, order), {
    name: 'PermuteBackward0',
    op: 'permute',
    inputs: [t],
    attrs: { dims: order },
    backward: ([g]) => [permute(g, inverse)],
  });
}

export function transpose(t: Tensor, dim0: number, dim1: number): Tensor {
  const a = normalizeDim(dim0, t.ndim);
  const b = normalizeDim(dim1, t.ndim);
  const order = t.shape.map((_, i) => (i === a ? b : i === b ? a : i));
  return record(permuteData(t, order), {
    name: 'TransposeBackward0',
    op: 'transpose',
    inputs: [t],
    attrs: { dim0: a, dim1: b },
    backward: ([g]) => [transpose(g, a, b)],
  });
}

/** torch.t: transpose of a matrix, identity for 0-D and 1-D. */
export function t(x: Tensor): Tensor {
  if (x.ndim > 2)
    throw runtimeError(`t() expects a tensor with <= 2 dimensions, but self is ${x.ndim}D`);
  const order = x.ndim === 2 ? [1, 0] : x.ndim === 1 ? [0] : [];
  return record(permuteData(x, order), {
    name: 'TBackward0',
    op: 't',
    inputs: [x],
    backward: ([g]) => [t(g)],
  });
}
