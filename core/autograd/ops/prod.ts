// torch.prod: the product of all elements (ProdBackward0) or along one dim (ProdBackward1).
// Each partial product is rounded to the dtype; integers and bools multiply into int64.
import { castValue, isFloating, type DType } from '../dtype.ts';
import { Tensor } from '../tensor.ts';
import { div, mul } from './binary.ts';
import { record } from './record.ts';
import { normalizeDim, reshape, unsqueeze } from './shape.ts';
import { stridesOf } from '../shapes.ts';
import { allocate } from '../storage-pool.ts';

/** The lines of `shape` along `dim`: each line's first element and the step between its elements. */
function linesAlong(shape: readonly number[], dim: number): { starts: number[]; step: number } {
  const size = shape.length === 0 ? 1 : shape[dim];
  const step = shape.length === 0 ? 1 : stridesOf(shape)[dim];
  const count = shape.reduce((p, d, i) => (i === dim ? p : p * d), 1);
  const starts = Array.from(
    { length: count },
    (_, line) => Math.floor(line / step) * step * size + (line % step),
  );
  return { starts, step };
}

/** Products along `dim` (one per line), each step rounded to `dtype`. */
function products(t: Tensor, dim: number, dtype: DType): number[] {
  const size = t.ndim === 0 ? 1 : t.shape[dim];
  const { starts, step } = linesAlong(t.shape, dim);
  return starts.map((start) => {
    let product = 1;
    for (let k = 0; k < size; k++) product = castValue(product * t.data[start + k * step], dtype);
    return product;
  });
}

/**
 * The product of the other elements of each line, for every element (torch's
 * prod_safe_zeros_backward: exclusive products from the left times those from the right).
 */
function othersProducts(t: Tensor, dim: number): Tensor {
  const size = t.ndim === 0 ? 1 : t.shape[dim];
  const { starts, step } = linesAlong(t.shape, dim);
  const out = allocate(t.dtype, t.numel);
  for (const start of starts) {
    let left = 1;
    for (let k = 0; k < size; k++) {
      out[start + k * step] = left;
      left = castValue(left * t.data[start + k * step], t.dtype);
    }
    let right = 1;
    for (let k = size - 1; k >= 0; k--) {
      const at = start + k * step;
      out[at] = castValue(out[at] * right, t.dtype);
      right = castValue(right * t.data[at], t.dtype);
    }
  }
  return new Tensor(out, t.shape, t.dtype);
}

/** torch's prod_backward: grad * (result / input) without zeros, else the others' products. */
function prodBackward(g: Tensor, input: Tensor, result: Tensor, dim: number): Tensor {
  const hasZero = input.data.some((v) => v === 0);
  if (!hasZero) return mul(g, div(result, input));
  const flat = dim < 0 ? reshape(input, [input.numel]) : input;
  const others = othersProducts(flat, Math.max(dim, 0));
  return mul(g, dim < 0 ? reshape(others, input.shape) : others);
}

function resultDType(dtype: DType, requested: DType | undefined): DType {
  return requested ?? (isFloating(dtype) ? dtype : 'int64');
}

/** torch.prod(t): the product of every element, a 0-dim tensor. */
export function prod(t: Tensor, dtype?: DType): Tensor {
  const type = resultDType(t.dtype, dtype);
  const flat = t.ndim === 0 ? t : new Tensor(t.data, [t.numel], t.dtype);
  const out = allocate(type, 1);
  out[0] = products(flat, 0, type)[0];
  const result = new Tensor(out, [], type);
  return record(result, {
    name: 'ProdBackward0',
    op: 'prod',
    inputs: [t],
    saved: [t, result],
    backward: ([g], node) => {
      const [input, value] = node.saved;
      return [input.ndim === 0 ? g : prodBackward(g, input, value, -1)];
    },
  });
}

/** torch.prod(t, dim, keepdim): products along `dim`. */
export function prodDim(t: Tensor, dim: number, keepdim = false, dtype?: DType): Tensor {
  const d = normalizeDim(dim, t.ndim);
  const type = resultDType(t.dtype, dtype);
  const kept = t.ndim === 0 ? [] : t.shape.map((size, i) => (i === d ? 1 : size));
  const shape = keepdim || t.ndim === 0 ? kept : kept.filter((_, i) => i !== d);
  const out = allocate(
    type,
    shape.reduce((p, s) => p * s, 1),
  );
  products(t, d, type).forEach((value, i) => (out[i] = value));
  const result = new Tensor(out, shape, type);
  return record(result, {
    name: 'ProdBackward1',
    op: 'prod',
    inputs: [t],
    saved: [t, result],
    attrs: { dim: d, keepdim },
    backward: ([g], node) => {
      const [input, value] = node.saved;
      if (input.ndim === 0) return [g];
      const widen = (x: Tensor) => (keepdim ? x : unsqueeze(x, d));
      return [prodBackward(widen(g), input, widen(value), d)];
    },
  });
}
