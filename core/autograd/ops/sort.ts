// torch.sort and torch.topk along a dim: values with their int64 indices (ties keep their
// order; NaN counts as the largest). The gradient goes back to the positions the values came
// from (SortBackward0, TopkBackward0).
import { runtimeError } from '../errors.ts';
import { Tensor } from '../tensor.ts';
import { zeros } from './creation.ts';
import { record } from './record.ts';
import { scatter } from './scatter-gather.ts';
import { normalizeDim } from './shape.ts';
import { stridesOf } from '../shapes.ts';
import { allocate } from '../storage-pool.ts';

export interface Sorted {
  values: Tensor;
  indices: Tensor;
}

/** Ascending order with NaN last, as torch sorts. */
function ascending(a: number, b: number): number {
  if (a !== a) return b !== b ? 0 : 1;
  if (b !== b) return -1;
  return a - b;
}

/** The first `k` of every line along `dim`, in sorted order. */
function select(
  t: Tensor,
  dim: number,
  k: number,
  descending: boolean,
  gradFn: string,
  attrs: Record<string, number | boolean>,
): Sorted {
  const d = t.ndim === 0 ? 0 : normalizeDim(dim, t.ndim);
  const size = t.ndim === 0 ? 1 : t.shape[d];
  const step = t.ndim === 0 ? 1 : stridesOf(t.shape)[d];
  const shape = t.shape.map((s, i) => (i === d ? k : s));
  const outStep = t.ndim === 0 ? 1 : stridesOf(shape)[d];
  const lines = size === 0 ? 0 : t.numel / size;
  const values = allocate(t.dtype, lines * k);
  const indices = allocate('int64', lines * k);
  const order = Array.from({ length: size }, (_, j) => j);
  for (let line = 0; line < lines; line++) {
    const base = Math.floor(line / step) * step * size + (line % step);
    const outBase = Math.floor(line / step) * step * k + (line % step);
    const at = (j: number) => t.data[base + j * step];
    order.sort((p, q) => (descending ? ascending(at(q), at(p)) : ascending(at(p), at(q))));
    for (let j = 0; j < k; j++) {
      values[outBase + j * outStep] = at(order[j]);
      indices[outBase + j * outStep] = order[j];
    }
    order.sort((p, q) => p - q);
  }
  const index = new Tensor(indices, shape, 'int64');
  const result = record(new Tensor(values, shape, t.dtype), {
    name: gradFn,
    op: gradFn === 'SortBackward0' ? 'sort' : 'topk',
    inputs: [t],
    attrs: { dim: d, ...attrs },
    backward: ([g]) => [scatter(zeros(t.shape, { dtype: g.dtype }), d, index, g)],
  });
  return { values: result, indices: index };
}

export function sort(t: Tensor, dim = -1, descending = false): Sorted {
  const size = t.ndim === 0 ? 1 : t.shape[normalizeDim(dim, t.ndim)];
  return select(t, dim, size, descending, 'SortBackward0', { descending });
}

export function topk(t: Tensor, k: number, dim = -1, largest = true): Sorted {
  const size = t.ndim === 0 ? 1 : t.shape[normalizeDim(dim, t.ndim)];
  if (k < 0 || k > size) throw runtimeError('selected index k out of range');
  return select(t, dim, k, largest, 'TopkBackward0', { k, largest });
}
