// Public API of the autograd engine (import from here only; the rest is internal).
//
// - `t.values()` is the flat row-major values (Float32Array for float32, Float64Array for float64
//   and int64, Uint8Array for bool), `t.shape`, `t.dtype`, `t.item()`. View ops (reshape, basic
//   indexing, transpose, expand...) share their base's storage (views.ts): write into a tensor's
//   values only through in-place ops, which carry the write to every alias.
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
//   formulas in the trace are the declarations' `tex`.
export type { DType, ScalarKind } from './dtype.ts';
export {
  isFloating,
  canCast,
  isReducedFloat,
  promoteTypes,
  roundStorage,
  torchName,
} from './dtype.ts';
export { checkHalfKernel } from './ops/half-kernels.ts';
export { bitwise, bitwiseNot } from './ops/bitwise.ts';
export { TorchError, NON_LEAF_GRAD_WARNING, LEAF_VIEW_INPLACE } from './errors.ts';
export { isGradEnabled, setGradEnabled, noGrad } from './grad-mode.ts';
export { sameShape, Tensor, type StorageState } from './tensor.ts';
export { Node } from './node.ts';
export { backward, autogradGrad, onBackward, type BackwardOptions } from './engine.ts';
export {
  tensor,
  wrapScalar,
  full,
  zeros,
  ones,
  zerosLike,
  fullLike,
  linspace,
  arange,
} from './ops/creation.ts';
export { promote as promoteOperands, toTensor as toOperandTensor } from './ops/elementwise.ts';
export {
  add,
  sub,
  rsub,
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
  rdiv,
} from './ops/unary.ts';
export { where } from './ops/where.ts';
export { cat, stack } from './ops/join.ts';
export { cumsum } from './ops/cumsum.ts';
export { floor, ceil, round, trunc } from './ops/rounding.ts';
export { vectorNorm } from './ops/norm.ts';
export { addmm } from './ops/addmm.ts';
export { mseLoss, type Reduction } from './ops/mse-loss.ts';
export { binaryCrossEntropy, binaryCrossEntropyWithLogits, nllLoss } from './ops/losses.ts';
export { leakyRelu } from './ops/leaky-relu.ts';
export { addcmul_, addcdiv_ } from './ops/addcmul.ts';
export { stdVar } from './ops/std-var.ts';
export { softmax, logSoftmax } from './ops/softmax.ts';
export { floorDivide, remainder } from './ops/floor-division.ts';
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
export {
  contiguous,
  diagonal,
  expand,
  reshape,
  view,
  unsqueeze,
  squeeze,
  permute,
  transpose,
  t,
} from './ops/shape.ts';
export { isContiguous, layoutOf, storagePositions, writeStorage } from './views.ts';
export { chunk, split, unbind } from './ops/split.ts';
export { clone, toDType } from './ops/convert.ts';
export {
  add_,
  sub_,
  mul_,
  div_,
  clamp_,
  fill_,
  zero_,
  copy_,
  inPlace,
  reshapeInPlace,
} from './ops/inplace.ts';
export { index, indexPut_, type IndexItem } from './ops/indexing.ts';
export { applyFunction, FunctionCtx } from './function.ts';
export { gradcheck } from './gradcheck.ts';
export {
  exportGraph,
  exportGraphWithTrace,
  type GraphNode,
  type GraphSnapshot,
} from './graph-export.ts';
export { BackwardRecording, type BackwardStep, type BackwardTrace } from './backward-trace.ts';
export type { JsonNumber, TensorValue } from './json-values.ts';
export type { Values } from './derivative.ts';
export { randomTensor, sample_, randperm, type Sampler } from './ops/random.ts';
export { CPUGenerator } from './random/generator.ts';
export { prod, prodDim } from './ops/prod.ts';
export { cross } from './ops/cross.ts';
export { unique } from './ops/unique.ts';
export { gather, scatter, scatterAdd } from './ops/scatter-gather.ts';
export { sort, topk } from './ops/sort.ts';
export { triangle } from './ops/triangle.ts';
