// The classification losses of torch.nn.functional, each one graph node as in PyTorch 1.13:
// binary_cross_entropy (BinaryCrossEntropyBackward0), binary_cross_entropy_with_logits
// (BinaryCrossEntropyWithLogitsBackward0) and nll_loss (NllLossBackward0; cross_entropy is
// nll_loss of log_softmax). Forwards run ATen's formulas op by op so float32 rounds as there.
import { scalarTypeName } from '../dtype.ts';
import { allocate } from '../storage-pool.ts';
import { runtimeError, TorchError } from '../errors.ts';
import { glibcLogf } from '../glibc-logf.ts';
import { Tensor } from '../tensor.ts';
import { add, div, ge, le, logicalAnd, mul, rsub, sub } from './binary.ts';
import { clamp } from './clamp.ts';
import type { Reduction } from './mse-loss.ts';
import { recordDerivative, untracked } from './record.ts';
import { derivative, type Derivative } from '../derivative.ts';
import { mean, sum } from './reduce.ts';
import { expand } from './shape.ts';
import { exp, log, neg, sigmoid } from './unary.ts';

/** log as ATen's scalar kernels call it: glibc's logf for float32 (not the vectorised log). */
function libmLog(t: Tensor): Tensor {
  const values = t.values();
  const out = allocate(t.dtype, values.length);
  const logOf = t.dtype === 'float32' ? glibcLogf : Math.log;
  for (let i = 0; i < out.length; i++) out[i] = logOf(values[i]);
  return new Tensor(out, t.shape, t.dtype);
}

function checkReduction(reduction: string): void {
  if (!['mean', 'sum', 'none'].includes(reduction))
    throw new TorchError('ValueError', `${reduction} is not a valid value for reduction`);
}

function reduce(loss: Tensor, reduction: Reduction): Tensor {
  return reduction === 'mean' ? mean(loss) : reduction === 'sum' ? sum(loss) : loss;
}

function noTargetGrad(target: Tensor, name: string): void {
  if (target.requiresGrad)
    throw new TorchError(
      'NotImplementedError',
      `the derivative of ${name} with respect to target is not supported in Gradlab yet`,
    );
}

/**
 * An elementwise loss's values: `weight` and `pos_weight` are 1 when not given, `scale` is
 * 1/n for a mean over n elements, else 1.
 */
type LossValues = {
  self: Tensor;
  target: Tensor;
  weight: Tensor | 1;
  pos_weight: Tensor | null;
  reduction: Reduction;
  scale: number;
};

/**
 * An elementwise loss's backward: `inputGrad(values, g)` is ATen's backward kernel given the
 * incoming gradient spread over the input's elements; the weight multiplies it, and a mean divides
 * by the element count last, as ATen does. The target gets no gradient (checked at forward).
 */
function lossDerivative(
  name: string,
  tex: string,
  inputGrad: (values: LossValues, g: Tensor) => Tensor,
): Derivative<LossValues> {
  return derivative<LossValues>(name, {
    self: {
      reads: ['self', 'target', 'weight', 'pos_weight', 'scale'],
      tex: `{{scale}} \\cdot {{weight}} \\cdot ${tex}`,
      grad: (g, values) => {
        const { self, weight, reduction } = values;
        const spread = inputGrad(values, reduction === 'none' ? g : expand(g, self.shape));
        const grad = weight === 1 ? spread : mul(spread, weight);
        return reduction === 'mean' ? div(grad, self.numel) : grad;
      },
    },
    target: null,
  });
}

const BINARY_CROSS_ENTROPY = lossDerivative(
  'BinaryCrossEntropyBackward0',
  '\\frac{{{g}} \\cdot ({{self}} - {{target}})}{(1 - {{self}}) \\cdot {{self}}}',
  ({ self, target }, g) =>
    div(mul(g, sub(self, target)), clamp(mul(rsub(self, 1), self), { min: 1e-12 })),
);

const WITH_LOGITS = lossDerivative(
  'BinaryCrossEntropyWithLogitsBackward0',
  '{{g}} \\cdot (\\sigma({{self}}) - {{target}})',
  ({ self, target, pos_weight: posWeight }, g) => {
    if (posWeight === null) return mul(sub(sigmoid(self), target), g);
    const weighted = mul(posWeight, target);
    return mul(sub(mul(sub(add(weighted, 1), target), sigmoid(self)), weighted), g);
  },
);

