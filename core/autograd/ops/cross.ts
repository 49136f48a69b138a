// torch.cross / torch.linalg.cross: the cross product of 3-vectors along a dim of size 3
// (LinalgCrossBackward0: the gradients are b × g for a and g × a for b).
import { broadcastShapes } from '../broadcast.ts';
import { isFloating } from '../dtype.ts';
import { fma32, fma64 } from '../fused-multiply-add.ts';
import { runtimeError } from '../errors.ts';
import { Tensor } from '../tensor.ts';
import { promote, storageAs } from './elementwise.ts';
import { record } from './record.ts';
import { expand, normalizeDim } from './shape.ts';
import { stridesOf } from '../shapes.ts';
import { allocate } from '../storage-pool.ts';

/** torch.cross's dim=None: the first dim of size 3. */
function firstDimOfSize3(shape: readonly number[]): number {
  const dim = shape.indexOf(3);
  if (dim < 0) throw runtimeError('no dimension of size 3 in input');
  return dim;
}

/** `dim` null: torch.cross's default (the first dim of size 3); linalg.cross passes -1. */
export function cross(a: Tensor, b: Tensor, dim: number | null): Tensor {
  const shape = broadcastShapes(a.shape, b.shape);
  const d = dim === null ? firstDimOfSize3(shape) : normalizeDim(dim, shape.length);
  if (shape[d] !== 3)
    throw runtimeError(
      `linalg.cross: inputs dimension ${d} must have length 3. Got ${a.shape[d] ?? 1} and ${b.shape[d] ?? 1}`,
    );
  const x = expand(a, shape);
  const y = expand(b, shape);
  const dtype = promote(x, y);
  const xs = storageAs(x, dtype);
  const ys = storageAs(y, dtype);
  const out = allocate(dtype, xs.length);
  const step = stridesOf(shape)[d];
  // ATen's kernel is compiled with a*b - c*d contracted into fma(a, b, -(c*d)).
  const fused = out instanceof Float32Array ? fma32 : fma64;
  const round = out instanceof Float32Array ? Math.fround : (v: number) => v;
  for (let i = 0; i < xs.length; i++) {
    const k = Math.floor(i / step) % 3;
    const base = i - k * step;
    const [p, q] = [base + ((k + 1) % 3) * step, base + ((k + 2) % 3) * step];
    out[i] = isFloating(dtype)
      ? fused(xs[p], ys[q], -round(xs[q] * ys[p]))
      : xs[p] * ys[q] - xs[q] * ys[p];
  }
  return record(new Tensor(out, shape, dtype), {
    name: 'LinalgCrossBackward0',
    op: 'cross',
    inputs: [x, y],
    saved: [x, y],
    attrs: { dim: d },
    backward: ([g], node) => {
      const [sx, sy] = node.saved;
      return [
        node.needsInputGrad(0) ? cross(sy, g, d) : null,
        node.needsInputGrad(1) ? cross(g, sx, d) : null,
      ];
    },
  });
}
