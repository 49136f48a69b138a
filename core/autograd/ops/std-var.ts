// torch.var / torch.std (VarBackward0 / StdBackward0) with Bessel's correction. As ATen on the
// CPU: over all elements the mean is the tensor's own mean (its precision), then the squared
// deviations are summed in double; over dims each slice is accumulated in double. The result
// is rounded to the input's dtype once.
import { allocate, isFloating } from '../dtype.ts';
import { runtimeError } from '../errors.ts';
import { numelOf, Tensor } from '../tensor.ts';
import { div, eq, mul, sub } from './binary.ts';
import { record, untracked } from './record.ts';
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
  return record(result, {
    name: takeSqrt ? 'StdBackward0' : 'VarBackward0',
    op: name,
    inputs: [x],
    saved: takeSqrt ? [x, result] : [x],
    attrs: { correction, keepdim: keep },
    backward: ([g], node) => {
      const [input, saved] = node.saved;
      let grad = g.ndim === kept.length ? g : reshape(g, kept);
      if (takeSqrt) {
        const std = saved.ndim === kept.length ? saved : reshape(saved, kept);
        grad = where(eq(std, 0), 0, div(grad, mul(std, 2)));
      }
      const centred = sub(input, mean(input, { dim: dims, keepdim: true }));
      const scale = 2 / (count - correction);
      return [mul(mul(expand(grad, input.shape), scale, { scalarKind: 'float' }), centred)];
    },
  });
}
