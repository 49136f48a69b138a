// torch.var / torch.std (VarBackward0 / StdBackward0) with Bessel's correction. As ATen on the
// CPU: over all elements the mean is the tensor's own mean (its precision), then the squared
// deviations are summed in double; over dims each slice is accumulated in double. The result
// is rounded to the input's dtype once.
import { isFloating } from '../dtype.ts';
import { allocate } from '../storage-pool.ts';
import { runtimeError } from '../errors.ts';
import { Tensor } from '../tensor.ts';
import { numelOf } from '../shapes.ts';
import { div, eq, mul, sub } from './binary.ts';
import { recordDerivative, untracked } from './record.ts';
import { derivative } from '../derivative.ts';
import { mean } from './reduce.ts';
import { expand, normalizeDim, reshape } from './shape.ts';
import { where } from './where.ts';

export interface StdVarOptions {
  dim?: readonly number[] | null;
  correction?: number;
  keepdim?: boolean;
}

function squaredDeviations(values: ArrayLike<number>, centre: number, picks: number[]): number {
  let total = 0;
  for (const i of picks) {
    const d = values[i] - centre;
    total += d * d;
  }
  return total;
}

/** For each output element, the flat input positions it reduces. */
function slices(shape: readonly number[], dims: readonly number[]): number[][] {
  const kept = shape.map((d, i) => (dims.includes(i) ? 1 : d));
  const groups: number[][] = Array.from({ length: numelOf(kept) }, () => []);
  const index = new Array<number>(shape.length).fill(0);
  for (let flat = 0; flat < numelOf(shape); flat++) {
    let out = 0;
    for (let d = 0; d < shape.length; d++) out = out * kept[d] + (dims.includes(d) ? 0 : index[d]);
    groups[out].push(flat);
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
  return groups;
}

/** `scale`: 2 / (n - correction); `kept`: the shape with reduced dims kept as 1. */
type StdVarValues = {
  self: Tensor;
  result: Tensor;
  dims: readonly number[];
  kept: readonly number[];
  scale: number;
};

/** scale · g · (x - mean): the gradient of the variance. */
function varianceGrad(grad: Tensor, { self, dims, kept, scale }: StdVarValues): Tensor {
  const g = grad.ndim === kept.length ? grad : reshape(grad, kept);
  const centred = sub(self, mean(self, { dim: dims, keepdim: true }));
  return mul(mul(expand(g, self.shape), scale, { scalarKind: 'float' }), centred);
}

const VAR = derivative<StdVarValues>('VarBackward0', {
  self: {
    reads: ['self', 'scale'],
    tex: '{{scale}} \\cdot {{g}} \\cdot ({{self}} - \\bar{x})',
    grad: varianceGrad,
  },
});

/** The variance's gradient times g / (2 std), 0 where the std is 0. */
const STD = derivative<StdVarValues>('StdBackward0', {
  self: {
    reads: ['self', 'result', 'scale'],
    tex: '\\frac{{{scale}} \\cdot {{g}} \\cdot ({{self}} - \\bar{x})}{2 \\cdot {{result}}}',
    grad: (g, values) => {
      const { result, kept } = values;
      const grad = g.ndim === kept.length ? g : reshape(g, kept);
      const std = result.ndim === kept.length ? result : reshape(result, kept);
      return varianceGrad(where(eq(std, 0), 0, div(grad, mul(std, 2))), values);
    },
  },
});

export function stdVar(x: Tensor, takeSqrt: boolean, options: StdVarOptions = {}): Tensor {
  const name = takeSqrt ? 'std' : 'var';
  if (!isFloating(x.dtype))
    throw runtimeError(`std and var only support floating point and complex dtypes`);
  const correction = options.correction ?? 1;
  const all = options.dim === undefined || options.dim === null;
  const dims = all ? x.shape.map((_, i) => i) : options.dim!.map((d) => normalizeDim(d, x.ndim));
  const keep = options.keepdim === true;
  const kept = x.shape.map((d, i) => (dims.includes(i) ? 1 : d));
  const shape = keep ? kept : x.shape.filter((_, i) => !dims.includes(i));
  const values = x.values();
  const groups = slices(x.shape, dims);
  const out = allocate(x.dtype, groups.length);
  const wholeMean = all ? untracked(() => mean(x)).item() : 0;
  groups.forEach((picks, o) => {
    let centre = wholeMean;
    if (!all) {
      centre = 0;
      for (const i of picks) centre += values[i];
      centre /= picks.length;
    }
    const variance =
      squaredDeviations(values, centre, picks) / Math.max(0, picks.length - correction);
    out[o] = takeSqrt ? Math.sqrt(variance) : variance;
  });
  const count = numelOf(x.shape) / Math.max(numelOf(kept), 1);
  const result = new Tensor(out, shape, x.dtype);
  return recordDerivative(result, takeSqrt ? STD : VAR, {
    op: name,
    inputs: [x],
    values: { self: x, result, dims, kept, scale: 2 / (count - correction) },
    attrs: { correction, keepdim: keep },
  });
}
