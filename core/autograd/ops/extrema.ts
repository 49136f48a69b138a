// max / min: over everything (MaxBackward1), over a dim with indices (MaxBackward0), and the
// elementwise maximum / minimum of two tensors (MaximumBackward0).
import { stridesOf } from '../shapes.ts';
import { allocate } from '../storage-pool.ts';
import { runtimeError, TorchError } from '../errors.ts';
import { Tensor } from '../tensor.ts';
import { div, eq, gt, lt } from './binary.ts';
import { zerosLike } from './creation.ts';
import { broadcastPair, promote } from './elementwise.ts';
import { gatherPositions } from './positions.ts';
import { recordDerivative } from './record.ts';
import { derivative, type Derivative } from '../derivative.ts';
import { sum } from './reduce.ts';
import { normalizeDim } from './shape.ts';
import { where } from './where.ts';

type Extremum = 'max' | 'min';

/** Whether `v` beats `best` (NaN beats everything, as torch propagates it). */
function beats(kind: Extremum, v: number, best: number): boolean {
  if (best !== best) return false;
  if (v !== v) return true;
  return kind === 'max' ? v > best : v < best;
}

function name(kind: Extremum, suffix: string): string {
  return `${kind === 'max' ? 'Max' : 'Min'}Backward${suffix}`;
}

/** The gradient is shared evenly among the elements equal to the result (ties). */
const whole = (kind: Extremum): Derivative<{ self: Tensor; result: Tensor }> =>
  derivative(name(kind, '1'), {
    self: {
      reads: ['self', 'result'],
      tex: '\\frac{{{g}} \\cdot [{{self}} = {{result}}]}{\\#\\{j : x_j = {{result}}\\}}',
      grad: (g, { self, result }) => {
        const mask = eq(self, result);
        return where(mask, div(g, sum(mask)), zerosLike(self));
      },
    },
  });
const MAX_ALL = whole('max');
const MIN_ALL = whole('min');

/** The gradient goes to the operand that won, half to each on a tie. */
function pairwise(kind: Extremum): Derivative<{ self: Tensor; other: Tensor }> {
  const loses = (p: Tensor, q: Tensor): Tensor => (kind === 'max' ? lt(p, q) : gt(p, q));
  const share = (g: Tensor, mine: Tensor, theirs: Tensor): Tensor =>
    where(loses(mine, theirs), zerosLike(g), where(eq(mine, theirs), div(g, 2), g));
  const wins = kind === 'max' ? '>' : '<';
  return derivative(kind === 'max' ? 'MaximumBackward0' : 'MinimumBackward0', {
    self: {
      reads: ['self', 'other'],
      tex: `{{g}} \\cdot ([{{self}} ${wins} {{other}}] + \\tfrac{1}{2} [{{self}} = {{other}}])`,
      grad: (g, { self, other }) => share(g, self, other),
    },
    other: {
      reads: ['self', 'other'],
      tex: `{{g}} \\cdot ([{{other}} ${wins} {{self}}] + \\tfrac{1}{2} [{{self}} = {{other}}])`,
      grad: (g, { self, other }) => share(g, other, self),
    },
  });
}
const MAXIMUM = pairwise('max');
const MINIMUM = pairwise('min');

/** torch.max(t) / torch.min(t): the gradient is shared evenly among the tied elements. */
function extremum(kind: Extremum, t: Tensor): Tensor {
  if (t.numel === 0)
    throw runtimeError(
      `${kind}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`,
    );
  let best = t.data[0];
  for (let i = 1; i < t.numel; i++) if (beats(kind, t.data[i], best)) best = t.data[i];
  const out = allocate(t.dtype, 1);
  out[0] = best;
  const result = new Tensor(out, [], t.dtype);
  return recordDerivative(result, kind === 'max' ? MAX_ALL : MIN_ALL, {
    op: kind,
    inputs: [t],
    values: { self: t, result },
  });
}

export interface ValuesIndices {
  values: Tensor;
  indices: Tensor;
}

/** torch.max(t, dim) / torch.min(t, dim): values (first of ties) and their int64 indices. */
function extremumDim(kind: Extremum, t: Tensor, dim: number, keepdim = false): ValuesIndices {
  const d = normalizeDim(dim, t.ndim);
  const size = t.ndim === 0 ? 1 : t.shape[d];
  if (size === 0)
    throw new TorchError(
      'IndexError',
      `${kind}(): Expected reduction dim ${d} to have non-zero size.`,
    );
  const stride = t.ndim === 0 ? 1 : stridesOf(t.shape)[d];
  const kept = t.shape.map((s, i) => (i === d ? 1 : s));
  const count = t.numel / size;
  const indices = allocate('int64', count);
  const positions = new Int32Array(count);
  for (let o = 0; o < count; o++) {
    const base = Math.floor(o / stride) * stride * size + (o % stride);
    let at = 0;
    for (let k = 1; k < size; k++)
      if (beats(kind, t.data[base + k * stride], t.data[base + at * stride])) at = k;
    positions[o] = base + at * stride;
    indices[o] = at;
  }
  const shape = keepdim ? kept : t.shape.filter((_, i) => i !== d);
  return {
    values: gatherPositions(t, positions, shape, name(kind, '0')),
    indices: new Tensor(indices, shape, 'int64'),
  };
}

/** torch.maximum / torch.minimum: ties split the gradient in half between the operands. */
function elementwiseExtremum(kind: Extremum, a: Tensor, b: Tensor): Tensor {
  const dtype = promote(a, b);
  const line = broadcastPair(a, b, dtype);
  const out = allocate(dtype, line.n);
  for (let i = 0; i < line.n; i++) {
    const x = line.a[i * line.as];
    const y = line.b[i * line.bs];
    out[i] = beats(kind, y, x) ? y : x;
  }
  return recordDerivative(new Tensor(out, line.shape, dtype), kind === 'max' ? MAXIMUM : MINIMUM, {
    op: kind === 'max' ? 'maximum' : 'minimum',
    inputs: [a, b],
    values: { self: a, other: b },
  });
}

export const max = (t: Tensor): Tensor => extremum('max', t);
export const min = (t: Tensor): Tensor => extremum('min', t);
export const maxDim = (t: Tensor, dim: number, keepdim?: boolean): ValuesIndices =>
  extremumDim('max', t, dim, keepdim);
export const minDim = (t: Tensor, dim: number, keepdim?: boolean): ValuesIndices =>
  extremumDim('min', t, dim, keepdim);
export const maximum = (a: Tensor, b: Tensor): Tensor => elementwiseExtremum('max', a, b);
export const minimum = (a: Tensor, b: Tensor): Tensor => elementwiseExtremum('min', a, b);

/** torch.argmax / argmin: the index of the first extremum, over the flattened tensor or a dim. */
function argExtremum(kind: Extremum, t: Tensor, dim: number | null, keepdim: boolean): Tensor {
  if (dim !== null) return extremumDim(kind, t, dim, keepdim).indices;
  if (t.numel === 0)
    throw new TorchError(
      'IndexError',
      `arg${kind}(): Expected reduction dim to be specified for input.numel() == 0.`,
    );
  const { indices } = extremumDim(kind, new Tensor(t.data, [t.numel], t.dtype), 0);
  return keepdim
    ? new Tensor(
        indices.data,
        t.shape.map(() => 1),
        'int64',
      )
    : indices;
}

export const argmax = (t: Tensor, dim: number | null = null, keepdim = false): Tensor =>
  argExtremum('max', t, dim, keepdim);
export const argmin = (t: Tensor, dim: number | null = null, keepdim = false): Tensor =>
  argExtremum('min', t, dim, keepdim);
