// Elementwise functions of two operands: one table entry each (loop, result dtype, gradients).
import {
  allocateForOverwrite,
  DEFAULT_FLOAT,
  isFloating,
  type ScalarKind,
  type Storage,
} from '../dtype.ts';
import { derivative, type Derivative } from '../derivative.ts';
import { fma32, fma64 } from '../fused-multiply-add.ts';
import { simdBinary, type SimdOp } from '../wasm/simd-loops.ts';
import type { Attrs } from '../node.ts';
import { Tensor } from '../tensor.ts';
import {
  broadcastPair,
  promote,
  toTensor,
  type BinaryKernel,
  type Broadcast,
  type Operand,
} from './elementwise.ts';
import { recordDerivative, untracked } from './record.ts';
import { zerosLike } from './creation.ts';
import { neg, reciprocal } from './unary.ts';

interface BinaryEntry {
  kernel: BinaryKernel;
  /** The WebAssembly SIMD kernel doing the same for float32 (see wasm/simd-loops.ts). */
  simd?: SimdOp;
  /** 'bool' for comparisons; 'float' when integer operands divide into float32. */
  result?: 'bool' | 'float';
  /**
   * The declared backward (none for comparisons). As torch's generated code does, an operand is
   * saved only when a gradient that reads it may be needed (`y * 1` does not save y, so changing
   * y in place afterwards is fine).
   */
  backward?: Derivative<BinaryValues>;
  /** Name of the scalar `k` in the graph export and the formulas, when the op takes one. */
  scalar?: 'alpha' | 'threshold';
}

/** What a binary gradient may read: the operands, and the entry's scalar under its own name only. */
type BinaryValues = { self: Tensor; other: Tensor; alpha: number; threshold: number };

/**
 * a + k * b as ATen's add/sub with alpha computes it: fma(b, k, a) per element, rounded once, with
 * k rounded to float32 for float32 results (ATen's opmath type).
 */
const fusedMultiplyAdd: BinaryKernel = (o, a, as, b, bs, n, k) => {
  if (o instanceof Float32Array) {
    const kf = Math.fround(k);
    for (let i = 0; i < n; i++) o[i] = fma32(b[i * bs], kf, a[i * as]);
  } else for (let i = 0; i < n; i++) o[i] = fma64(b[i * bs], k, a[i * as]);
};

