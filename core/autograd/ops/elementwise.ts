// Shared machinery of elementwise ops: operand promotion, casting and broadcasting to a loop.
import { broadcastShapes, expandStorage } from '../broadcast.ts';
import {
  allocate,
  castValue,
  resultType,
  type DType,
  type ScalarKind,
  type Storage,
} from '../dtype.ts';
import { numelOf, sameShape, type Tensor } from '../tensor.ts';
import { wrapScalar } from './creation.ts';

/** A tensor, or a Python scalar (a JS number, or boolean for a Python bool). */
export type Operand = Tensor | number | boolean;

/** Unary loop: o[i] = f(x[i]) for i < n. */
export type UnaryKernel = (o: Storage, x: Storage, n: number) => void;

/**
 * Binary loop over n elements: a is read at i*as and b at i*bs (steps 0 broadcast a scalar).
 * `k` is an extra scalar some ops take (add's alpha, clamp bounds...).
 */
export type BinaryKernel = (
  o: Storage,
  a: Storage,
  as: number,
  b: Storage,
  bs: number,
  n: number,
  k: number,
) => void;

export function toTensor(value: Operand, kind?: ScalarKind): Tensor {
  return typeof value === 'number' || typeof value === 'boolean' ? wrapScalar(value, kind) : value;
}

function priority(t: Tensor): 0 | 1 | 2 {
  return t.isWrappedNumber ? 0 : t.shape.length === 0 ? 1 : 2;
}

/** torch.result_type of the operands. */
export function promote(...tensors: Tensor[]): DType {
  return resultType(
    tensors.map((t) => ({
      dtype: t.isWrappedNumber ? wrappedDType(t.dtype) : t.dtype,
      priority: priority(t),
    })),
  );
}

function wrappedDType(dtype: DType): DType {
  return dtype === 'float64' ? 'float32' : dtype;
}

/** The values of `t` in `dtype` (the storage itself when it already is). */
export function storageAs(t: Tensor, dtype: DType): Storage {
  if (t.dtype === dtype) return t.data;
  const out = allocate(dtype, t.data.length);
  if (dtype === 'int64' || dtype === 'bool')
    for (let i = 0; i < out.length; i++) out[i] = castValue(t.data[i], dtype);
  else out.set(t.data);
  return out;
}

export interface Broadcast {
  shape: number[];
  n: number;
  a: Storage;
  as: number;
  b: Storage;
  bs: number;
}

/** Casts both operands to `dtype` and lines them up for a BinaryKernel. */
export function broadcastPair(a: Tensor, b: Tensor, dtype: DType): Broadcast {
  const shape = sameShape(a.shape, b.shape) ? [...a.shape] : broadcastShapes(a.shape, b.shape);
  const n = numelOf(shape);
  const [ad, as] = lineUp(storageAs(a, dtype), a.shape, shape, n);
  const [bd, bs] = lineUp(storageAs(b, dtype), b.shape, shape, n);
  return { shape, n, a: ad, as, b: bd, bs };
}

function lineUp(
  data: Storage,
  shape: readonly number[],
  target: number[],
  n: number,
): [Storage, number] {
  // Same element count means only leading or size-1 dims differ: the layout is already right.
  if (data.length === n) return [data, 1];
  if (data.length === 1) return [data, 0];
  return [expandStorage(data, shape, target), 1];
}
