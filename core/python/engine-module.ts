// The `_gradlab_engine` module Python imports: the autograd engine and the printers, shaped so
// each tensor operation crosses the Python/JavaScript bridge once. Python holds the engine's
// own Tensor objects as handles and passes Python scalars with their kind (int, float or bool),
// which the bridge would otherwise lose (2.0 arrives as 2).
import * as ag from '../autograd/index.ts';
import type { DType, ScalarKind, Tensor } from '../autograd/index.ts';
import {
  DEFAULT_PRINT_OPTIONS,
  formatFloat32Shortest,
  formatNumpyArray,
  formatNumpyStr,
  formatTensor,
  type PrintOptions,
} from '../printing/index.ts';
import type { LabelledGraph } from './cell-result.ts';

export interface GraphRecorder {
  /** Whether the running cell already has the graph of a backward() called from `line`. */
  has: (line: number) => boolean;
  record: (graph: LabelledGraph) => void;
}

type Scalar = number | boolean;
type Operand = Tensor | Scalar;
/** sum/mean over dims: `[dims, keepdim]` (Python passes it where a binary op's operand goes). */
type ReduceArgs = [number[], boolean];

/**
 * A Python callable proxied into JavaScript (pyodide's PyProxy). It returns undefined when the
 * Python code raised: the exception waits on the Python side, which re-raises it once the
 * engine call that made the callback returns (throwing it through JavaScript would print it).
 */
interface PyCallback<Args extends unknown[], Result> {
  (...args: Args): Result | undefined;
  destroy(): void;
}

const PYTHON_CALLBACK_FAILED = 'Python code called by the engine raised an exception';

function checked<Args extends unknown[], Result>(
  callback: (...args: Args) => Result | undefined,
): (...args: Args) => Result {
  return (...args) => {
    const result = callback(...args);
    if (result === undefined) throw new ag.TorchError('RuntimeError', PYTHON_CALLBACK_FAILED);
    return result;
  };
}

/** One entry of a Python subscript as the torch package encodes it. */
type IndexPart =
  | ['int', number]
  | ['slice', number | undefined, number | undefined, number | undefined]
  | ['tensor', Tensor]
  | ['none']
  | ['ellipsis'];

function indexItems(parts: IndexPart[]): ag.IndexItem[] {
  return parts.map((part): ag.IndexItem => {
    switch (part[0]) {
      case 'int':
        return part[1];
      case 'slice':
        return { start: part[1] ?? null, stop: part[2] ?? null, step: part[3] ?? null };
      case 'tensor':
        return part[1];
      case 'none':
        return null;
      case 'ellipsis':
        return '...';
    }
  });
}

/**
 * `x[index] = value`. Basic indexing (ints, slices, None) writes through a view of x in torch,
 * so on a leaf that requires grad its error names the view; advanced indexing is index_put_.
 */
function setitem(a: Tensor, parts: IndexPart[], value: Operand): void {
  const throughView =
    parts.some(([kind]) => kind !== 'ellipsis') && parts.every(([kind]) => kind !== 'tensor');
  if (throughView && ag.isGradEnabled() && a.isLeaf && a.requiresGrad)
    throw new ag.TorchError('RuntimeError', ag.LEAF_VIEW_INPLACE);
  ag.indexPut_(a, indexItems(parts), value);
}

/** `alpha` is add's and sub's multiplier of the other operand (torch.add(x, y, alpha=2)). */
type BinaryOp = (a: Tensor, b: Operand, kind: ScalarKind | undefined, alpha: number) => Tensor;

