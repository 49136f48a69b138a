// Tensor.addcmul_ / addcdiv_ (self += value * t1 * t2, self += value * t1 / t2), the updates of
// Adam-like optimizers, rounded as ATen's CPU kernels: addcmul fuses the last multiply-add
// (fma(value * t1, t2, self)), addcdiv rounds each step. Operands must have self's shape.
import { isFloating } from '../dtype.ts';
import { allocate } from '../storage-pool.ts';
import { TorchError } from '../errors.ts';
import { isGradEnabled } from '../grad-mode.ts';
import { fma32, fma64 } from '../fused-multiply-add.ts';
import { sameShape, Tensor } from '../tensor.ts';
import { inPlace } from './inplace.ts';

type Combine = (self: number, scaled: number, other: number) => number;

function combineInPlace(
  name: string,
  self: Tensor,
  t1: Tensor,
  t2: Tensor,
  value: number,
  combine: (round: (v: number) => number) => Combine,
): Tensor {
  if (
    !sameShape(t1.shape, self.shape) ||
    !sameShape(t2.shape, self.shape) ||
    !isFloating(self.dtype)
  )
    throw new TorchError(
      'NotImplementedError',
      `Tensor.${name} of tensors of other shapes or integer dtypes is not supported in Gradlab yet`,
    );
  const round = self.dtype === 'float32' ? Math.fround : (v: number) => v;
  const step = combine(round);
  const scale = round(value);
  return inPlace(
    self,
    (current) => {
      if (isGradEnabled())
        throw new TorchError(
          'NotImplementedError',
          `autograd through Tensor.${name} is not supported in Gradlab yet`,
        );
      const a = current.values();
      const b = t1.values();
      const c = t2.values();
      const out = allocate(self.dtype, a.length);
      for (let i = 0; i < out.length; i++) out[i] = step(a[i], round(scale * b[i]), c[i]);
      return new Tensor(out, self.shape, self.dtype);
    },
    [t1, t2],
  );
}

export function addcmul_(self: Tensor, t1: Tensor, t2: Tensor, value = 1): Tensor {
  return combineInPlace('addcmul_', self, t1, t2, value, (round) =>
    round === Math.fround ? (a, s, c) => fma32(s, c, a) : (a, s, c) => fma64(s, c, a),
  );
}

export function addcdiv_(self: Tensor, t1: Tensor, t2: Tensor, value = 1): Tensor {
  return combineInPlace(
    'addcdiv_',
    self,
    t1,
    t2,
    value,
    (round) => (a, s, c) => round(a + round(s / c)),
  );
}
