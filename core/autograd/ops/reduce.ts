// Reductions: sum and mean over all elements or over dims, gradients broadcast back.
import { sumToStorage } from '../broadcast.ts';
import { derivative } from '../derivative.ts';
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
import { recordDerivative } from './record.ts';
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

/** What a reduction's gradient reads: the input's shape and the plan, and for mean the count. */
type ReduceValues = { self: Tensor; plan: Reduction; count: number };

// Every element of the input gets the gradient of the sum it went into (divided by the count for mean).
const SUM_RULE = {
  reads: [],
  tex: '{{g}}',
  grad: (g: Tensor, { self, plan }: ReduceValues) => spread(g, plan, self.shape),
} as const;
const MEAN_RULE = {
  reads: ['count'],
  tex: '\\frac{{{g}}}{{{count}}}',
  grad: (g: Tensor, { self, plan, count }: ReduceValues) => div(spread(g, plan, self.shape), count),
} as const;
const SUM_ALL = derivative<ReduceValues>('SumBackward0', { self: SUM_RULE });
const SUM_DIMS = derivative<ReduceValues>('SumBackward1', { self: SUM_RULE });
const MEAN_ALL = derivative<ReduceValues>('MeanBackward0', { self: MEAN_RULE });
const MEAN_DIMS = derivative<ReduceValues>('MeanBackward1', { self: MEAN_RULE });

/** torch.sum: SumBackward0 over everything, SumBackward1 over dims. Integers sum to int64. */
export function sum(t: Tensor, options?: ReduceOptions): Tensor {
  const p = plan(t, options);
  const dtype = isFloating(t.dtype) ? t.dtype : 'int64';
  return recordDerivative(reduceSum(t, p, dtype), p.all ? SUM_ALL : SUM_DIMS, {
    op: 'sum',
    inputs: [t],
    values: { self: t, plan: p, count: p.count },
    attrs: p.all ? {} : { dim: p.dims, keepdim: options?.keepdim === true },
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
  return recordDerivative(new Tensor(out, p.shape, t.dtype), p.all ? MEAN_ALL : MEAN_DIMS, {
    op: 'mean',
    inputs: [t],
    values: { self: t, plan: p, count: p.count },
    attrs: p.all ? {} : { dim: p.dims, keepdim: options?.keepdim === true },
  });
}
