// Creating tensors: from values, constants, ranges; Python scalars as wrapped numbers.
import {
  castValue,
  DEFAULT_FLOAT,
  fillFrom,
  isFloating,
  type DType,
  type ScalarKind,
} from '../dtype.ts';
import { allocate } from '../storage-pool.ts';
import { NOT_DIFFERENTIABLE_DTYPE, runtimeError, TorchError } from '../errors.ts';
import { fma64 } from '../fused-multiply-add.ts';
import { Tensor } from '../tensor.ts';
import { numelOf } from '../shapes.ts';

export interface CreateOptions {
  dtype?: DType;
  requiresGrad?: boolean;
}

function finish(t: Tensor, options: CreateOptions | undefined): Tensor {
  if (options?.requiresGrad) {
    // torch.tensor(..., requires_grad=True) words this check differently from requires_grad_().
    if (!isFloating(t.dtype)) throw runtimeError(NOT_DIFFERENTIABLE_DTYPE);
    t.requiresGrad_(true);
  }
  return t;
}

function checkShape(shape: readonly number[]): readonly number[] {
  for (const d of shape)
    if (!Number.isInteger(d) || d < 0)
      throw runtimeError(
        `Trying to create tensor with negative dimension ${d}: [${shape.join(', ')}]`,
      );
  return [...shape];
}

/**
 * torch.tensor from flat row-major values and a shape. The host infers the dtype from its
 * Python values (all bool -> bool, all int -> int64, any float -> float32) and passes it.
 */
export function tensor(
  values: ArrayLike<number>,
  shape: readonly number[] = [values.length],
  options?: CreateOptions,
): Tensor {
  const dims = checkShape(shape);
  if (numelOf(dims) !== values.length)
    throw new TorchError(
      'ValueError',
      `${values.length} values do not fill a tensor of shape [${dims.join(', ')}]`,
    );
  const dtype = options?.dtype ?? DEFAULT_FLOAT;
  return finish(new Tensor(fillFrom(dtype, values), dims, dtype), options);
}

/** Wrapped scalars are immutable and recur (`x * 2` in a loop): one tensor per value and kind. */
const wrapped = new Map<string, Tensor>();
const WRAPPED_CACHE_LIMIT = 4096;

/** A Python scalar as torch wraps it for an op: 0-dim, promoted like a scalar of its kind. */
export function wrapScalar(value: number | boolean, kind?: ScalarKind): Tensor {
  const number = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  const resolved =
    kind ?? (typeof value === 'boolean' ? 'bool' : Number.isInteger(value) ? 'int' : 'float');
  const key = `${resolved}${Object.is(number, -0) ? '-0' : number}`;
  const cached = wrapped.get(key);
  if (cached !== undefined) return cached;
  const dtype: DType = resolved === 'float' ? 'float64' : resolved === 'int' ? 'int64' : 'bool';
  const t = new Tensor(fillFrom(dtype, [number]), [], dtype);
  t.isWrappedNumber = true;
  if (wrapped.size >= WRAPPED_CACHE_LIMIT) wrapped.clear();
  wrapped.set(key, t);
  return t;
}

export function full(shape: readonly number[], value: number, options?: CreateOptions): Tensor {
  const dims = checkShape(shape);
  const dtype = options?.dtype ?? DEFAULT_FLOAT;
  const data = allocate(dtype, numelOf(dims));
  if (value !== 0) data.fill(castValue(value, dtype));
  return finish(new Tensor(data, dims, dtype), options);
}

export function zeros(shape: readonly number[], options?: CreateOptions): Tensor {
  return full(shape, 0, options);
}

export function ones(shape: readonly number[], options?: CreateOptions): Tensor {
  return full(shape, 1, options);
}

export function fullLike(t: Tensor, value: number, options?: CreateOptions): Tensor {
  return full(t.shape, value, { dtype: t.dtype, ...options });
}

export function zerosLike(t: Tensor, options?: CreateOptions): Tensor {
  return fullLike(t, 0, options);
}

export function onesLike(t: Tensor, options?: CreateOptions): Tensor {
  return fullLike(t, 1, options);
}

/**
 * torch.linspace, bit for bit in float32: the step is computed in the output dtype, the first half
 * is filled from `start` and the second half backwards from `end`, as ATen's kernel does, each value
 * rounded once (ATen's build contracts `start + step * i` into a fused multiply-add; in float32 the
 * double-precision expression is exact, so one rounding reproduces it).
 */
export function linspace(
  start: number,
  end: number,
  steps: number,
  options?: CreateOptions,
): Tensor {
  if (!Number.isInteger(steps) || steps < 0)
    throw runtimeError('number of steps must be non-negative');
  const dtype = options?.dtype ?? DEFAULT_FLOAT;
  const data = allocate(dtype, steps);
  const round = (v: number): number => castValue(v, dtype);
  if (steps === 1) data[0] = start;
  if (steps > 1) {
    const from = round(start);
    const to = round(end);
    const step = isFloating(dtype) ? round((to - from) / (steps - 1)) : (to - from) / (steps - 1);
    const halfway = Math.floor(steps / 2);
    for (let i = 0; i < steps; i++) {
      data[i] = i < halfway ? round(from + step * i) : round(to - step * (steps - i - 1));
    }
  }
  return finish(new Tensor(data, [steps], dtype), options);
}

/**
 * torch.arange(end) or torch.arange(start, end, step). The host says whether any bound was a
 * Python float (then float32, else int64).
 */
export function arange(
  start: number,
  end?: number | null,
  step = 1,
  options?: CreateOptions & { anyFloat?: boolean },
): Tensor {
  const [from, to] = end === undefined || end === null ? [0, start] : [start, end];
  if (step === 0) throw runtimeError('step must be nonzero');
  if ((step > 0 && from > to) || (step < 0 && from < to))
    throw runtimeError('upper bound and larger bound inconsistent with step sign');
  const count = Math.ceil((to - from) / step);
  if (!Number.isFinite(count)) throw runtimeError(`unsupported range: ${from} -> ${to}`);
  const anyFloat = options?.anyFloat ?? ![from, to, step].every(Number.isInteger);
  const dtype = options?.dtype ?? (anyFloat ? DEFAULT_FLOAT : 'int64');
  const data = allocate(dtype, count);
  const lanes = ARANGE_LANES[dtype as 'float32' | 'float64'] ?? 1;
  // Two vectors at a time while two fit, then the rest one value at a time.
  const vectorEnd = count - (count % (2 * lanes));
  for (let i = 0; i < count; i++) {
    const lane = i < vectorEnd ? i % lanes : 0;
    data[i] = lane === 0 ? fma64(step, i, from) : fma64(lane, step, data[i - lane]!);
  }
  return finish(new Tensor(data, [count], dtype), options);
}

/**
 * Lanes of ATen's arange vectors (AVX2). A vector starts at `start + step * idx`, rounded to the
 * dtype, and each lane adds `k * step` to that rounded base; the build fuses both multiply-adds.
 * So values are not `start + step * i` rounded once: arange(0, 1, 0.02)[9] is 0.17999999 in
 * float32, arange(-8, 8, 0.1)[80] is 4.4e-16 (probes arange_*_vector_rounding).
 */
const ARANGE_LANES = { float32: 8, float64: 4 } as const;
