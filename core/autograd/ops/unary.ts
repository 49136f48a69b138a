// Elementwise functions of one tensor: one table entry each (loop, what backward saves, gradient).
import {
  allocateForOverwrite,
  isFloating,
  DEFAULT_FLOAT,
  roundStorage,
  type Storage,
} from '../dtype.ts';
import { simdBinary } from '../wasm/simd-loops.ts';
import { preciseCos, preciseSin } from '../precise-math.ts';
import { Tensor } from '../tensor.ts';
import { add, div, mul, rsub, tanhBackward, thresholdBackward } from './binary.ts';
import { zerosLike } from './creation.ts';
import { scalarExpF32, sleefExpF32, VECTORISED_LOOP_STEP } from './aten-float32.ts';
import { sleefExpF64, sleefLogF64, sleefTanhF64 } from './aten-float64.ts';
import { storageAs, type UnaryKernel } from './elementwise.ts';
import { record } from './record.ts';

/** ReLU's other operand for the float32 SIMD max (a one-element operand, read at step 0). */
const ZERO_F32 = new Float32Array(1);

interface UnaryEntry {
  gradFn: string;
  kernel: UnaryKernel;
  /** Integer inputs are computed in float32 ('float') or keep their dtype ('same'). */
  integers: 'float' | 'same';
  /** What the gradient formula reads: the input, the result, or nothing. */
  saves: 'input' | 'result' | 'none';
  /** `spare`: the storage of `g` when the engine gives it up (see BackwardFn). */
  grad: (g: Tensor, saved: Tensor, spare: Storage | undefined) => Tensor;
}

// The gradient formulas are PyTorch's (tools/autograd/derivatives.yaml), written with tensor ops
// so that create_graph can differentiate them again; float32 rounds after each op as in torch.
const UNARY = {
  neg: {
    gradFn: 'NegBackward0',
    integers: 'same',
    saves: 'none',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = -x[i];
    },
    grad: (g) => neg(g),
  },
  sin: {
    gradFn: 'SinBackward0',
    integers: 'float',
    saves: 'input',
    kernel: (o, x, n) => {
      if (o instanceof Float64Array) for (let i = 0; i < n; i++) o[i] = preciseSin(x[i]);
      else for (let i = 0; i < n; i++) o[i] = Math.sin(x[i]);
    },
    grad: (g, x) => mul(g, cos(x)),
  },
  cos: {
    gradFn: 'CosBackward0',
    integers: 'float',
    saves: 'input',
    kernel: (o, x, n) => {
      if (o instanceof Float64Array) for (let i = 0; i < n; i++) o[i] = preciseCos(x[i]);
      else for (let i = 0; i < n; i++) o[i] = Math.cos(x[i]);
    },
    grad: (g, x) => mul(g, neg(sin(x))),
  },
  tan: {
    gradFn: 'TanBackward0',
    integers: 'float',
    saves: 'result',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.tan(x[i]);
    },
    grad: (g, r) => mul(g, add(mul(r, r), 1)),
  },
  exp: {
    gradFn: 'ExpBackward0',
    integers: 'float',
    saves: 'result',
    kernel: (o, x, n) => {
      // ATen's exp is vml::vexp: Sleef's vectorised exp on every element (the last partial
      // vector too), which is not always the correctly rounded value.
      if (o instanceof Float32Array) for (let i = 0; i < n; i++) o[i] = sleefExpF32(x[i]);
      else for (let i = 0; i < n; i++) o[i] = sleefExpF64(x[i]);
    },
    grad: (g, r) => mul(g, r),
  },
  log: {
    gradFn: 'LogBackward0',
    integers: 'float',
    saves: 'input',
    kernel: (o, x, n) => {
      // float64: Sleef's log on every element, as ATen's vml::vlog.
      if (o instanceof Float64Array) for (let i = 0; i < n; i++) o[i] = sleefLogF64(x[i]);
      else for (let i = 0; i < n; i++) o[i] = Math.log(x[i]);
    },
    grad: (g, x) => div(g, x),
  },
  sqrt: {
    gradFn: 'SqrtBackward0',
    integers: 'float',
    saves: 'result',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.sqrt(x[i]);
    },
    grad: (g, r) => div(g, mul(r, 2)),
  },
  tanh: {
    gradFn: 'TanhBackward0',
    integers: 'float',
    saves: 'result',
    kernel: (o, x, n) => {
      // float64: Sleef's tanh on every element, as ATen's vml::vtanh.
      if (o instanceof Float64Array) for (let i = 0; i < n; i++) o[i] = sleefTanhF64(x[i]);
      else for (let i = 0; i < n; i++) o[i] = Math.tanh(x[i]);
    },
    grad: (g, r) => tanhBackward(g, r),
  },
  sigmoid: {
    gradFn: 'SigmoidBackward0',
    integers: 'float',
    saves: 'result',
    kernel: (o, x, n) => {
      if (o instanceof Float64Array) {
        for (let i = 0; i < n; i++) o[i] = 1 / (1 + Math.exp(-x[i]));
        return;
      }
      // float32 rounds exp and the sum as torch's kernel does; its vectorised loop takes 16
      // values at a time through Sleef's expf, the rest through the scalar expf.
      const vectorised = n - (n % VECTORISED_LOOP_STEP);
      for (let i = 0; i < n; i++) {
        const e = i < vectorised ? sleefExpF32(-x[i]) : scalarExpF32(-x[i]);
        o[i] = 1 / Math.fround(1 + e);
      }
    },
    grad: (g, r) => mul(mul(g, rsub(r, 1)), r),
  },
  relu: {
    gradFn: 'ReluBackward0',
    integers: 'same',
    saves: 'result',
    kernel: (o, x, n) => {
      const done = simdBinary('max', o, x, 1, ZERO_F32, 0, n, 1);
      for (let i = done; i < n; i++) o[i] = Math.max(x[i], 0); // NaN stays NaN, -0 becomes 0
    },
    grad: (g, r, spare) => thresholdBackward(g, r, 0, spare),
  },
  abs: {
    gradFn: 'AbsBackward0',
    integers: 'same',
    saves: 'input',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.abs(x[i]);
    },
    grad: (g, x) => mul(g, sign(x)),
  },
  sign: {
    gradFn: 'SignBackward0',
    integers: 'same',
    saves: 'none',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = x[i] > 0 ? 1 : x[i] < 0 ? -1 : x[i] === x[i] ? 0 : x[i];
    },
    grad: (g) => zerosLike(g),
  },
  reciprocal: {
    gradFn: 'ReciprocalBackward0',
    integers: 'float',
    saves: 'result',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = 1 / x[i];
    },
    grad: (g, r) => mul(neg(g), mul(r, r)),
  },
  sinh: {
    gradFn: 'SinhBackward0',
    integers: 'float',
    saves: 'input',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.sinh(x[i]);
    },
    grad: (g, x) => mul(g, cosh(x)),
  },
  cosh: {
    gradFn: 'CoshBackward0',
    integers: 'float',
    saves: 'input',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.cosh(x[i]);
    },
    grad: (g, x) => mul(g, sinh(x)),
  },
  asin: {
    gradFn: 'AsinBackward0',
    integers: 'float',
    saves: 'input',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.asin(x[i]);
    },
    grad: (g, x) => mul(g, rsqrtOneMinusSquare(x)),
  },
  acos: {
    gradFn: 'AcosBackward0',
    integers: 'float',
    saves: 'input',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.acos(x[i]);
    },
    grad: (g, x) => mul(g, neg(rsqrtOneMinusSquare(x))),
  },
  atan: {
    gradFn: 'AtanBackward0',
    integers: 'float',
    saves: 'input',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.atan(x[i]);
    },
    grad: (g, x) => div(g, add(mul(x, x), 1)),
  },
  log2: {
    gradFn: 'Log2Backward0',
    integers: 'float',
    saves: 'input',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.log2(x[i]);
    },
    grad: (g, x) => div(g, mul(x, Math.LN2, { scalarKind: 'float' })),
  },
  log10: {
    gradFn: 'Log10Backward0',
    integers: 'float',
    saves: 'input',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.log10(x[i]);
    },
    grad: (g, x) => div(g, mul(x, Math.LN10, { scalarKind: 'float' })),
  },
} satisfies Record<string, UnaryEntry>;

