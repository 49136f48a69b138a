// Elementwise functions of one tensor: one table entry each (loop, declared backward).
import { derivative, type Derivative } from '../derivative.ts';
import { allocateForOverwrite, isFloating, DEFAULT_FLOAT } from '../dtype.ts';
import { simdBinary } from '../wasm/simd-loops.ts';
import { preciseCos, preciseSin } from '../precise-math.ts';
import { Tensor } from '../tensor.ts';
import { add, div, mul, rsub, tanhBackward, thresholdBackward } from './binary.ts';
import { zerosLike } from './creation.ts';
import { scalarExpF32, sleefExpF32, VECTORISED_LOOP_STEP } from './aten-float32.ts';
import { sleefExpF64, sleefLogF64, sleefTanhF64 } from './aten-float64.ts';
import { storageAs, type UnaryKernel } from './elementwise.ts';
import { recordDerivative } from './record.ts';

/** ReLU's other operand for the float32 SIMD max (a one-element operand, read at step 0). */
const ZERO_F32 = new Float32Array(1);

/** What a unary gradient may read: the input `self` and the `result`. */
type UnaryValues = { self: Tensor; result: Tensor };

interface UnaryEntry {
  kernel: UnaryKernel;
  /** Integer inputs are computed in float32 ('float') or keep their dtype ('same'). */
  integers: 'float' | 'same';
  backward: Derivative<UnaryValues>;
}