function recordLoss(
  result: Tensor,
  backward: Derivative<LossValues>,
  values: Omit<LossValues, 'scale'>,
): Tensor {
  const { self, target, reduction } = values;
  return recordDerivative(result, backward, {
    op: backward.name,
    inputs: [self, target],
    values: { ...values, scale: reduction === 'mean' ? 1 / self.numel : 1 },
    attrs: { reduction },
  });
}

export function binaryCrossEntropy(
  input: Tensor,
  target: Tensor,
  reduction: Reduction = 'mean',
  weight: Tensor | null = null,
): Tensor {
  checkReduction(reduction);
  noTargetGrad(target, 'binary_cross_entropy');
  const result = untracked(() => {
    const inside = logicalAnd(ge(input, 0), le(input, 1));
    if (!inside.values().every((v) => v === 1))
      throw runtimeError('all elements of input should be between 0 and 1');
    const logP = clamp(libmLog(input), { min: -100 });
    const logNotP = clamp(libmLog(rsub(input, 1)), { min: -100 });
    // (target - 1) * log(1 - input) - target * log(input), as ATen's CPU kernel writes it.
    let loss = sub(mul(sub(target, 1), logNotP), mul(target, logP));
    if (weight !== null) loss = mul(loss, weight);
    return reduce(loss, reduction);
  });
  return recordLoss(result, BINARY_CROSS_ENTROPY, {
    self: input,
    target,
    weight: weight ?? 1,
    pos_weight: null,
    reduction,
  });
}

export function binaryCrossEntropyWithLogits(
  input: Tensor,
  target: Tensor,
  reduction: Reduction = 'mean',
  weight: Tensor | null = null,
  posWeight: Tensor | null = null,
): Tensor {
  checkReduction(reduction);
  noTargetGrad(target, 'binary_cross_entropy_with_logits');
  const result = untracked(() => {
    // PyTorch 1.13's stable form: max_val = (-x).clamp_min(0), then log-sum-exp around it.
    const maxVal = clamp(neg(input), { min: 0 });
    const logTerm = log(add(exp(neg(maxVal)), exp(sub(neg(input), maxVal))));
    const linear = mul(rsub(target, 1), input);
    let loss: Tensor;
    if (posWeight === null) loss = add(add(linear, maxVal), logTerm);
    else {
      const logWeight = add(mul(sub(posWeight, 1), target), 1);
      loss = add(linear, mul(logWeight, add(logTerm, maxVal)));
    }
    if (weight !== null) loss = mul(loss, weight);
    return reduce(loss, reduction);
  });
  return recordLoss(result, WITH_LOGITS, {
    self: input,
    target,
    weight: weight ?? 1,
    pos_weight: posWeight,
    reduction,
  });
}

export interface NllOptions {
  reduction?: Reduction;
  weight?: Tensor | null;
  ignoreIndex?: number;
}

const CASCADE_LEVELS = 8;

/**
 * Sums the picked log-probabilities in ATen's cascade (eight partial sums, the lowest flushed
 * upward every 2^levelPower items), in the input's precision, so the mean rounds as torch's.
 */
function cascadeNll(
  picked: Float64Array,
  weights: Float64Array,
  round: (v: number) => number,
): [number, number] {
  const count = picked.length;
  const ceilLog2 = count <= 1 ? 0 : Math.ceil(Math.log2(count));
  const levelPower = Math.max(4, Math.floor(ceilLog2 / CASCADE_LEVELS));
  const levelMask = (1 << levelPower) - 1;
  const loss = new Float64Array(CASCADE_LEVELS);
  const weight = new Float64Array(CASCADE_LEVELS);
  for (let b = 0; b < count; b++) {
    loss[0] = round(loss[0] - round(picked[b] * weights[b]));
    weight[0] = round(weight[0] + weights[b]);
    for (let j = 0; j + 1 < CASCADE_LEVELS; j++) {
      if ((b & (levelMask * 2 ** (j * levelPower))) !== 0) break;
      loss[j + 1] = round(loss[j + 1] + loss[j]);
      weight[j + 1] = round(weight[j + 1] + weight[j]);
      loss[j] = 0;
      weight[j] = 0;
    }
  }
  let totalLoss = 0;
  let totalWeight = 0;
  for (let j = 0; j < CASCADE_LEVELS; j++) {
    totalLoss = round(totalLoss + loss[j]);
    totalWeight = round(totalWeight + weight[j]);
  }
  return [totalLoss, totalWeight];
}