// Formulas from PyTorch's derivatives.yaml; the engine sums each gradient back to its input's
// shape after broadcasting, as torch's engine does. The hot loops have a same-shape variant:
// indexing by i alone runs markedly faster than i * step, and a scalar operand (step 0) is read
// once before the loop.
const BINARY = {
  add: {
    scalar: 'alpha',
    simd: 'add',
    kernel: (o, a, as, b, bs, n, k) => {
      if (k !== 1) fusedMultiplyAdd(o, a, as, b, bs, n, k);
      else if (as === 1 && bs === 1) for (let i = 0; i < n; i++) o[i] = a[i] + b[i];
      else if (bs === 0) for (let i = 0, s = b[0]; i < n; i++) o[i] = a[i * as] + s;
      else for (let i = 0; i < n; i++) o[i] = a[i * as] + b[i * bs];
    },
    backward: derivative<BinaryValues>('AddBackward0', {
      self: { reads: [], tex: '{{g}}', grad: (g) => g },
      other: {
        reads: ['alpha'],
        tex: '{{alpha}} \\cdot {{g}}',
        grad: (g, { alpha }) => (alpha === 1 ? g : mul(g, alpha)),
      },
    }),
  },
  sub: {
    scalar: 'alpha',
    simd: 'sub',
    kernel: (o, a, as, b, bs, n, k) => {
      if (k !== 1) fusedMultiplyAdd(o, a, as, b, bs, n, -k);
      else if (as === 1 && bs === 1) for (let i = 0; i < n; i++) o[i] = a[i] - b[i];
      else if (bs === 0) for (let i = 0, s = b[0]; i < n; i++) o[i] = a[i * as] - s;
      else for (let i = 0; i < n; i++) o[i] = a[i * as] - b[i * bs];
    },
    backward: derivative<BinaryValues>('SubBackward0', {
      self: { reads: [], tex: '{{g}}', grad: (g) => g },
      other: {
        reads: ['alpha'],
        tex: '-{{alpha}} \\cdot {{g}}',
        grad: (g, { alpha }) => (alpha === 1 ? neg(g) : mul(g, -alpha)),
      },
    }),
  },
  mul: {
    simd: 'mul',
    kernel: (o, a, as, b, bs, n) => {
      if (as === 1 && bs === 1) for (let i = 0; i < n; i++) o[i] = a[i] * b[i];
      else if (as === 1 && bs === 0) for (let i = 0, s = b[0]; i < n; i++) o[i] = a[i] * s;
      else if (bs === 0) for (let i = 0, s = b[0]; i < n; i++) o[i] = a[i * as] * s;
      else if (as === 0) for (let i = 0, s = a[0]; i < n; i++) o[i] = s * b[i];
      else for (let i = 0; i < n; i++) o[i] = a[i * as] * b[i * bs];
    },
    backward: derivative<BinaryValues>(
      'MulBackward0',
      {
        self: {
          reads: ['other'],
          tex: '{{g}} \\cdot {{other}}',
          grad: (g, { other }, spare) => product(g, other, spare),
        },
        other: {
          reads: ['self'],
          tex: '{{g}} \\cdot {{self}}',
          grad: (g, { self }, spare) => product(g, self, spare),
        },
      },
      // x * x: both gradients are the same product, bit for bit; computed once.
      { symmetric: true },
    ),
  },
  div: {
    result: 'float',
    simd: 'div',
    kernel: (o, a, as, b, bs, n) => {
      if (as === 1 && bs === 1) for (let i = 0; i < n; i++) o[i] = a[i] / b[i];
      else if (bs === 0) for (let i = 0, s = b[0]; i < n; i++) o[i] = a[i * as] / s;
      else for (let i = 0; i < n; i++) o[i] = a[i * as] / b[i * bs];
    },
    backward: derivative<BinaryValues>('DivBackward0', {
      self: {
        reads: ['other'],
        tex: '\\frac{{{g}}}{{{other}}}',
        grad: (g, { other }) => div(g, other),
      },
      other: {
        reads: ['self', 'other'],
        tex: '-{{g}} \\cdot \\frac{{{self}}}{{{other}}^{2}}',
        grad: (g, { self, other }) => mul(neg(g), div(div(self, other), other)),
      },
    }),
  },
  thresholdBackward: {
    scalar: 'threshold',
    simd: 'threshold',
    kernel: (o, a, as, b, bs, n, k) => {
      if (as === 1 && bs === 1) for (let i = 0; i < n; i++) o[i] = b[i] <= k ? 0 : a[i];
      else for (let i = 0; i < n; i++) o[i] = b[i * bs] <= k ? 0 : a[i * as];
    },
    backward: derivative<BinaryValues>('ThresholdBackwardBackward0', {
      self: {
        reads: ['other', 'threshold'],
        tex: '{{g}} \\cdot [{{other}} > {{threshold}}]',
        grad: (g, { other, threshold }) => thresholdBackward(g, other, threshold),
      },
      other: { reads: [], tex: '0', grad: (g) => zerosLike(g) },
    }),
  },
  tanhBackward: {
    // g * (1 - y*y): ATen's kernel is compiled with y*y fused into the subtraction (one rounding;
    // a float32 square is exact in a double).
    kernel: (o, a, as, b, bs, n) => {
      if (o instanceof Float32Array)
        for (let i = 0; i < n; i++) o[i] = a[i * as] * Math.fround(1 - b[i * bs] * b[i * bs]);
      else for (let i = 0; i < n; i++) o[i] = a[i * as] * fma64(-b[i * bs], b[i * bs], 1);
    },
    backward: derivative<BinaryValues>('TanhBackwardBackward0', {
      self: {
        reads: ['other'],
        tex: '{{g}} \\cdot (1 - {{other}}^{2})',
        grad: (g, { other }) => tanhBackward(g, other),
      },
      other: {
        reads: ['self', 'other'],
        tex: '-2 \\cdot {{g}} \\cdot {{self}} \\cdot {{other}}',
        grad: (g, { self, other }) => mul(mul(g, self), mul(other, -2)),
      },
    }),
  },
  lt: {
    result: 'bool',
    kernel: (o, a, as, b, bs, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i * as] < b[i * bs] ? 1 : 0;
    },
  },
  le: {
    result: 'bool',
    kernel: (o, a, as, b, bs, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i * as] <= b[i * bs] ? 1 : 0;
    },
  },
  gt: {
    result: 'bool',
    kernel: (o, a, as, b, bs, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i * as] > b[i * bs] ? 1 : 0;
    },
  },
  ge: {
    result: 'bool',
    kernel: (o, a, as, b, bs, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i * as] >= b[i * bs] ? 1 : 0;
    },
  },
  eq: {
    result: 'bool',
    kernel: (o, a, as, b, bs, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i * as] === b[i * bs] ? 1 : 0;
    },
  },
  ne: {
    result: 'bool',
    kernel: (o, a, as, b, bs, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i * as] !== b[i * bs] ? 1 : 0;
    },
  },
  logicalAnd: {
    result: 'bool',
    kernel: (o, a, as, b, bs, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i * as] && b[i * bs] ? 1 : 0;
    },
  },
  logicalOr: {
    result: 'bool',
    kernel: (o, a, as, b, bs, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i * as] || b[i * bs] ? 1 : 0;
    },
  },
} satisfies Record<string, BinaryEntry>;

