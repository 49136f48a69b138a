// softmax and log_softmax along a dim (SoftmaxBackward0, LogSoftmaxBackward0). float32 follows
// ATen's CPU kernels bit for bit (aten-float32.ts): along the last dim each line is one
// vectorised reduction; along another dim 8 neighbouring lines run side by side in vector
// lanes and the rest run as scalar code. float64 is computed directly in double. The backward
// is written with differentiable ops when create_graph asks for a graph of it.
import { stridesOf } from '../shapes.ts';
import { isFloating, scalarTypeName, type Storage } from '../dtype.ts';
import { allocate } from '../storage-pool.ts';
import { runtimeError } from '../errors.ts';
import { isGradEnabled } from '../grad-mode.ts';
import { Tensor } from '../tensor.ts';
import { laneDot, LANES, laneSum, scalarExpF32, sleefExpF32 } from './aten-float32.ts';
import { mul, sub } from './binary.ts';
import { recordDerivative } from './record.ts';
import { derivative, type Derivative } from '../derivative.ts';
import { sum } from './reduce.ts';
import { normalizeDim } from './shape.ts';
import { exp } from './unary.ts';

type Kind = 'softmax' | 'log_softmax';
const f = Math.fround;

/** The lines along `dim`: how many, each one's first index, and the step within a line. */
interface Lines {
  count: number;
  size: number;
  stride: number;
  start: (line: number) => number;
  /** Whether ATen runs this line in a vector lane (or as its last dim). */
  vectorised: (line: number) => boolean;
}

function linesOf(t: Tensor, dim: number): Lines {
  const size = t.ndim === 0 ? 1 : t.shape[dim];
  const stride = t.ndim === 0 ? 1 : stridesOf(t.shape)[dim];
  const count = size === 0 ? 0 : t.numel / size;
  // Along another dim, lines are columns of `stride` neighbours; full groups of 8 are vectorised.
  const vectorisedColumns = stride - (stride % LANES);
  return {
    count,
    size,
    stride,
    start: (line) => Math.floor(line / stride) * stride * size + (line % stride),
    vectorised: (line) => stride === 1 || line % stride < vectorisedColumns,
  };
}

/** One line's values, read through `at(k)`, results written through `put(k, value)`. */
type LineKernel = (
  size: number,
  at: (k: number) => number,
  put: (k: number, value: number) => void,
  lastDim: boolean,
  vectorised: boolean,
) => void;

function lineMax(size: number, at: (k: number) => number): number {
  let max = -Infinity;
  for (let k = 0; k < size; k++) max = Math.max(max, at(k));
  return max;
}

/** The float32 sum of exp(x - max) as ATen's kernel forms it, with those exps. */
function shiftedExps(
  size: number,
  at: (k: number) => number,
  lastDim: boolean,
  vectorised: boolean,
): { exps: Float32Array; total: number } {
  const max = lineMax(size, at);
  const expf = vectorised ? sleefExpF32 : scalarExpF32;
  const exps = new Float32Array(size);
  for (let k = 0; k < size; k++) exps[k] = expf(f(at(k) - max));
  if (lastDim) return { exps, total: laneSum(size, (k) => exps[k]) };
  let total = 0;
  for (let k = 0; k < size; k++) total = f(total + exps[k]);
  return { exps, total };
}

const FORWARD_F32: Record<Kind, LineKernel> = {
  softmax: (size, at, put, lastDim, vectorised) => {
    const { exps, total } = shiftedExps(size, at, lastDim, vectorised);
    // The last-dim kernel multiplies by the reciprocal; the others divide.
    const reciprocal = f(1 / total);
    for (let k = 0; k < size; k++) put(k, lastDim ? exps[k] * reciprocal : exps[k] / total);
  },
  log_softmax: (size, at, put, lastDim, vectorised) => {
    const max = lineMax(size, at);
    const logTotal = f(Math.log(shiftedExps(size, at, lastDim, vectorised).total));
    for (let k = 0; k < size; k++) put(k, f(at(k) - max) - logTotal);
  },
};

const FORWARD_F64: Record<Kind, LineKernel> = {
  softmax: (size, at, put) => {
    const max = lineMax(size, at);
    let total = 0;
    for (let k = 0; k < size; k++) total += Math.exp(at(k) - max);
    for (let k = 0; k < size; k++) put(k, Math.exp(at(k) - max) / total);
  },
  log_softmax: (size, at, put) => {
    const max = lineMax(size, at);
    let total = 0;
    for (let k = 0; k < size; k++) total += Math.exp(at(k) - max);
    const logTotal = Math.log(total);
    for (let k = 0; k < size; k++) put(k, at(k) - max - logTotal);
  },
};