const BINARY: Record<string, BinaryOp> = {
  add: (a, b, k, alpha) => ag.add(a, b, { scalarKind: k, alpha }),
  sub: (a, b, k, alpha) => ag.sub(a, b, { scalarKind: k, alpha }),
  rsub: (a, b, k) => ag.rsub(a, b, { scalarKind: k }),
  mul: (a, b, k) => ag.mul(a, b, { scalarKind: k }),
  div: (a, b, k) => ag.div(a, b, { scalarKind: k }),
  rdiv: (a, b, k) => (isTensor(b) ? ag.div(b, a) : ag.rdiv(a, b, { scalarKind: k })),
  pow: (a, b, k) => ag.pow(a, b, { scalarKind: k }),
  rpow: (a, b, k) => ag.pow(b, a, { scalarKind: k }),
  lt: (a, b, k) => ag.lt(a, b, { scalarKind: k }),
  le: (a, b, k) => ag.le(a, b, { scalarKind: k }),
  gt: (a, b, k) => ag.gt(a, b, { scalarKind: k }),
  ge: (a, b, k) => ag.ge(a, b, { scalarKind: k }),
  eq: (a, b, k) => ag.eq(a, b, { scalarKind: k }),
  ne: (a, b, k) => ag.ne(a, b, { scalarKind: k }),
  floor_divide: (a, b, k) => ag.floorDivide(a, b, { scalarKind: k }),
  rfloor_divide: (a, b, k) => ag.floorDivide(b, a, { scalarKind: k }),
  remainder: (a, b, k) => ag.remainder(a, b, { scalarKind: k }),
  rremainder: (a, b, k) => ag.remainder(b, a, { scalarKind: k }),
  logical_and: (a, b) => ag.logicalAnd(a, b),
  logical_or: (a, b) => ag.logicalOr(a, b),
  maximum: (a, b) => ag.maximum(a, tensorOperand(b)),
  minimum: (a, b) => ag.minimum(a, tensorOperand(b)),
  matmul: (a, b) => ag.matmul(a, tensorOperand(b)),
  mm: (a, b) => ag.mm(a, tensorOperand(b)),
  mv: (a, b) => ag.mv(a, tensorOperand(b)),
  dot: (a, b) => ag.dot(a, tensorOperand(b)),
};

const UNARY: Record<string, (a: Tensor) => Tensor> = {
  neg: ag.neg,
  abs: ag.abs,
  exp: ag.exp,
  log: ag.log,
  sqrt: ag.sqrt,
  sin: ag.sin,
  cos: ag.cos,
  tan: ag.tan,
  tanh: ag.tanh,
  sigmoid: ag.sigmoid,
  relu: ag.relu,
  sign: ag.sign,
  sinh: ag.sinh,
  cosh: ag.cosh,
  asin: ag.asin,
  acos: ag.acos,
  atan: ag.atan,
  log2: ag.log2,
  log10: ag.log10,
  max: ag.max,
  min: ag.min,
  floor: ag.floor,
  ceil: ag.ceil,
  round: ag.round,
  trunc: ag.trunc,
  reciprocal: ag.reciprocal,
  clone: ag.clone,
  detach: (a) => a.detach(),
  t: ag.t,
};

/** Ops that take integer arguments (dims or a shape), passed as one list. */
const SHAPE: Record<string, (a: Tensor, args: number[]) => Tensor> = {
  reshape: (a, shape) => ag.reshape(a, shape),
  expand: (a, shape) => ag.expand(a, shape),
  permute: (a, dims) => ag.permute(a, dims),
  transpose: (a, [dim0, dim1]) => ag.transpose(a, dim0, dim1),
  unsqueeze: (a, [dim]) => ag.unsqueeze(a, dim),
  squeeze: (a, [dim]) => ag.squeeze(a, dim),
};

/** Ops along one dim: `[dim]`, or `[dim, keepdim]` for max/min/argmax/argmin. */
const ALONG_DIM: Record<string, (a: Tensor, dim: number, keepdim: boolean) => Tensor | Tensor[]> = {
  cumsum: (a, dim) => ag.cumsum(a, dim),
  softmax: (a, dim) => ag.softmax(a, dim),
  log_softmax: (a, dim) => ag.logSoftmax(a, dim),
  max: (a, dim, keepdim) => valuesIndices(ag.maxDim(a, dim, keepdim)),
  min: (a, dim, keepdim) => valuesIndices(ag.minDim(a, dim, keepdim)),
  argmax: (a, dim, keepdim) => ag.argmax(a, dim, keepdim),
  argmin: (a, dim, keepdim) => ag.argmin(a, dim, keepdim),
};

