// Copies: clone (CloneBackward0) and dtype conversion (ToCopyBackward0).
import { isFloating, type DType } from '../dtype.ts';
import { Tensor } from '../tensor.ts';
import { storageAs } from './elementwise.ts';
import { record } from './record.ts';

export function clone(x: Tensor): Tensor {
  return record(new Tensor(x.data.slice(), x.shape, x.dtype), {
    name: 'CloneBackward0',
    op: 'clone',
    inputs: [x],
    backward: ([g]) => [g],
  });
}

/** Tensor.to(dtype) / .float() / .double() / .long() / .bool(): the same tensor when unchanged. */
export function toDType(x: Tensor, dtype: DType): Tensor {
  if (x.dtype === dtype) return x;
  const data = storageAs(x, dtype);
  const result = new Tensor(data === x.data ? data.slice() : data, x.shape, dtype);
  if (!isFloating(dtype)) return result;
  return record(result, {
    name: 'ToCopyBackward0',
    op: 'to',
    inputs: [x],
    attrs: { dtype },
    backward: ([g]) => [toDType(g, x.dtype)],
  });
}
