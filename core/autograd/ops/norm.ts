// The Euclidean norm, torch.norm / Tensor.norm / torch.linalg.vector_norm with p = 2, over
// everything or over dims (LinalgVectorNormBackward0, as PyTorch 2 names it). float32 sums
// its squares in float64, as ATen's CPU reduction accumulates, and rounds the root once.
import { isFloating, scalarTypeName } from '../dtype.ts';
import { allocate } from '../storage-pool.ts';
import { runtimeError } from '../errors.ts';
import { Tensor } from '../tensor.ts';
import { div, eq, mul } from './binary.ts';
import { zerosLike } from './creation.ts';
import { recordDerivative } from './record.ts';
import { derivative } from '../derivative.ts';
import { expand, normalizeDim, reshape } from './shape.ts';
import { where } from './where.ts';
import { stridesOf } from '../shapes.ts';

export interface NormOptions {
  dim?: readonly number[] | null;
  keepdim?: boolean;
}

/** x · g / norm, and 0 where the norm is 0 (torch's norm_backward for p = 2). */
const VECTOR_NORM = derivative<{ self: Tensor; result: Tensor; kept: readonly number[] }>(
  'LinalgVectorNormBackward0',
  {
    self: {
      reads: ['self', 'result'],
      tex: '\\frac{{{self}} \\cdot {{g}}}{{{result}}}',
      grad: (g, { self, result, kept }) => {
        const spread = (v: Tensor): Tensor => expand(reshape(v, kept), self.shape);
        const scale = div(spread(g), spread(result));
        return mul(self, where(eq(spread(result), 0), zerosLike(scale), scale));
      },
    },
  },
);

export function vectorNorm(t: Tensor, options?: NormOptions): Tensor {
  if (!isFloating(t.dtype))
    throw runtimeError(
      `linalg.vector_norm: Expected a floating point or complex tensor as input. Got ${scalarTypeName(t.dtype)}`,
    );
  const dims =
    options?.dim === undefined || options.dim === null || options.dim.length === 0
      ? t.shape.map((_, i) => i)
      : options.dim.map((d) => normalizeDim(d, t.ndim));
  const kept = t.shape.map((size, i) => (dims.includes(i) ? 1 : size));
  const keepdim = options?.keepdim === true;
  const shape = keepdim ? kept : t.shape.filter((_, i) => !dims.includes(i));
  const sums = new Float64Array(kept.reduce((p, d) => p * d, 1));
  const keptStrides = stridesOf(kept);
  const strides = stridesOf(t.shape);
  for (let i = 0; i < t.numel; i++) {
    let target = 0;
    for (let d = 0; d < t.ndim; d++)
      if (!dims.includes(d)) target += (Math.floor(i / strides[d]) % t.shape[d]) * keptStrides[d];
    sums[target] += t.data[i] * t.data[i];
  }
  const out = allocate(t.dtype, sums.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(sums[i]);
  const result = new Tensor(out, shape, t.dtype);
  return recordDerivative(result, VECTOR_NORM, {
    op: 'norm',
    inputs: [t],
    values: { self: t, result, kept },
    attrs: { ord: 2, dim: dims, keepdim },
  });
}
