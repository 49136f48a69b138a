// torch.addmm(bias, mat1, mat2) = bias + mat1 @ mat2 (AddmmBackward0): what nn.Linear and
// F.linear compute for a batch of inputs, as one node of the graph.
import { isExpandableTo } from '../broadcast.ts';
import { runtimeError } from '../errors.ts';
import type { Tensor } from '../tensor.ts';
import { add } from './binary.ts';
import { mm } from './linalg.ts';
import { recordDerivative, untracked } from './record.ts';
import { derivative } from '../derivative.ts';
import { sumTo, t } from './shape.ts';

const ADDMM = derivative<{ self: Tensor; mat1: Tensor; mat2: Tensor }>('AddmmBackward0', {
  self: { reads: [], tex: '{{g}}', grad: (g, { self }) => sumTo(g, self.shape) },
  mat1: {
    reads: ['mat2'],
    tex: '{{g}} \\, {{mat2}}^{\\top}',
    grad: (g, { mat2 }) => mm(g, t(mat2)),
  },
  mat2: { reads: ['mat1'], tex: '{{mat1}}^{\\top} {{g}}', grad: (g, { mat1 }) => mm(t(mat1), g) },
});

export function addmm(bias: Tensor, mat1: Tensor, mat2: Tensor): Tensor {
  if (mat1.ndim !== 2 || mat2.ndim !== 2)
    throw runtimeError(`addmm: matrices expected, got ${mat1.ndim}D, ${mat2.ndim}D tensors`);
  const result = untracked(() => plusBias(bias, mm(mat1, mat2)));
  if (result.ndim !== 2 || result.shape[0] !== mat1.shape[0] || result.shape[1] !== mat2.shape[1])
    throw runtimeError(
      `The expanded size of the tensor (${mat2.shape[1]}) must match the existing size (${bias.shape[bias.ndim - 1]}) at non-singleton dimension 1.  Target sizes: [${mat1.shape[0]}, ${mat2.shape[1]}].  Tensor sizes: [${bias.shape.join(', ')}]`,
    );
  return recordDerivative(result, ADDMM, {
    op: 'addmm',
    inputs: [bias, mat1, mat2],
    values: { self: bias, mat1, mat2 },
  });
}

/**
 * bias + product: added into the fresh product when the bias has its dtype and fits it (the
 * same float sums as add(), without first broadcasting the bias to a matrix); add() otherwise.
 */
function plusBias(bias: Tensor, product: Tensor): Tensor {
  if (bias.dtype !== product.dtype || !isExpandableTo(bias.shape, product.shape))
    return add(bias, product);
  const [m, n] = product.shape;
  const sums = product.data;
  const b = bias.data;
  const rowStep = bias.ndim === 2 && bias.shape[0] !== 1 ? bias.shape[1] : 0;
  const columnStep = bias.ndim > 0 && bias.shape[bias.ndim - 1] !== 1 ? 1 : 0;
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) sums[i * n + j] = b[i * rowStep + j * columnStep] + sums[i * n + j];
  return product;
}