function valuesIndices({ values, indices }: ag.ValuesIndices): Tensor[] {
  return [values, indices];
}

/** argmax/argmin over the flattened tensor (dim=None). */
const FLAT_INDEX: Record<string, (a: Tensor, keepdim: boolean) => Tensor> = {
  argmax: (a, keepdim) => ag.argmax(a, null, keepdim),
  argmin: (a, keepdim) => ag.argmin(a, null, keepdim),
};

const REDUCE: Record<string, (a: Tensor, options?: ag.ReduceOptions) => Tensor> = {
  sum: ag.sum,
  mean: ag.mean,
};

const IN_PLACE: Record<string, BinaryOp> = {
  add_: (a, b, k, alpha) => ag.add_(a, b, { scalarKind: k, alpha }),
  sub_: (a, b, k, alpha) => ag.sub_(a, b, { scalarKind: k, alpha }),
  mul_: (a, b, k) => ag.mul_(a, b, { scalarKind: k }),
  div_: (a, b, k) => ag.div_(a, b, { scalarKind: k }),
  fill_: (a, b) => ag.fill_(a, Number(b)),
  copy_: (a, b) => ag.copy_(a, isTensor(b) ? b : ag.wrapScalar(b)),
  pow_: (a, b, k) => ag.inPlace(a, (x) => ag.pow(x, b, { scalarKind: k }), [b]),
  zero_: (a) => ag.zero_(a),
};

function isTensor(value: unknown): value is Tensor {
  return value instanceof ag.Tensor;
}

function tensorOperand(value: Operand): Tensor {
  if (!isTensor(value))
    throw new ag.TorchError('TypeError', 'expected a Tensor as the second operand');
  return value;
}

function unsupported(what: string): ag.TorchError {
  return new ag.TorchError('NotImplementedError', `${what} is not supported in Gradlab yet`);
}

/** Names the node that made `result` by the cell line that ran the op (for the graph panel). */
function labelLine(result: Tensor, line: number): Tensor {
  if (line > 0 && result.gradFn !== null && result.gradFn.label === null)
    result.gradFn.label = `line ${line}`;
  return result;
}

function op(
  name: string,
  a: Tensor,
  b: Operand | ReduceArgs | null,
  line: number,
  kind?: ScalarKind,
  alpha = 1,
): Tensor {
  const unary = UNARY[name];
  if (unary !== undefined) return labelLine(unary(a), line);
  const reduce = REDUCE[name];
  if (reduce !== undefined) {
    const [dim, keepdim] = Array.isArray(b) ? b : [null, false];
    return labelLine(reduce(a, dim === null ? undefined : { dim, keepdim }), line);
  }
  const binary = BINARY[name];
  if (binary === undefined || b === null || Array.isArray(b)) throw unsupported(`torch op ${name}`);
  return labelLine(binary(a, b, kind, alpha), line);
}

function inplace(name: string, a: Tensor, b: Operand | null, kind?: ScalarKind, alpha = 1): void {
  const apply = IN_PLACE[name];
  if (apply !== undefined) {
    apply(a, b ?? 0, kind, alpha);
    return;
  }
  // x.exp_() and the like: the out-of-place op written back, under the in-place rules.
  const unary = name.endsWith('_') ? UNARY[name.slice(0, -1)] : undefined;
  if (unary === undefined) throw unsupported(`Tensor.${name}`);
  ag.inPlace(a, unary);
}

function gradFnName(a: Tensor): string | undefined {
  return a.gradFn?.name;
}

function repr(a: Tensor, options: Readonly<PrintOptions>): string {
  return formatTensor(
    a.values(),
    [...a.shape],
    a.dtype,
    { gradFn: gradFnName(a), requiresGrad: a.requiresGrad },
    options,
  );
}

