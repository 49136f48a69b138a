// Shared machinery of elementwise ops: operand promotion, casting and broadcasting to a loop.
import { broadcastShapes, expandStorage } from '../broadcast.ts';
import {
  castValue,
  combineGroups,
  DEFAULT_FLOAT,
  DTYPES,
  promoteTypes,
  type DType,
  type ScalarKind,
  type Storage,
} from '../dtype.ts';
import { allocate } from '../storage-pool.ts';
import { sameShape, type Tensor } from '../tensor.ts';
import { numelOf } from '../shapes.ts';
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

/** torch.result_type of the operands (written without temporaries: it runs for every op). */
export function promote(a: Tensor, b: Tensor, c?: Tensor): DType {
  const groups: [DType | null, DType | null, DType | null] = [null, null, null];
  for (const t of c === undefined ? [a, b] : [a, b, c]) {
    const priority = t.isWrappedNumber ? 0 : t.shape.length === 0 ? 1 : 2;
    const dtype = t.isWrappedNumber && t.dtype === 'float64' ? DEFAULT_FLOAT : t.dtype;
    const current = groups[priority];
    groups[priority] = current === null ? dtype : promoteTypes(current, dtype);
  }
  return combineGroups(groups);
}

/** The values of `t` in `dtype` (the storage itself when it already is). */
export function storageAs(t: Tensor, dtype: DType): Storage {
  if (t.dtype === dtype) return t.data;
  const out = allocate(dtype, t.data.length);
  if (dtype === 'float32' || dtype === 'float64') out.set(t.data);
  else for (let i = 0; i < out.length; i++) out[i] = castValue(t.data[i], dtype);
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

/**
 * Casts both operands to `dtype` and lines them up for a BinaryKernel. A one-element operand of
 * another dtype is cast into a scratch buffer: use the result before the next call.
 */
export function broadcastPair(a: Tensor, b: Tensor, dtype: DType): Broadcast {
  const shape = sameShape(a.shape, b.shape) ? a.shape : broadcastShapes(a.shape, b.shape);
  const n = numelOf(shape);
  const ad = lineUp(a, dtype, shape, n, 0);
  const bd = lineUp(b, dtype, shape, n, 1);
  return {
    shape: [...shape],
    n,
    a: ad,
    as: ad.length === 1 && n !== 1 ? 0 : 1,
    b: bd,
    bs: bd.length === 1 && n !== 1 ? 0 : 1,
  };
}

/** One-element buffers per dtype for the two operand slots. */
const scratch = new Map<DType, [Storage, Storage]>(
  DTYPES.map((dtype) => [dtype, [allocate(dtype, 1), allocate(dtype, 1)]]),
);

function scratchFor(dtype: DType, slot: 0 | 1): Storage {
  return scratch.get(dtype)![slot];
}

function lineUp(
  t: Tensor,
  dtype: DType,
  target: readonly number[],
  n: number,
  slot: 0 | 1,
): Storage {
  if (t.data.length === 1 && t.dtype !== dtype) {
    const buffer = scratchFor(dtype, slot);
    buffer[0] = castValue(t.data[0], dtype);
    return buffer;
  }
  const data = storageAs(t, dtype);
  // Same element count means only leading or size-1 dims differ: the layout is already right.
  if (data.length === n || data.length === 1) return data;
  return expandStorage(data, t.shape, target);
}
