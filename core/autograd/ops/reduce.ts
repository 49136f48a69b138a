// Reductions: sum and mean over all elements or over dims, gradients broadcast back.
import { sumToStorage } from '../broadcast.ts';
import {
  allocate,
  allocateForOverwrite,
  isFloating,
  scalarTypeName,
  type DType,
} from '../dtype.ts';
import { runtimeError } from '../errors.ts';
import { isGradEnabled } from '../grad-mode.ts';
import { numelOf, Tensor } from '../tensor.ts';
import { div } from './binary.ts';
import { storageAs } from './elementwise.ts';
import { record } from './record.ts';
import { expand, normalizeDim, reshape } from './shape.ts';

export interface ReduceOptions {
  /** Dims to reduce (all when absent). */
  dim?: number | readonly number[] | null;
  keepdim?: boolean;
}

interface Reduction {
  /** Shape with reduced dims kept as 1. */
  kept: number[];
  /** Shape of the result. */
  shape: number[];
  count: number;
  all: boolean;
  dims: number[];
}

function plan(t: Tensor, options: ReduceOptions | undefined): Reduction {
  const dim = options?.dim;
  const all = dim === undefined || dim === null;
  const dims = all
    ? t.shape.map((_, i) => i)
    : (typeof dim === 'number' ? [dim] : dim).map((d) => normalizeDim(d, t.ndim));
  const kept = t.shape.map((d, i) => (dims.includes(i) ? 1 : d));
  const keep = options?.keepdim === true;
  const shape = keep ? kept : t.shape.filter((_, i) => !dims.includes(i));
  return {
    kept,
    shape,
    count: numelOf(t.shape) / Math.max(numelOf(kept), 1),
    all: all && !keep,
    dims,
  };
}

function reduceSum(t: Tensor, p: Reduction, dtype: DType): Tensor {
  const out = sumToStorage(storageAs(t, dtype), t.shape, p.kept, allocate(dtype, numelOf(p.kept)));
  return new Tensor(out, p.shape, dtype);
}

/**
 * Broadcasts a reduced gradient back to the input shape. A one-element gradient outside
 * create_graph is a plain fill of pooled memory (expand's result, without its bookkeeping).
 */
function spread(g: Tensor, p: Reduction, inputShape: readonly number[]): Tensor {
  if (g.numel === 1 && !isGradEnabled()) {
    const out = allocateForOverwrite(g.dtype, numelOf(inputShape));
    return new Tensor(out.fill(g.data[0]), inputShape, g.dtype);
  }
  return expand(g.ndim === p.kept.length ? g : reshape(g, p.kept), inputShape);
}

/** torch.sum: SumBackward0 over everything, SumBackward1 over dims. Integers sum to int64. */
export function sum(t: Tensor, options?: ReduceOptions): Tensor {
  const p = plan(t, options);
  const dtype = isFloating(t.dtype) ? t.dtype : 'int64';
  return record(reduceSum(t, p, dtype), {
    name: p.all ? 'SumBackward0' : 'SumBackward1',
    op: 'sum',
    inputs: [t],
    attrs: p.all ? {} : { dim: p.dims, keepdim: options?.keepdim === true },
    backward: ([g]) => [spread(g, p, t.shape)],
  });
}

/** torch.mean (floating dtypes only, as in torch). */
export function mean(t: Tensor, options?: ReduceOptions): Tensor {
  if (!isFloating(t.dtype))
    throw runtimeError(
      `mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${scalarTypeName(t.dtype)}`,
    );
  const p = plan(t, options);
  const total = reduceSum(t, p, t.dtype);
  const out = allocate(t.dtype, total.numel);
  for (let i = 0; i < out.length; i++) out[i] = total.data[i] / p.count;
  return record(new Tensor(out, p.shape, t.dtype), {
    name: p.all ? 'MeanBackward0' : 'MeanBackward1',
    op: 'mean',
    inputs: [t],
    attrs: p.all ? {} : { dim: p.dims, keepdim: options?.keepdim === true },
    backward: ([g]) => [div(spread(g, p, t.shape), p.count)],
  });
}
