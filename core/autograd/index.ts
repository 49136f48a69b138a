// Public API of the autograd engine (import from here only; the rest is internal).
//
// - Tensors are contiguous row-major; `t.values()` is the flat storage (Float32Array for float32,
//   Float64Array for float64 and int64, Uint8Array for bool), `t.shape`, `t.dtype`, `t.item()`.
// - Autograd state: `requiresGrad`, `requiresGrad_(flag)`, `grad` (get/set), `isLeaf`, `gradFn`
//   (a Node: `name` like 'PowBackward0', `nextFunctions: [Node | null, number][]`, leaves that
//   require grad appear as AccumulateGrad), `retainGrad()`, `retainsGrad`, `detach()`, `label`.
// - Python scalars are JS numbers (or booleans). Whole numbers count as Python ints unless the op's
//   options say `{ scalarKind: 'float' }`: pass it for Python floats so promotion follows torch
//   (int64 tensor * 2.0 -> float32). Reflected forms: `1 - x` is rsub(x, 1), `2 / x` is
//   rdiv(x, 2), `2 ** x` is pow(2, x), `1 + x` is add(x, 1), `2 * x` is mul(x, 2).
// - Errors are TorchError with `pyType` ('RuntimeError', ...) and PyTorch's message text.
// - Backward: `t.backward(gradient?, {retainGraph, createGraph})`, `backward(outputs, grads)`,
//   `autogradGrad(outputs, inputs, {gradOutputs, retainGraph, createGraph, allowUnused})`;
//   grad mode with `isGradEnabled()` / `setGradEnabled()` / `noGrad(fn)`.
// - In place: add_, sub_, mul_, div_, clamp_, fill_, zero_, copy_, indexPut_(t, items, value),
//   and `inPlace(self, compute, inputs)` for any other `op_` with the same leaf/history rules.
// - Custom Functions: `applyFunction({name, inputs, forward(ctx), backward(ctx, grads), onRelease})`
//   (saved tensors live on the JS ctx; onRelease fires when the node frees them).
// - Random: a `CPUGenerator` (PyTorch's MT19937 and state bytes), `randomTensor(shape, dtype,
//   sampler, gen)` for rand/randn/randint, `sample_(t, sampler, gen)` for uniform_/normal_/...,
//   `randperm(n, dtype, gen)`: PyTorch 1.13's CPU numbers for the same seed.
// - `exportGraph(t)` gives a JSON-ready GraphSnapshot; `onBackward(listener)` sees every backward's
//   outputs before the graph is freed; `gradcheck(fn, inputs, options)` is torch's slow mode.
// - Backward trace: pass `{ trace: new BackwardRecording() }` to backward/autogradGrad, then
//   `exportGraphWithTrace(t, recording)` gives the graph and each node the engine ran, in order,
//   with the numbers it computed. Each op's backward is declared once (derivative.ts): the
//   formulas in the trace are the declarations' `tex`, filled with `fillFormula`.
export type { DType, ScalarKind, Storage } from './dtype.ts';
export { isFloating, promoteTypes, resultType, torchName } from './dtype.ts';
export {
  TorchError,
  NON_LEAF_GRAD_WARNING,
  LEAF_VIEW_INPLACE,
  type PyErrorType,
} from './errors.ts';
export { isGradEnabled, setGradEnabled, noGrad, withGradMode } from './grad-mode.ts';
export { Tensor } from './tensor.ts';
export { Node, AccumulateGrad, type Attrs } from './node.ts';
export {
  backward,
  autogradGrad,
  onBackward,
  type BackwardOptions,
  type GradOptions,
  type BackwardListener,
} from './engine.ts';
export {
  tensor,
  wrapScalar,
  full,
  zeros,
  ones,
  fullLike,
  zerosLike,
  onesLike,
  linspace,
  arange,
  type CreateOptions,
} from './ops/creation.ts';
export type { Operand } from './ops/elementwise.ts';
export {
  add,
  sub,
  rsub,
  rdiv,
  mul,
  div,
  lt,
  le,
  gt,
  ge,
  eq,
  ne,
  logicalAnd,
  logicalOr,
  type AlphaOptions,
  type ScalarOptions,
} from './ops/binary.ts';
export { pow } from './ops/pow.ts';
export {
  neg,
  sin,
  cos,
  tan,
  exp,
  log,
  sqrt,
  tanh,
  sigmoid,
  relu,
  abs,
  sign,
  reciprocal,
  sinh,
  cosh,
  asin,
  acos,
  atan,
  log2,
  log10,
} from './ops/unary.ts';
export { where, type WhereOptions } from './ops/where.ts';
export { cat, stack } from './ops/join.ts';
export { cumsum } from './ops/cumsum.ts';
export { floor, ceil, round, trunc } from './ops/rounding.ts';
export { vectorNorm, type NormOptions } from './ops/norm.ts';
export { addmm } from './ops/addmm.ts';
export { mseLoss, type Reduction } from './ops/mse-loss.ts';
export {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  nllLoss,
  type NllOptions,
} from './ops/losses.ts';
export { leakyRelu } from './ops/leaky-relu.ts';
export { addcmul_, addcdiv_ } from './ops/addcmul.ts';
export { stdVar, type StdVarOptions } from './ops/std-var.ts';
export { softmax, logSoftmax } from './ops/softmax.ts';
export { floorDivide, remainder, type DivisionOptions } from './ops/floor-division.ts';
export { clamp, type ClampBounds } from './ops/clamp.ts';
export { sum, mean, type ReduceOptions } from './ops/reduce.ts';
export {
  max,
  min,
  maxDim,
  minDim,
  maximum,
  minimum,
  argmax,
  argmin,
  type ValuesIndices,
} from './ops/extrema.ts';
export { matmul, mm, mv, dot, outer } from './ops/linalg.ts';
export { expand, reshape, unsqueeze, squeeze, permute, transpose, t } from './ops/shape.ts';
export { clone, toDType } from './ops/convert.ts';
export { add_, sub_, mul_, div_, clamp_, fill_, zero_, copy_, inPlace } from './ops/inplace.ts';
export { index, indexPut_, type IndexItem, type Slice } from './ops/indexing.ts';
export { applyFunction, FunctionCtx, type FunctionSpec, type CustomBackward } from './function.ts';
export {
  gradcheck,
  gradcheckResult,
  type GradcheckOptions,
  type GradcheckResult,
  type Checked,
} from './gradcheck.ts';
export {
  exportGraph,
  exportGraphWithTrace,
  type GraphNode,
  type GraphSnapshot,
} from './graph-export.ts';
export type { JsonNumber, TensorValue } from './json-values.ts';
export {
  BackwardRecording,
  type BackwardTrace,
  type BackwardStep,
  type StepInput,
} from './backward-trace.ts';
export {
  derivative,
  fillFormula,
  INCOMING_GRADIENT,
  type Derivative,
  type GradientRule,
  type Values,
} from './derivative.ts';
export { randomTensor, sample_, randperm, type Sampler } from './ops/random.ts';
export { CPUGenerator, DEFAULT_SEED } from './random/generator.ts';
