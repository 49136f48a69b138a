// Copies: clone (CloneBackward0) and dtype conversion (ToCopyBackward0).
import { isFloating, type DType } from '../dtype.ts';
import { Tensor } from '../tensor.ts';
import { storageAs } from './elementwise.ts';
import { recordDerivative } from './record.ts';
import { derivative } from '../derivative.ts';

const CLONE = derivative<{ self: Tensor }>('CloneBackward0', {
  self: { reads: [], tex: '{{g}}', grad: (g) => g },
});

/** The gradient comes back in the input's dtype. */
const TO_COPY = derivative<{ self: Tensor }>('ToCopyBackward0', {
  self: { reads: [], tex: '{{g}}', grad: (g, { self }) => toDType(g, self.dtype) },
});

export function clone(x: Tensor): Tensor {
  return recordDerivative(new Tensor(x.data.slice(), x.shape, x.dtype), CLONE, {
    op: 'clone',
    inputs: [x],
    values: { self: x },
  });
}

/** Tensor.to(dtype) / .float() / .double() / .long() / .bool(): the same tensor when unchanged. */
export function toDType(x: Tensor, dtype: DType): Tensor {
  if (x.dtype === dtype) return x;
  const data = storageAs(x, dtype);
  const result = new Tensor(data === x.data ? data.slice() : data, x.shape, dtype);
  if (!isFloating(dtype)) return result;
  return recordDerivative(result, TO_COPY, {
    op: 'to',
    inputs: [x],
    values: { self: x },
    attrs: { dtype },
  });
}