export type BinaryOp = keyof typeof BINARY;

export interface ScalarOptions {
  /** How the host's Python scalar operand promotes (default: 'int' for whole numbers, else 'float'). */
  scalarKind?: ScalarKind;
}

/** `spare`: a storage the result may be written into (see allocateForOverwrite). */
export function binary(
  op: BinaryOp,
  a: Operand,
  b: Operand,
  k = 1,
  options?: ScalarOptions,
  spare?: Storage,
): Tensor {
  const entry: BinaryEntry = BINARY[op];
  const ta = toTensor(a, options?.scalarKind);
  const tb = toTensor(b, options?.scalarKind);
  const promoted = promote(ta, tb);
  const compute = entry.result === 'float' && !isFloating(promoted) ? DEFAULT_FLOAT : promoted;
  const line = broadcastPair(ta, tb, compute);
  const dtype = entry.result === 'bool' ? 'bool' : compute;
  const out = allocateForOverwrite(dtype, line.n, spare);
  runKernel(entry, out, line, k);
  const result = new Tensor(out, line.shape, dtype);
  if (entry.backward === undefined) return result;
  const attrs: Attrs = entry.scalar === undefined ? {} : { [entry.scalar]: k };
  const values = { self: ta, other: tb, ...attrs } as BinaryValues;
  return recordDerivative(result, entry.backward, { op, inputs: [ta, tb], values, attrs });
}

/** The entry's loop over `line`: its SIMD kernel as far as it goes, the JS loop for the rest. */
function runKernel(entry: BinaryEntry, out: Storage, line: Broadcast, k: number): void {
  const { a, as, b, bs, n } = line;
  const done = entry.simd === undefined ? 0 : simdBinary(entry.simd, out, a, as, b, bs, n, k);
  if (done === 0) entry.kernel(out, a, as, b, bs, n, k);
  else if (done < n)
    entry.kernel(out.subarray(done), rest(a, as, done), as, rest(b, bs, done), bs, n - done, k);
}

