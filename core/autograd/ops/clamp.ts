// torch.clamp with scalar bounds (ClampBackward1): the gradient passes where min <= x <= max.
import { DEFAULT_FLOAT, isFloating } from '../dtype.ts';
import { allocate } from '../storage-pool.ts';
import { runtimeError } from '../errors.ts';
import { Tensor } from '../tensor.ts';
import { ge, le, logicalAnd } from './binary.ts';
import { zerosLike } from './creation.ts';
import { storageAs } from './elementwise.ts';
import { recordDerivative } from './record.ts';
import { derivative } from '../derivative.ts';
import { where } from './where.ts';

export interface ClampBounds {
  min?: number | null;
  max?: number | null;
  /** Whether a bound was a Python float (an int64 tensor clamped by 0.5 becomes float32). */
  boundIsFloat?: boolean;
}

/** The gradient passes where min <= x <= max (a missing bound is -inf or inf). */
const CLAMP = derivative<{ self: Tensor; min: number; max: number }>('ClampBackward1', {
  self: {
    reads: ['self', 'min', 'max'],
    tex: '{{g}} \\cdot [{{min}} \\le {{self}} \\le {{max}}]',
    grad: (g, { self, min, max }) => {
      const inside =
        min !== -Infinity && max !== Infinity
          ? logicalAnd(ge(self, min), le(self, max))
          : min !== -Infinity
            ? ge(self, min)
            : le(self, max);
      return where(inside, g, zerosLike(g));
    },
  },
});

export function clamp(x: Tensor, bounds: ClampBounds): Tensor {
  const lo = bounds.min ?? null;
  const hi = bounds.max ?? null;
  if (lo === null && hi === null)
    throw runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
  const dtype = !isFloating(x.dtype) && bounds.boundIsFloat ? DEFAULT_FLOAT : x.dtype;
  const input = storageAs(x, dtype);
  const out = allocate(dtype, input.length);
  const low = lo ?? -Infinity;
  const high = hi ?? Infinity;
  for (let i = 0; i < out.length; i++) {
    const v = input[i];
    out[i] = v !== v ? v : Math.min(Math.max(v, low), high);
  }
  return recordDerivative(new Tensor(out, x.shape, dtype), CLAMP, {
    op: 'clamp',
    inputs: [x],
    values: { self: x, min: low, max: high },
    attrs: { min: lo, max: hi },
  });
}