/** (1 - x*x).rsqrt() as torch's asin/acos gradients write it: (-x * x + 1), then 1 / sqrt. */
function rsqrtOneMinusSquare(x: Tensor): Tensor {
  return reciprocal(sqrt(add(mul(neg(x), x), 1)));
}

type UnaryOp = keyof typeof UNARY;

function unary(op: UnaryOp, x: Tensor): Tensor {
  const entry: UnaryEntry = UNARY[op];
  const dtype = isFloating(x.dtype) || entry.integers === 'same' ? x.dtype : DEFAULT_FLOAT;
  const out = allocateForOverwrite(dtype, x.data.length);
  entry.kernel(out, storageAs(x, dtype), out.length);
  roundStorage(out, dtype);
  const result = new Tensor(out, x.shape, dtype);
  const saved = entry.saves === 'input' ? x : entry.saves === 'result' ? result : null;
  return record(result, {
    name: entry.gradFn,
    op,
    inputs: [x],
    saved: saved === null ? [] : [saved],
    backward: ([g], node, spare) => [
      entry.grad(g, saved === null ? g : node.saved[0], spare[0] ? g.data : undefined),
    ],
  });
}

export const neg = (x: Tensor): Tensor => unary('neg', x);
export const sin = (x: Tensor): Tensor => unary('sin', x);
export const cos = (x: Tensor): Tensor => unary('cos', x);
export const tan = (x: Tensor): Tensor => unary('tan', x);
export const exp = (x: Tensor): Tensor => unary('exp', x);
export const log = (x: Tensor): Tensor => unary('log', x);
export const sqrt = (x: Tensor): Tensor => unary('sqrt', x);
export const tanh = (x: Tensor): Tensor => unary('tanh', x);
export const sigmoid = (x: Tensor): Tensor => unary('sigmoid', x);
export const relu = (x: Tensor): Tensor => unary('relu', x);
export const abs = (x: Tensor): Tensor => unary('abs', x);
export const sign = (x: Tensor): Tensor => unary('sign', x);
export const reciprocal = (x: Tensor): Tensor => unary('reciprocal', x);
export const sinh = (x: Tensor): Tensor => unary('sinh', x);
export const cosh = (x: Tensor): Tensor => unary('cosh', x);
export const asin = (x: Tensor): Tensor => unary('asin', x);
export const acos = (x: Tensor): Tensor => unary('acos', x);
export const atan = (x: Tensor): Tensor => unary('atan', x);
export const log2 = (x: Tensor): Tensor => unary('log2', x);
export const log10 = (x: Tensor): Tensor => unary('log10', x);