/** An operand from element `from` on (a one-element operand, step 0, stays whole). */
function rest(s: Storage, step: number, from: number): Storage {
  return step === 0 ? s : s.subarray(from * step);
}

export interface AlphaOptions extends ScalarOptions {
  alpha?: number;
}

/** The public function of a table op whose only extra option is the scalar's kind. */
const plain =
  (op: BinaryOp) =>
  (a: Operand, b: Operand, options?: ScalarOptions): Tensor =>
    binary(op, a, b, 1, options);
/** add and sub: `a + alpha * b`, `a - alpha * b`. */
const withAlpha =
  (op: BinaryOp) =>
  (a: Operand, b: Operand, options?: AlphaOptions): Tensor =>
    binary(op, a, b, options?.alpha ?? 1, options);

/** a * b, written into `spare` when it fits. */
function product(a: Tensor, b: Tensor, spare: Storage | undefined): Tensor {
  return binary('mul', a, b, 1, undefined, spare);
}

export const add = withAlpha('add');
export const sub = withAlpha('sub');
export const mul = plain('mul');
export const div = plain('div');
export const lt = plain('lt');
export const le = plain('le');
export const gt = plain('gt');
export const ge = plain('ge');
export const eq = plain('eq');
export const ne = plain('ne');
export const logicalAnd = (a: Operand, b: Operand): Tensor => binary('logicalAnd', a, b);
export const logicalOr = (a: Operand, b: Operand): Tensor => binary('logicalOr', a, b);

/** ReLU's backward (torch's threshold_backward): the gradient where `result` > threshold, else 0. */
export const thresholdBackward = (
  g: Tensor,
  result: Tensor,
  threshold: number,
  spare?: Storage,
): Tensor => binary('thresholdBackward', g, result, threshold, undefined, spare);

/** tanh's backward (torch's tanh_backward): g * (1 - y*y) for the saved result y. */
export const tanhBackward = (g: Tensor, result: Tensor): Tensor =>
  binary('tanhBackward', g, result);

/** `-alpha · g`, the gradient of the subtracted operand. */
const SUBTRACTED = {
  reads: ['alpha'],
  tex: '-{{alpha}} \\cdot {{g}}',
  grad: (g: Tensor, { alpha }: { alpha: number }) => (alpha === 1 ? neg(g) : mul(g, -alpha)),
} as const;
const RSUB_SCALAR = derivative<{ alpha: number }>('RsubBackward1', { self: SUBTRACTED });
const RSUB_TENSORS = derivative<{ alpha: number }>('RsubBackward0', {
  self: SUBTRACTED,
  other: { reads: [], tex: '{{g}}', grad: (g) => g },
});

/**
 * torch.rsub / the reflected `other - x` (times alpha): RsubBackward1 for a Python scalar `other`,
 * which is then not a graph input, RsubBackward0 for a tensor.
 */
export function rsub(x: Tensor, other: Operand, options?: AlphaOptions): Tensor {
  const alpha = options?.alpha ?? 1;
  if (typeof other !== 'number' && typeof other !== 'boolean') {
    const result = untracked(() => sub(other, x, { alpha }));
    return recordDerivative(result, RSUB_TENSORS, {
      op: 'rsub',
      inputs: [x, other],
      values: { alpha },
      attrs: { alpha },
      operands: [other, x],
    });
  }
  const result = untracked(() => sub(toTensor(other, options?.scalarKind), x, { alpha }));
  return recordDerivative(result, RSUB_SCALAR, {
    op: 'rsub',
    inputs: [x],
    values: { alpha },
    attrs: { alpha },
    operands: [Number(other), x],
  });
}

/** The reflected `other / x` for a Python scalar: torch computes `x.reciprocal() * other` (MulBackward0). */
export function rdiv(x: Tensor, other: number | boolean, options?: ScalarOptions): Tensor {
  return mul(reciprocal(x), other, options);
}