/** Runs a line kernel over every line along `dim` of `inputs`, into a new tensor like inputs[0]. */
function overLines(
  inputs: readonly Tensor[],
  dim: number,
  kernel: (
    size: number,
    at: readonly ((k: number) => number)[],
    put: (k: number, value: number) => void,
    lastDim: boolean,
    vectorised: boolean,
  ) => void,
): Tensor {
  const [first] = inputs;
  const out: Storage = allocate(first.dtype, first.numel);
  const lines = linesOf(first, dim);
  for (let line = 0; line < lines.count; line++) {
    const base = lines.start(line);
    const at = inputs.map((t) => (k: number) => t.data[base + k * lines.stride]);
    const put = (k: number, value: number): void => {
      out[base + k * lines.stride] = value;
    };
    kernel(lines.size, at, put, lines.stride === 1, lines.vectorised(line));
  }
  return new Tensor(out, first.shape, first.dtype);
}

function compute(kind: Kind, t: Tensor, dim: number): Tensor {
  const kernels = t.dtype === 'float32' ? FORWARD_F32 : FORWARD_F64;
  return overLines([t], dim, (size, [at], put, lastDim, vectorised) =>
    kernels[kind](size, at, put, lastDim, vectorised),
  );
}

/** ATen's float32 backward kernels, from the output gradient g and the saved result y. */
const BACKWARD_F32: Record<Kind, (g: Tensor, y: Tensor, dim: number) => Tensor> = {
  // (g - sum(g * y)) * y
  softmax: (g, y, dim) =>
    overLines([g, y], dim, (size, [gAt, yAt], put, lastDim) => {
      let total = 0;
      if (lastDim) total = laneDot(size, gAt, yAt);
      else for (let k = 0; k < size; k++) total = f(total + gAt(k) * yAt(k));
      for (let k = 0; k < size; k++) put(k, f(gAt(k) - total) * yAt(k));
    }),
  // g - exp(y) * sum(g), the product fused into the subtraction
  log_softmax: (g, y, dim) =>
    overLines([g, y], dim, (size, [gAt, yAt], put, lastDim, vectorised) => {
      let total = 0;
      if (lastDim) total = laneSum(size, gAt);
      else for (let k = 0; k < size; k++) total = f(total + gAt(k));
      const expf = vectorised ? sleefExpF32 : scalarExpF32;
      for (let k = 0; k < size; k++) put(k, gAt(k) - expf(yAt(k)) * total);
    }),
};

/** The same gradients as differentiable ops (create_graph, and float64). */
const BACKWARD_OPS: Record<Kind, (g: Tensor, y: Tensor, dim: number) => Tensor> = {
  softmax: (g, y, dim) => mul(sub(g, sum(mul(g, y), { dim, keepdim: true })), y),
  log_softmax: (g, y, dim) => sub(g, mul(exp(y), sum(g, { dim, keepdim: true }))),
};

function checkFloating(kind: Kind, t: Tensor): void {
  if (!isFloating(t.dtype))
    throw runtimeError(
      `"${kind}_lastdim_kernel_impl" not implemented for '${scalarTypeName(t.dtype)}'`,
    );
}

/** Float32 outside create_graph runs ATen's fused kernel (its rounding); otherwise tensor ops. */
const softmaxDerivative = (kind: Kind, name: string, tex: string): Derivative<SoftmaxValues> =>
  derivative<SoftmaxValues>(name, {
    self: {
      reads: ['result'],
      tex,
      grad: (g, { result, dim }) => {
        const exact = result.dtype === 'float32' && g.dtype === 'float32' && !isGradEnabled();
        return (exact ? BACKWARD_F32 : BACKWARD_OPS)[kind](g, result, dim);
      },
    },
  });

type SoftmaxValues = { self: Tensor; result: Tensor; dim: number };

const SOFTMAX_BACKWARD = {
  softmax: softmaxDerivative(
    'softmax',
    'SoftmaxBackward0',
    '{{result}} \\cdot ({{g}} - \\textstyle\\sum_j {{g}}_j \\, {{result}}_j)',
  ),
  log_softmax: softmaxDerivative(
    'log_softmax',
    'LogSoftmaxBackward0',
    '{{g}} - e^{{{result}}} \\textstyle\\sum_j {{g}}_j',
  ),
};

function softmaxLike(kind: Kind, t: Tensor, dim: number): Tensor {
  checkFloating(kind, t);
  const d = normalizeDim(dim, t.ndim);
  const result = compute(kind, t, d);
  return recordDerivative(result, SOFTMAX_BACKWARD[kind], {
    op: kind,
    inputs: [t],
    values: { self: t, result, dim: d },
    attrs: { dim: d },
  });
}

export const softmax = (t: Tensor, dim: number): Tensor => softmaxLike('softmax', t, dim);
export const logSoftmax = (t: Tensor, dim: number): Tensor => softmaxLike('log_softmax', t, dim);
