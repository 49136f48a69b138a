// F.mse_loss / nn.MSELoss (MseLossBackward0): (input - target)^2, averaged, summed or kept.
// The forward runs the same ops as ATen's ((input - target).pow(2).mean()), so it rounds the
// same; the gradient is 2/n * (input - target) * grad, as ATen's mse_loss_backward.
import { TorchError } from '../errors.ts';
import type { Tensor } from '../tensor.ts';
import { mul, sub } from './binary.ts';
import { pow } from './pow.ts';
import { record, untracked } from './record.ts';
import { mean, sum } from './reduce.ts';
import { sumTo } from './shape.ts';
import { neg } from './unary.ts';

export type Reduction = 'mean' | 'sum' | 'none';

export function mseLoss(input: Tensor, target: Tensor, reduction: Reduction = 'mean'): Tensor {
  if (!['mean', 'sum', 'none'].includes(reduction))
    throw new TorchError('ValueError', `${reduction} is not a valid value for reduction`);
  let count = 0; // elements after broadcasting, which the mean divides by
  const result = untracked(() => {
    const squared = pow(sub(input, target), 2);
    count = squared.numel;
    return reduction === 'mean' ? mean(squared) : reduction === 'sum' ? sum(squared) : squared;
  });
  return record(result, {
    name: 'MseLossBackward0',
    op: 'mse_loss',
    inputs: [input, target],
    saved: [input, target],
    attrs: { reduction },
    backward: ([g], node) => {
      const [x, y] = node.saved;
      const norm = reduction === 'mean' ? 2 / count : 2;
      const grad = mul(mul(sub(x, y), norm, { scalarKind: 'float' }), g);
      return [
        node.needsInputGrad(0) ? sumTo(grad, x.shape) : null,
        node.needsInputGrad(1) ? sumTo(neg(grad), y.shape) : null,
      ];
    },
  });
}