/** Where each row's picked element sits (-1: ignored) and its class weight, fixed at forward. */
interface NllPlan {
  positions: Int32Array;
  weights: Float64Array;
  weighted: boolean;
  reduction: Reduction;
  /** What a mean divides by: the rows kept, or the sum of their weights. */
  total_weight: number;
}

/** Each row's picked element gets -weight · g (divided by the total weight for a mean). */
const NLL_LOSS = derivative<{ self: Tensor; plan: NllPlan; total_weight: number }>(
  'NllLossBackward0',
  {
    self: {
      reads: ['total_weight'],
      tex: '-\\frac{w_{y} \\cdot {{g}}}{{{total_weight}}} \\, [j = y]',
      grad: (g, { self, plan }) => {
        const { positions, weights, weighted, reduction, total_weight: total } = plan;
        const round = self.dtype === 'float32' ? Math.fround : (v: number) => v;
        const grad = allocate(self.dtype, self.numel);
        const gs = g.values();
        for (let b = 0; b < positions.length; b++) {
          if (positions[b] < 0) continue;
          const incoming = reduction === 'none' ? gs[b] : gs[0];
          const scaled = -(reduction === 'mean' ? round(incoming / total) : incoming);
          grad[positions[b]] = weighted ? round(weights[b] * scaled) : scaled;
        }
        return new Tensor(grad, self.shape, self.dtype);
      },
    },
  },
);

export function nllLoss(input: Tensor, target: Tensor, options: NllOptions = {}): Tensor {
  const reduction = options.reduction ?? 'mean';
  const weight = options.weight ?? null;
  const ignoreIndex = options.ignoreIndex ?? -100;
  checkReduction(reduction);
  if (target.dtype !== 'int64')
    throw runtimeError(`expected scalar type Long but found ${scalarTypeName(target.dtype)}`);
  if (target.ndim > 1)
    throw runtimeError('0D or 1D target tensor expected, multi-target not supported');
  if (input.ndim < 1 || input.ndim > 2) throw runtimeError('input tensor should be 1D or 2D');
  const batched = input.ndim === 2;
  if (batched ? target.ndim !== 1 || target.shape[0] !== input.shape[0] : target.ndim !== 0)
    throw runtimeError(
      `size mismatch (got input: [${input.shape.join(', ')}], target: [${target.shape.join(', ')}])`,
    );
  const classes = input.shape[input.ndim - 1];
  const rows = batched ? input.shape[0] : 1;
  const x = input.values();
  const t = target.values();
  const w = weight?.values();
  const picked = new Float64Array(rows);
  const weights = new Float64Array(rows);
  const positions = new Int32Array(rows).fill(-1);
  for (let b = 0; b < rows; b++) {
    const cls = t[b];
    if (cls === ignoreIndex) continue;
    if (cls < 0 || cls >= classes)
      throw new TorchError('IndexError', `Target ${cls} is out of bounds.`);
    positions[b] = b * classes + cls;
    picked[b] = x[positions[b]];
    weights[b] = w === undefined ? 1 : w[cls];
  }
  const round = input.dtype === 'float32' ? Math.fround : (v: number) => v;
  let out: Float64Array | Float32Array;
  let totalWeight = 1;
  if (reduction === 'none') {
    out = allocate(input.dtype, rows) as Float32Array | Float64Array;
    for (let b = 0; b < rows; b++) out[b] = positions[b] < 0 ? 0 : -round(picked[b] * weights[b]);
  } else {
    const [totalLoss, summedWeight] = cascadeNll(picked, weights, round);
    totalWeight = w === undefined ? rows - positions.filter((p) => p < 0).length : summedWeight;
    out = allocate(input.dtype, 1) as Float32Array | Float64Array;
    out[0] = reduction === 'mean' ? round(totalLoss / totalWeight) : totalLoss;
  }
  const shape = reduction === 'none' && batched ? [rows] : [];
  const totalShown = reduction === 'mean' ? totalWeight : 1;
  const plan = {
    positions,
    weights,
    weighted: w !== undefined,
    reduction,
    total_weight: totalWeight,
  };
  return recordDerivative(new Tensor(out, shape, input.dtype), NLL_LOSS, {
    op: 'nll_loss',
    inputs: [input],
    values: { self: input, plan, total_weight: totalShown },
    attrs: { reduction, ignore_index: ignoreIndex },
  });
}