const nodeIds = new WeakMap<ag.Node, number>();
// eslint-disable-next-line no-restricted-syntax -- ids Python sees for grad_fn objects, as PyTorch's are global
let nextNodeId = 1;

/** `[name, id, next_functions, isCustom]` of a grad_fn (ids let Python reuse its objects). */
function nodeInfo(node: ag.Node): [string, number, [ag.Node | undefined, number][], boolean] {
  let id = nodeIds.get(node);
  if (id === undefined) {
    id = nextNodeId++;
    nodeIds.set(node, id);
  }
  return [
    node.name,
    id,
    node.nextFunctions.map(([next, nr]) => [orNone(next), nr]),
    node.op === 'custom',
  ];
}

/** JavaScript's null reaches Python as `jsnull`, not None: absent values cross as undefined. */
function orNone<T>(value: T | null): T | undefined {
  return value ?? undefined;
}

/** `x.data = value`: x takes value's numbers, unseen by autograd (same shape only here). */
function setData(a: Tensor, value: Tensor): void {
  if (value.data === a.data) return; // `x.data -= ...` assigns back the alias it changed
  if (value.shape.join(',') !== a.shape.join(','))
    throw unsupported('assigning .data of a different shape');
  a.data.set(ag.toDType(value.detach(), a.dtype).values());
}

/** F.linear: input @ weight.T + bias, one addmm node for a batch (a matrix), as in PyTorch. */
function linear(input: Tensor, weight: Tensor, bias: Tensor | null, line: number): Tensor {
  const transposed = labelLine(ag.t(weight), line);
  if (input.ndim === 2 && bias !== null) return labelLine(ag.addmm(bias, input, transposed), line);
  const output = labelLine(ag.matmul(input, transposed), line);
  // In place on the fresh product, as PyTorch does (AddBackward0).
  return bias === null ? output : labelLine(ag.add_(output, bias), line);
}

/** PyTorch 1.13's zero_grad of one parameter: its .grad set to None, or detached and zeroed. */
function zeroGrad(parameter: Tensor, setToNone: boolean): void {
  let grad = parameter.grad;
  if (grad === null) return;
  if (setToNone) {
    parameter.grad = null;
    return;
  }
  if (grad.gradFn !== null) parameter.grad = grad = grad.detach();
  else grad.requiresGrad_(false);
  ag.zero_(grad);
}

function setGrad(a: Tensor, grad: Tensor | null): void {
  a.grad = grad ?? null;
}

function nonNull(tensors: (Tensor | null | undefined)[]): (Tensor | null)[] {
  return tensors.map((t) => t ?? null);
}

/** Records the graph of each backward() for the symbolic panel, leaves named as in Python. */
function backwardRecordedBy(recorder: GraphRecorder) {
  return (
    outputs: Tensor[],
    grads: (Tensor | null | undefined)[],
    retainGraph: boolean,
    createGraph: boolean,
    labels: [Tensor, string][],
    line: number,
    inputs?: Tensor[],
  ): void => {
    for (const [tensor, name] of labels) if (tensor.isLeaf) tensor.label = name;
    // A loop calls backward() from one line many times: its first graph stands for them all
    // (exporting each one took about 40% of a small training step, and the panel would repeat).
    const trace = recorder.has(line) ? undefined : new ag.BackwardRecording();
    const options = { retainGraph, createGraph, trace };
    if (inputs === undefined) ag.backward(outputs, nonNull(grads), options);
    else backwardInto(inputs, outputs, nonNull(grads), options);
    if (trace === undefined) return;
    for (const output of outputs)
      recorder.record({ line, ...ag.exportGraphWithTrace(output, trace) });
  };
}

/**
 * backward(inputs=...): gradients accumulate into these tensors' `.grad` only (non-leaves
 * included), as torch's AccumulateGrad does: the first one stored, later ones added.
 */
