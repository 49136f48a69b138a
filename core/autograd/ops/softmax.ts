// softmax and log_softmax along a dim (SoftmaxBackward0, LogSoftmaxBackward0). The forward
// subtracts each line's maximum before exponentiating, as ATen does, so large inputs do not
// overflow; the backward is written with differentiable ops so create_graph works through it.
import { stridesOf } from '../broadcast.ts';
import { allocate, isFloating, scalarTypeName } from '../dtype.ts';
import { runtimeError } from '../errors.ts';
import { Tensor } from '../tensor.ts';
import { mul, sub } from './binary.ts';
import { record } from './record.ts';
import { sum } from './reduce.ts';
import { normalizeDim } from './shape.ts';
import { exp } from './unary.ts';

type Kind = 'softmax' | 'log_softmax';

function compute(kind: Kind, t: Tensor, dim: number): Tensor {
  const out = allocate(t.dtype, t.numel);
  const size = t.ndim === 0 ? 1 : t.shape[dim];
  const stride = t.ndim === 0 ? 1 : stridesOf(t.shape)[dim];
  const lines = size === 0 ? 0 : t.numel / size;
  for (let line = 0; line < lines; line++) {
    const base = Math.floor(line / stride) * stride * size + (line % stride);
    let max = -Infinity;
    for (let k = 0; k < size; k++) max = Math.max(max, t.data[base + k * stride]);
    let total = 0;
    for (let k = 0; k < size; k++) total += Math.exp(t.data[base + k * stride] - max);
    const logTotal = Math.log(total);
    for (let k = 0; k < size; k++) {
      const shifted = t.data[base + k * stride] - max;
      out[base + k * stride] = kind === 'softmax' ? Math.exp(shifted) / total : shifted - logTotal;
    }
  }
  return new Tensor(out, t.shape, t.dtype);
}

function checkFloating(kind: Kind, t: Tensor): void {
  if (!isFloating(t.dtype))
    throw runtimeError(
      `"${kind}_lastdim_kernel_impl" not implemented for '${scalarTypeName(t.dtype)}'`,
    );
}

/** The gradient of each kind, from the output gradient g and the saved result y. */
const GRADIENT: Record<Kind, (g: Tensor, y: Tensor, dim: number) => Tensor> = {
  // y * (g - sum(g * y))
  softmax: (g, y, dim) => mul(y, sub(g, sum(mul(g, y), { dim, keepdim: true }))),
  // g - exp(y) * sum(g)
  log_softmax: (g, y, dim) => sub(g, mul(exp(y), sum(g, { dim, keepdim: true }))),
};

function softmaxLike(kind: Kind, t: Tensor, dim: number): Tensor {
  checkFloating(kind, t);
  const d = normalizeDim(dim, t.ndim);
  const result = compute(kind, t, d);
  return record(result, {
    name: kind === 'softmax' ? 'SoftmaxBackward0' : 'LogSoftmaxBackward0',
    op: kind,
    inputs: [t],
    saved: [result],
    attrs: { dim: d },
    backward: ([g], node) => [GRADIENT[kind](g, node.saved[0], d)],
  });
}

export const softmax = (t: Tensor, dim: number): Tensor => softmaxLike('softmax', t, dim);
export const logSoftmax = (t: Tensor, dim: number): Tensor => softmaxLike('log_softmax', t, dim);
