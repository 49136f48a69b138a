// Shape ops. Each returns a view sharing its input's storage (views.ts), as torch's do; reshape
// copies when no view can lay the new shape over the elements, as torch's does.
import { isExpandableTo, stridedPositions, sumToStorage } from '../broadcast.ts';
import { numelOf, stridesOf } from '../shapes.ts';
import { allocate } from '../storage-pool.ts';
import { runtimeError, TorchError } from '../errors.ts';
import { sameShape, Tensor } from '../tensor.ts';
import { isContiguous, layoutOf, viewOf, viewStrides } from '../views.ts';
import { clone } from './convert.ts';
import { recordView, scatterAddPositions } from './positions.ts';
import { record, type OpRecord } from './record.ts';

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
  const { strides, offset } = layoutOf(t);
  const extra = shape.length - t.ndim;
  const steps = shape.map((_, d) =>
    d < extra || (t.shape[d - extra] === 1 && shape[d] !== 1) ? 0 : strides[d - extra],
  );
  const inputShape = t.shape;
  return recordView(viewOf(t, shape, steps, offset), {
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

/** A view of `t` with another shape over the same elements (strides from torch's view rule). */
function withShape(t: Tensor, shape: number[], name: string, op: string): Tensor {
  const strides = viewStrides(t, shape);
  if (strides === null)
    throw runtimeError(
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
    );
  const inputShape = t.shape;
  return recordView(viewOf(t, shape, strides, layoutOf(t).offset), {
    name,
    op,
    inputs: [t],
    attrs: { shape },
    backward: ([g]) => [reshape(g, inputShape)],
  });
}

/** Tensor.contiguous(): the tensor itself when contiguous, else a row-major copy (CloneBackward0). */
export function contiguous(t: Tensor): Tensor {
  return isContiguous(t) ? t : clone(t);
}

/** torch.Tensor.view (ViewBackward0): fails when the elements cannot take the shape in place. */
export function view(t: Tensor, shape: readonly number[]): Tensor {
  return withShape(t, resolveShape(shape, t.numel), 'ViewBackward0', 'reshape');
}

/** torch.reshape: a view when one fits, else a contiguous copy (UnsafeViewBackward0). */
export function reshape(t: Tensor, shape: readonly number[]): Tensor {
  const resolved = resolveShape(shape, t.numel);
  if (viewStrides(t, resolved) !== null) return withShape(t, resolved, 'ViewBackward0', 'reshape');
  return withShape(clone(t), resolved, 'UnsafeViewBackward0', 'reshape');
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

export function unsqueeze(t: Tensor, dim: number, name = 'UnsqueezeBackward0'): Tensor {
  const d = normalizeDim(dim, t.ndim + 1);
  const shape = [...t.shape];
  shape.splice(d, 0, 1);
  return withShape(t, shape, name, 'unsqueeze');
}

/** torch.squeeze: all size-1 dims (SqueezeBackward0) or one dim (SqueezeBackward1). */
export function squeeze(
  t: Tensor,
  dim?: number,
  names = ['SqueezeBackward0', 'SqueezeBackward1'],
): Tensor {
  if (dim === undefined)
    return withShape(
      t,
      t.shape.filter((d) => d !== 1),
      names[0],
      'squeeze',
    );
  return squeezeDim(t, dim, names[1]);
}

/**
 * torch's in-place `squeeze_(dim)` (SqueezeBackward4), as matmul applies it to its own fresh
 * result for a 1-D @ 2-D product: the squeezed tensor owns that storage (it is no view).
 */
export function squeezeInPlace(t: Tensor, dim: number): Tensor {
  const inputShape = t.shape;
  return record(new Tensor(t.data, squeezedShape(t, dim), t.dtype), {
    name: 'SqueezeBackward4',
    op: 'squeeze',
    inputs: [t],
    backward: ([g]) => [reshape(g, inputShape)],
  });
}

function squeezedShape(t: Tensor, dim: number): number[] {
  const d = normalizeDim(dim, t.ndim);
  return t.shape.filter((size, i) => i !== d || size !== 1);
}

function squeezeDim(t: Tensor, dim: number, name: string): Tensor {
  return withShape(t, squeezedShape(t, dim), name, 'squeeze');
}

/** A view with dims reordered: out dim i is input dim order[i]. */
function permuted(t: Tensor, order: readonly number[], spec: Omit<OpRecord, 'inputs'>): Tensor {
  const { strides, offset } = layoutOf(t);
  const view = viewOf(
    t,
    order.map((d) => t.shape[d]),
    order.map((d) => strides[d]),
    offset,
  );
  return recordView(view, { ...spec, inputs: [t] });
}

export function permute(t: Tensor, dims: readonly number[]): Tensor {
  const order = dims.map((d) => normalizeDim(d, t.ndim));
  if (order.length !== t.ndim || new Set(order).size !== order.length)
    throw runtimeError(
      `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${t.ndim} is not equal to len(dims) = ${dims.length}`,
    );
  const inverse = order.map((_, i) => order.indexOf(i));
  return permuted(t, order, {
    name: 'PermuteBackward0',
    op: 'permute',
    attrs: { dims: order },
    backward: ([g]) => [permute(g, inverse)],
  });
}

export function transpose(
  t: Tensor,
  dim0: number,
  dim1: number,
  name = 'TransposeBackward0',
): Tensor {
  const a = normalizeDim(dim0, t.ndim);
  const b = normalizeDim(dim1, t.ndim);
  const order = t.shape.map((_, i) => (i === a ? b : i === b ? a : i));
  return permuted(t, order, {
    name,
    op: 'transpose',
    attrs: { dim0: a, dim1: b },
    backward: ([g]) => [transpose(g, a, b)],
  });
}

/** torch.t: transpose of a matrix, identity for 0-D and 1-D. */
export function t(x: Tensor, name = 'TBackward0'): Tensor {
  if (x.ndim > 2)
    throw runtimeError(`t() expects a tensor with <= 2 dimensions, but self is ${x.ndim}D`);
  const order = x.ndim === 2 ? [1, 0] : x.ndim === 1 ? [0] : [];
  return permuted(x, order, {
    name,
    op: 't',
    backward: ([g]) => [t(g)],
  });
}

/** torch.diagonal: the view along `offset`'s diagonal of dims dim1 and dim2, appended last. */
export function diagonal(t: Tensor, offset = 0, dim1 = 0, dim2 = 1): Tensor {
  const a = normalizeDim(dim1, t.ndim);
  const b = normalizeDim(dim2, t.ndim);
  if (a === b) throw runtimeError(`diagonal dimensions cannot be identical ${dim1}, ${dim2}`);
  const length = Math.max(
    Math.min(t.shape[a] + Math.min(offset, 0), t.shape[b] - Math.max(offset, 0)),
    0,
  );
  const diagonalOf = (strides: readonly number[], start: number) => {
    const kept = t.shape.map((_, d) => d).filter((d) => d !== a && d !== b);
    const shift = length === 0 ? 0 : offset >= 0 ? offset * strides[b] : -offset * strides[a];
    return {
      shape: [...kept.map((d) => t.shape[d]), length],
      strides: [...kept.map((d) => strides[d]), strides[a] + strides[b]],
      offset: start + shift,
    };
  };
  const layout = layoutOf(t);
  const own = diagonalOf(layout.strides, layout.offset);
  const inInput = diagonalOf(stridesOf(t.shape), 0);
  const positions = stridedPositions(inInput.shape, inInput.strides).map((p) => p + inInput.offset);
  const inputShape = t.shape;
  return recordView(viewOf(t, own.shape, own.strides, own.offset), {
    name: 'DiagonalBackward0',
    op: 'diagonal',
    inputs: [t],
    attrs: { offset, dim1: a, dim2: b },
    backward: ([g]) => [scatterAddPositions(g, positions, inputShape)],
  });
}