function backwardInto(
  inputs: Tensor[],
  outputs: Tensor[],
  gradOutputs: (Tensor | null)[],
  options: ag.BackwardOptions,
): void {
  const createGraph = options.createGraph === true;
  const grads = ag.autogradGrad(outputs, inputs, { ...options, gradOutputs, allowUnused: true });
  inputs.forEach((input, i) => {
    const g = grads[i];
    if (g === null) return;
    const current = input.grad;
    if (createGraph) input.grad = current === null ? ag.clone(g) : ag.add(current, g);
    else if (current === null) input.grad = ag.noGrad(() => ag.clone(g));
    else ag.noGrad(() => ag.add_(current, g));
  });
}

type Forward = PyCallback<[ag.FunctionCtx], Tensor | Tensor[]>;
type Backward = PyCallback<[ag.FunctionCtx, Tensor[]], (Tensor | undefined)[]>;

/**
 * torch.autograd.Function.apply: the student's forward runs now; their backward is kept by the
 * graph until it is freed, when its proxy (and the Python context it holds) is destroyed.
 */
function applyFunction(
  name: string,
  inputs: (Tensor | undefined)[],
  forward: Forward,
  backward: Backward,
  line: number,
): Tensor[] {
  const result = ag.applyFunction({
    name,
    inputs: nonNull(inputs),
    forward: checked(forward),
    backward: checked(backward),
    onRelease: () => backward.destroy(),
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) labelLine(output, line);
  return outputs;
}

/** gradcheck over a Python callable (the proxy lives for this call only). */
function gradcheck(
  fn: PyCallback<[Tensor[]], Tensor | Tensor[]>,
  inputs: Tensor[],
  eps: number,
  atol: number,
  rtol: number,
  raiseException: boolean,
): boolean {
  try {
    return ag.gradcheck(checked(fn), inputs, { eps, atol, rtol, raiseException });
  } finally {
    fn.destroy();
  }
}

/**
 * A sampler as Python passes it: the method's name, its numbers (null for an argument left out)
 * and, for bernoulli_ with a tensor of probabilities, that tensor.
 */
function sampler(kind: string, args: (number | null | undefined)[], p?: Tensor): ag.Sampler {
  const [a, b] = args.map((x) => x ?? null);
  switch (kind) {
    case 'uniform':
      return { kind, from: a ?? 0, to: b ?? 1 };
    case 'normal':
      return { kind, mean: a ?? 0, std: b ?? 1 };
    case 'random':
      return b === null ? { kind, from: null, to: a } : { kind, from: a, to: b };
    case 'bernoulli':
      return { kind, p: p ?? a ?? 0.5 };
    case 'exponential':
      return { kind, lambd: a ?? 1 };
  }
  throw unsupported(`sampling by ${kind}`);
}

export function createEngineModule(recorder: GraphRecorder): Record<string, unknown> {
  // torch.set_printoptions: kept for the life of the interpreter, as PyTorch's PRINT_OPTS.
  let printOptions: Readonly<PrintOptions> = DEFAULT_PRINT_OPTIONS;
  // torch.default_generator: one per interpreter, seeded at random at start-up as in PyTorch.
  const defaultGenerator = new ag.CPUGenerator();
  defaultGenerator.seedRandomly();
  return {
    defaultGenerator,
    newGenerator: () => new ag.CPUGenerator(),
    // Seeds cross as decimal text: Python's ints are 64-bit, JavaScript's numbers exact to 2**53.
    manualSeed: (gen: ag.CPUGenerator, seed: string) => gen.manualSeed(BigInt(seed)),
    initialSeed: (gen: ag.CPUGenerator) => gen.seed.toString(),
    seedRandomly: (gen: ag.CPUGenerator) => gen.seedRandomly().toString(),
    drawSeed: (gen: ag.CPUGenerator) => gen.int63().toString(),
    getState: (gen: ag.CPUGenerator) => gen.getState(),
    setState: (gen: ag.CPUGenerator, bytes: Uint8Array) => gen.setState(bytes),
    randomTensor: (
      kind: string,
      args: (number | null)[],
      shape: number[],
      dtype: DType,
      gen: ag.CPUGenerator,
      requiresGrad: boolean,
    ) => ag.randomTensor(shape, dtype, sampler(kind, args), gen, requiresGrad),
    sampleInPlace: (
      kind: string,
      a: Tensor,
      args: (number | null)[],
      gen: ag.CPUGenerator,
      p?: Tensor,
    ) => ag.sample_(a, sampler(kind, args, p), gen),
    randperm: (n: number, dtype: DType, gen: ag.CPUGenerator, requiresGrad: boolean) =>
      ag.randperm(n, dtype, gen, requiresGrad),
    tensor: (values: number[], shape: number[], dtype: DType, requiresGrad: boolean) =>
      ag.tensor(values, shape, { dtype, requiresGrad }),
    full: (shape: number[], value: number, dtype: DType, requiresGrad: boolean) =>
      ag.full(shape, value, { dtype, requiresGrad }),
    linspace: (start: number, end: number, steps: number, dtype: DType, requiresGrad: boolean) =>
      ag.linspace(start, end, steps, { dtype, requiresGrad }),
    arange: (start: number, end: number, step: number, dtype: DType, requiresGrad: boolean) =>
      ag.arange(start, end, step, { dtype, requiresGrad }),
    op,
    clamp: (
      a: Tensor,
      min: number | null,
      max: number | null,
      line: number,
      boundIsFloat: boolean,
    ) => labelLine(ag.clamp(a, { min: min ?? null, max: max ?? null, boundIsFloat }), line),
    cast: (a: Tensor, dtype: DType) => ag.toDType(a, dtype),
    shapeOp: (name: string, a: Tensor, args: number[], line: number) => {
      const apply = SHAPE[name];
      if (apply === undefined) throw unsupported(`Tensor.${name}`);
      return labelLine(apply(a, args), line);
    },
    linear: (input: Tensor, weight: Tensor, bias: Tensor | null, line: number) =>
      linear(input, weight, bias ?? null, line),
    zeroGrads: (parameters: Tensor[], setToNone: boolean) => {
      for (const parameter of parameters) zeroGrad(parameter, setToNone);
    },
    sgdSteps: (parameters: Tensor[], lr: number) => {
      for (const parameter of parameters)
        if (parameter.grad !== null) ag.add_(parameter, parameter.grad, { alpha: -lr });
    },
    addmm: (bias: Tensor, mat1: Tensor, mat2: Tensor, line: number) =>
      labelLine(ag.addmm(bias, mat1, mat2), line),
    mseLoss: (input: Tensor, target: Tensor, reduction: ag.Reduction, line: number) =>
      labelLine(ag.mseLoss(input, target, reduction), line),
    binaryCrossEntropy: (
      input: Tensor,
      target: Tensor,
      reduction: ag.Reduction,
      weight: Tensor | null,
      line: number,
    ) => labelLine(ag.binaryCrossEntropy(input, target, reduction, weight ?? null), line),
    binaryCrossEntropyWithLogits: (
      input: Tensor,
      target: Tensor,
      reduction: ag.Reduction,
      weight: Tensor | null,
      posWeight: Tensor | null,
      line: number,
    ) =>
      labelLine(
        ag.binaryCrossEntropyWithLogits(
          input,
          target,
          reduction,
          weight ?? null,
          posWeight ?? null,
        ),
        line,
      ),
    nllLoss: (
      input: Tensor,
      target: Tensor,
      reduction: ag.Reduction,
      weight: Tensor | null,
      ignoreIndex: number,
      line: number,
    ) =>
      labelLine(
        ag.nllLoss(input, target, { reduction, weight: weight ?? null, ignoreIndex }),
        line,
      ),
    addcmul_: (a: Tensor, t1: Tensor, t2: Tensor, value: number) => ag.addcmul_(a, t1, t2, value),
    addcdiv_: (a: Tensor, t1: Tensor, t2: Tensor, value: number) => ag.addcdiv_(a, t1, t2, value),
    leakyRelu: (a: Tensor, slope: number, line: number) => labelLine(ag.leakyRelu(a, slope), line),
    stdVar: (
      a: Tensor,
      takeSqrt: boolean,
      dim: number[] | null,
      correction: number,
      keepdim: boolean,
      line: number,
    ) => labelLine(ag.stdVar(a, takeSqrt, { dim: dim ?? null, correction, keepdim }), line),
    norm: (a: Tensor, dim: number[] | null, keepdim: boolean, line: number) =>
      labelLine(ag.vectorNorm(a, { dim, keepdim }), line),
    clampInPlace: (a: Tensor, min: number | null, max: number | null) =>
      ag.clamp_(a, { min: min ?? null, max: max ?? null }),
    where: (
      condition: Tensor,
      a: Operand,
      b: Operand,
      line: number,
      aKind?: ScalarKind,
      bKind?: ScalarKind,
    ) => labelLine(ag.where(condition, a, b, { aKind, bKind }), line),
    alongDim: (name: string, a: Tensor, dim: number | null, keepdim: boolean, line: number) => {
      if (dim === null || dim === undefined) {
        const flat = FLAT_INDEX[name];
        if (flat === undefined) throw unsupported(`torch.${name} without dim`);
        return flat(a, keepdim);
      }
      const apply = ALONG_DIM[name];
      if (apply === undefined) throw unsupported(`torch.${name}`);
      const result = apply(a, dim, keepdim);
      for (const t of Array.isArray(result) ? result : [result]) labelLine(t, line);
      return result;
    },
    join: (name: 'cat' | 'stack', tensors: Tensor[], dim: number, line: number) =>
      labelLine((name === 'cat' ? ag.cat : ag.stack)(tensors, dim), line),
    inplace,
    getitem: (a: Tensor, parts: IndexPart[], line: number) =>
      labelLine(ag.index(a, indexItems(parts)), line),
    setitem,
    values: (a: Tensor) => a.values(),
    formatTensor: (a: Tensor) => repr(a, printOptions),
    setPrintOptions: (options: PrintOptions) => {
      printOptions = Object.freeze({ ...options });
    },
    formatNumpyArray: (values: number[], shape: number[], dtype: DType) =>
      formatNumpyArray(values, shape, dtype),
    formatNumpyStr: (values: number[], shape: number[], dtype: DType) =>
      formatNumpyStr(values, shape, dtype),
    roundFloat32: Math.fround,
    formatFloat32Scalar: formatFloat32Shortest,
    grad: (a: Tensor) => orNone(a.grad),
    setGrad,
    setData,
    setRequiresGrad: (a: Tensor, flag: boolean) => a.requiresGrad_(flag),
    retainGrad: (a: Tensor) => a.retainGrad(),
    gradFn: (a: Tensor) => orNone(a.gradFn),
    nodeInfo,
    backward: backwardRecordedBy(recorder),
    autogradGrad: (
      outputs: Tensor[],
      inputs: Tensor[],
      gradOutputs: (Tensor | null | undefined)[],
      retainGraph: boolean,
      createGraph: boolean,
      allowUnused: boolean,
    ) =>
      ag
        .autogradGrad(outputs, inputs, {
          gradOutputs: nonNull(gradOutputs),
          retainGraph,
          createGraph,
          allowUnused,
        })
        .map(orNone),
    applyFunction,
    // Read through a call, so that freed state raises PyTorch's error in Python.
    ctxSavedTensors: (ctx: ag.FunctionCtx) => [...ctx.savedTensors],
    nodeSavedTensors: (node: ag.Node) => [...node.saved],
    gradcheck,
    setGradEnabled: (enabled: boolean) => {
      const previous = ag.isGradEnabled();
      ag.setGradEnabled(enabled);
      return previous;
    },
    isGradEnabled: ag.isGradEnabled,
    NON_LEAF_GRAD_WARNING: ag.NON_LEAF_GRAD_WARNING,
  };
}
