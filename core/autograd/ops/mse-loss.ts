// F.mse_loss / nn.MSELoss (MseLossBackward0): (input - target)^2, averaged, summed or kept.
// The forward runs the same ops as ATen's ((input - target).pow(2).mean()), so it rounds the
// same; the gradient is 2/n * (input - target) * grad, as ATen's mse_loss_backward.
import { TorchError } from '../errors.ts';
import type { Tensor } from '../tensor.ts';
import { mul, sub } from './binary.ts';
import { pow } from './pow.ts';
import { recordDerivative, untracked } from './record.ts';
import { derivative } from '../derivative.ts';
import { mean, sum } from './reduce.ts';
import { sumTo } from './shape.ts';
import { neg } from './unary.ts';

export type Reduction = 'mean' | 'sum' | 'none';

/** `norm`: 2/n for the mean over n elements, else 2. */
type MseValues = { self: Tensor; target: Tensor; norm: number };

/** norm · (self - target) · g, summed to the operand's shape (the loss broadcasts them). */
const residual = (g: Tensor, { self, target, norm }: MseValues): Tensor =>
  mul(mul(sub(self, target), norm, { scalarKind: 'float' }), g);

const MSE_LOSS = derivative<MseValues>('MseLossBackward0', {
  self: {
    reads: ['self', 'target', 'norm'],
    tex: '{{norm}} \\cdot ({{self}} - {{target}}) \\cdot {{g}}',
    grad: (g, values) => sumTo(residual(g, values), values.self.shape),
  },
  target: {
    reads: ['self', 'target', 'norm'],
    tex: '-{{norm}} \\cdot ({{self}} - {{target}}) \\cdot {{g}}',
    grad: (g, values) => sumTo(neg(residual(g, values)), values.target.shape),
  },
});

export function mseLoss(input: Tensor, target: Tensor, reduction: Reduction = 'mean'): Tensor {
  if (!['mean', 'sum', 'none'].includes(reduction))
    throw new TorchError('ValueError', `${reduction} is not a valid value for reduction`);
  let count = 0; // elements after broadcasting, which the mean divides by
  const result = untracked(() => {
    const squared = pow(sub(input, target), 2);
    count = squared.numel;
    return reduction === 'mean' ? mean(squared) : reduction === 'sum' ? sum(squared) : squared;
  });
  return recordDerivative(result, MSE_LOSS, {
    op: 'mse_loss',
    inputs: [input, target],
    values: { self: input, target, norm: reduction === 'mean' ? 2 / count : 2 },
    attrs: { reduction },
  });
}
