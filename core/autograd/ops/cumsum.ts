// torch.cumsum: running sums along a dim. Floats are summed in float64 and each partial sum
// rounded to the dtype, as ATen's CPU kernel accumulates; integers sum to int64.
import { stridesOf } from '../broadcast.ts';
import { allocate, isFloating, type DType } from '../dtype.ts';
import { Tensor } from '../tensor.ts';
import { toDType } from './convert.ts';
import { record } from './record.ts';
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

/** torch.cumsum(t, dim, dtype=None): CumsumBackward0, whose gradient is the reversed cumsum. */
export function cumsum(t: Tensor, dim: number, dtype?: DType): Tensor {
  const d = normalizeDim(dim, t.ndim);
  const input = dtype === undefined || dtype === t.dtype ? t : toDType(t, dtype);
  const resultType = isFloating(input.dtype) ? input.dtype : 'int64';
  return record(scan(input, d, false, resultType), {
    name: 'CumsumBackward0',
    op: 'cumsum',
    inputs: [input],
    attrs: { dim: d },
    backward: ([g]) => [reversedCumsum(g, d)],
  });
}

/** The gradient of cumsum: sums from each position to the end (differentiable for create_graph). */
function reversedCumsum(g: Tensor, dim: number): Tensor {
  // torch computes it as grad.flip(dim).cumsum(dim).flip(dim): the last op is the flip.
  return record(scan(g, dim, true, g.dtype), {
    name: 'FlipBackward0',
    op: 'cumsum',
    inputs: [g],
    attrs: { dim, reverse: true },
    backward: ([gg]) => [cumsum(gg, dim)],
  });
}