// The gradient formulas are PyTorch's (tools/autograd/derivatives.yaml), written with tensor ops
// so that create_graph can differentiate them again; float32 rounds after each op as in torch.
const UNARY = {
  neg: {
    integers: 'same',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = -x[i];
    },
    backward: derivative<UnaryValues>('NegBackward0', {
      self: {
        reads: [],
        tex: '-{{g}}',
        grad: (g) => neg(g),
      },
    }),
  },
  sin: {
    integers: 'float',
    kernel: (o, x, n) => {
      if (o instanceof Float64Array) for (let i = 0; i < n; i++) o[i] = preciseSin(x[i]);
      else for (let i = 0; i < n; i++) o[i] = Math.sin(x[i]);
    },
    backward: derivative<UnaryValues>('SinBackward0', {
      self: {
        reads: ['self'],
        tex: '{{g}} \\cdot \\cos {{self}}',
        grad: (g, { self }) => mul(g, cos(self)),
      },
    }),
  },
  cos: {
    integers: 'float',
    kernel: (o, x, n) => {
      if (o instanceof Float64Array) for (let i = 0; i < n; i++) o[i] = preciseCos(x[i]);
      else for (let i = 0; i < n; i++) o[i] = Math.cos(x[i]);
    },
    backward: derivative<UnaryValues>('CosBackward0', {
      self: {
        reads: ['self'],
        tex: '{{g}} \\cdot (-\\sin {{self}})',
        grad: (g, { self }) => mul(g, neg(sin(self))),
      },
    }),
  },
  tan: {
    integers: 'float',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.tan(x[i]);
    },
    backward: derivative<UnaryValues>('TanBackward0', {
      self: {
        reads: ['result'],
        tex: '{{g}} \\cdot ({{result}}^{2} + 1)',
        grad: (g, { result }) => mul(g, add(mul(result, result), 1)),
      },
    }),
  },
  exp: {
    integers: 'float',
    kernel: (o, x, n) => {
      // ATen's exp is vml::vexp: Sleef's vectorised exp on every element (the last partial
      // vector too), which is not always the correctly rounded value.
      if (o instanceof Float32Array) for (let i = 0; i < n; i++) o[i] = sleefExpF32(x[i]);
      else for (let i = 0; i < n; i++) o[i] = sleefExpF64(x[i]);
    },
    backward: derivative<UnaryValues>('ExpBackward0', {
      self: {
        reads: ['result'],
        tex: '{{g}} \\cdot {{result}}',
        grad: (g, { result }) => mul(g, result),
      },
    }),
  },
  log: {
    integers: 'float',
    kernel: (o, x, n) => {
      // float64: Sleef's log on every element, as ATen's vml::vlog.
      if (o instanceof Float64Array) for (let i = 0; i < n; i++) o[i] = sleefLogF64(x[i]);
      else for (let i = 0; i < n; i++) o[i] = Math.log(x[i]);
    },
    backward: derivative<UnaryValues>('LogBackward0', {
      self: {
        reads: ['self'],
        tex: '\\frac{{{g}}}{{{self}}}',
        grad: (g, { self }) => div(g, self),
      },
    }),
  },
  sqrt: {
    integers: 'float',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.sqrt(x[i]);
    },
    backward: derivative<UnaryValues>('SqrtBackward0', {
      self: {
        reads: ['result'],
        tex: '\\frac{{{g}}}{2 \\cdot {{result}}}',
        grad: (g, { result }) => div(g, mul(result, 2)),
      },
    }),
  },
  tanh: {
    integers: 'float',
    kernel: (o, x, n) => {
      // float64: Sleef's tanh on every element, as ATen's vml::vtanh.
      if (o instanceof Float64Array) for (let i = 0; i < n; i++) o[i] = sleefTanhF64(x[i]);
      else for (let i = 0; i < n; i++) o[i] = Math.tanh(x[i]);
    },
    backward: derivative<UnaryValues>('TanhBackward0', {
      self: {
        reads: ['result'],
        tex: '{{g}} \\cdot (1 - {{result}}^{2})',
        grad: (g, { result }) => tanhBackward(g, result),
      },
    }),
  },
  sigmoid: {
    integers: 'float',
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
    backward: derivative<UnaryValues>('SigmoidBackward0', {
      self: {
        reads: ['result'],
        tex: '{{g}} \\cdot (1 - {{result}}) \\cdot {{result}}',
        grad: (g, { result }) => mul(mul(g, rsub(result, 1)), result),
      },
    }),
  },
  relu: {
    integers: 'same',
    kernel: (o, x, n) => {
      const done = simdBinary('max', o, x, 1, ZERO_F32, 0, n, 1);
      for (let i = done; i < n; i++) o[i] = Math.max(x[i], 0); // NaN stays NaN, -0 becomes 0
    },
    backward: derivative<UnaryValues>('ReluBackward0', {
      self: {
        reads: ['result'],
        tex: '{{g}} \\cdot [{{result}} > 0]',
        grad: (g, { result }, spare) => thresholdBackward(g, result, 0, spare),
      },
    }),
  },
  abs: {
    integers: 'same',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.abs(x[i]);
    },
    backward: derivative<UnaryValues>('AbsBackward0', {
      self: {
        reads: ['self'],
        tex: '{{g}} \\cdot \\operatorname{sgn} {{self}}',
        grad: (g, { self }) => mul(g, sign(self)),
      },
    }),
  },
  sign: {
    integers: 'same',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = x[i] > 0 ? 1 : x[i] < 0 ? -1 : x[i] === x[i] ? 0 : x[i];
    },
    backward: derivative<UnaryValues>('SignBackward0', {
      self: {
        reads: [],
        tex: '0',
        grad: (g) => zerosLike(g),
      },
    }),
  },
  reciprocal: {
    integers: 'float',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = 1 / x[i];
    },
    backward: derivative<UnaryValues>('ReciprocalBackward0', {
      self: {
        reads: ['result'],
        tex: '-{{g}} \\cdot {{result}}^{2}',
        grad: (g, { result }) => mul(neg(g), mul(result, result)),
      },
    }),
  },
  sinh: {
    integers: 'float',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.sinh(x[i]);
    },
    backward: derivative<UnaryValues>('SinhBackward0', {
      self: {
        reads: ['self'],
        tex: '{{g}} \\cdot \\cosh {{self}}',
        grad: (g, { self }) => mul(g, cosh(self)),
      },
    }),
  },
  cosh: {
    integers: 'float',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.cosh(x[i]);
    },
    backward: derivative<UnaryValues>('CoshBackward0', {
      self: {
        reads: ['self'],
        tex: '{{g}} \\cdot \\sinh {{self}}',
        grad: (g, { self }) => mul(g, sinh(self)),
      },
    }),
  },
  asin: {
    integers: 'float',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.asin(x[i]);
    },
    backward: derivative<UnaryValues>('AsinBackward0', {
      self: {
        reads: ['self'],
        tex: '\\frac{{{g}}}{\\sqrt{1 - {{self}}^{2}}}',
        grad: (g, { self }) => mul(g, rsqrtOneMinusSquare(self)),
      },
    }),
  },
  acos: {
    integers: 'float',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.acos(x[i]);
    },
    backward: derivative<UnaryValues>('AcosBackward0', {
      self: {
        reads: ['self'],
        tex: '-\\frac{{{g}}}{\\sqrt{1 - {{self}}^{2}}}',
        grad: (g, { self }) => mul(g, neg(rsqrtOneMinusSquare(self))),
      },
    }),
  },
  atan: {
    integers: 'float',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.atan(x[i]);
    },
    backward: derivative<UnaryValues>('AtanBackward0', {
      self: {
        reads: ['self'],
        tex: '\\frac{{{g}}}{{{self}}^{2} + 1}',
        grad: (g, { self }) => div(g, add(mul(self, self), 1)),
      },
    }),
  },
  log2: {
    integers: 'float',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.log2(x[i]);
    },
    backward: derivative<UnaryValues>('Log2Backward0', {
      self: {
        reads: ['self'],
        tex: '\\frac{{{g}}}{{{self}} \\cdot \\ln 2}',
        grad: (g, { self }) => div(g, mul(self, Math.LN2, { scalarKind: 'float' })),
      },
    }),
  },
  log10: {
    integers: 'float',
    kernel: (o, x, n) => {
      for (let i = 0; i < n; i++) o[i] = Math.log10(x[i]);
    },
    backward: derivative<UnaryValues>('Log10Backward0', {
      self: {
        reads: ['self'],
        tex: '\\frac{{{g}}}{{{self}} \\cdot \\ln 10}',
        grad: (g, { self }) => div(g, mul(self, Math.LN10, { scalarKind: 'float' })),
      },
    }),
  },
} satisfies Record<string, UnaryEntry>;

/** (1 - x*x).rsqrt() as torch's asin/acos gradients write it: (-x * x + 1), then 1 / sqrt. */
function rsqrtOneMinusSquare(x: Tensor): Tensor {
  return reciprocal(sqrt(add(mul(neg(x), x), 1)));
}

export type UnaryOp = keyof typeof UNARY;

export function unary(op: UnaryOp, x: Tensor): Tensor {
  const entry: UnaryEntry = UNARY[op];
  const dtype = isFloating(x.dtype) || entry.integers === 'same' ? x.dtype : DEFAULT_FLOAT;
  const out = allocateForOverwrite(dtype, x.data.length);
  entry.kernel(out, storageAs(x, dtype), out.length);
  const result = new Tensor(out, x.shape, dtype);
  return recordDerivative(result, entry.backward, { op, inputs: [x], values: { self: x, result } });
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
