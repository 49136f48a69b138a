// F.leaky_relu (LeakyReluBackward0): x where x > 0, else x * slope, the slope rounded to the
// tensor's precision first as ATen's kernel takes it; the gradient is g or g * slope likewise.
import { isFloating } from '../dtype.ts';
import { allocate } from '../storage-pool.ts';
import { runtimeError } from '../errors.ts';
import { Tensor } from '../tensor.ts';
import { gt, mul } from './binary.ts';
import { recordDerivative } from './record.ts';
import { derivative } from '../derivative.ts';
import { where } from './where.ts';

const LEAKY_RELU = derivative<{ self: Tensor; negative_slope: number }>('LeakyReluBackward0', {
  self: {
    reads: ['self', 'negative_slope'],
    tex: '{{g}} \\cdot ([{{self}} > 0] + {{negative_slope}} \\cdot [{{self}} \\le 0])',
    grad: (g, { self, negative_slope: slope }) =>
      where(gt(self, 0), g, mul(g, slope, { scalarKind: 'float' })),
  },
});

export function leakyRelu(x: Tensor, negativeSlope = 0.01): Tensor {
  if (!isFloating(x.dtype)) throw runtimeError(`"leaky_relu_cpu" not implemented for 'Long'`);
  const slope = x.dtype === 'float32' ? Math.fround(negativeSlope) : negativeSlope;
  const input = x.values();
  const out = allocate(x.dtype, input.length);
  for (let i = 0; i < out.length; i++) out[i] = input[i] > 0 ? input[i] : input[i] * slope;
  return recordDerivative(new Tensor(out, x.shape, x.dtype), LEAKY_RELU, {
    op: 'leaky_relu',
    inputs: [x],
    values: { self: x, negative_slope: slope },
    attrs: { negative_slope: negativeSlope },
  });
}
