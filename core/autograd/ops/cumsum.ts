// torch.cumsum: running sums along a dim. Floats are summed in float64 and each partial sum
// rounded to the dtype, as ATen's CPU kernel accumulates; integers sum to int64.
import { stridesOf } from '../shapes.ts';
import { isFloating, type DType } from '../dtype.ts';
import { allocate } from '../storage-pool.ts';
import { Tensor } from '../tensor.ts';
import { toDType } from './convert.ts';
import { recordDerivative } from './record.ts';
import { derivative } from '../derivative.ts';
import { normalizeDim } from './shape.ts';

/** Running sums along `dim`, reversed when `reverse` (the backward of a cumsum). */
function scan(t: Tensor, dim: number, reverse: boolean, dtype: DType): Tensor {
  const out = allocate(dtype, t.numel);
  if (t.numel === 0) return new Tensor(out, t.shape, dtype);
  const size = t.ndim === 0 ? 1 : t.shape[dim];
  const stride = t.ndim === 0 ? 1 : stridesOf(t.shape)[dim];
  const lines = t.numel / size;
  for (let line = 0; line < lines; line++) {
    const base = Math.floor(line / stride) * stride * size + (line % stride);
    let total = 0;
    for (let k = 0; k < size; k++) {
      const at = base + (reverse ? size - 1 - k : k) * stride;
      total += t.data[at];
      out[at] = total;
    }
  }
  return new Tensor(out, t.shape, dtype);
}

type ScanValues = { self: Tensor; dim: number };

/** Each element's gradient is the sum of g from its position to the end along dim. */
const CUMSUM = derivative<ScanValues>('CumsumBackward0', {
  self: {
    reads: [],
    tex: '\\textstyle\\sum_{j \\ge i} {{g}}_j',
    grad: (g, { dim }) => reversedCumsum(g, dim),
  },
});

/** The reversed cumsum's own gradient is the cumsum (create_graph). */
const FLIP = derivative<ScanValues>('FlipBackward0', {
  self: {
    reads: [],
    tex: '\\textstyle\\sum_{j \\le i} {{g}}_j',
    grad: (g, { dim }) => cumsum(g, dim),
  },
});

/** torch.cumsum(t, dim, dtype=None): CumsumBackward0, whose gradient is the reversed cumsum. */
export function cumsum(t: Tensor, dim: number, dtype?: DType): Tensor {
  const d = normalizeDim(dim, t.ndim);
  const input = dtype === undefined || dtype === t.dtype ? t : toDType(t, dtype);
  const resultType = isFloating(input.dtype) ? input.dtype : 'int64';
  return recordDerivative(scan(input, d, false, resultType), CUMSUM, {
    op: 'cumsum',
    inputs: [input],
    values: { self: input, dim: d },
    attrs: { dim: d },
  });
}

/** The gradient of cumsum: sums from each position to the end (differentiable for create_graph). */
function reversedCumsum(g: Tensor, dim: number): Tensor {
  // torch computes it as grad.flip(dim).cumsum(dim).flip(dim): the last op is the flip.
  return recordDerivative(scan(g, dim, true, g.dtype), FLIP, {
    op: 'cumsum',
    inputs: [g],
    values: { self: g, dim },
    attrs: { dim, reverse: true },
  });
}
