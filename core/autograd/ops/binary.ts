// Elementwise functions of two operands: one table entry each (loop, result dtype, gradients).
import {
  allocateForOverwrite,
  DEFAULT_FLOAT,
  isFloating,
  roundStorage,
  type ScalarKind,
  type Storage,
} from '../dtype.ts';
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
import { record, saveOperands, untracked } from './record.ts';
import { neg, reciprocal } from './unary.ts';

type Grads = [Tensor | null, Tensor | null];

interface BinaryEntry {
  gradFn: string;
  kernel: BinaryKernel;
  /** The WebAssembly SIMD kernel doing the same for float32 (see wasm/simd-loops.ts). */
  simd?: SimdOp;
  /** 'bool' for comparisons; 'float' when integer operands divide into float32. */
  result?: 'bool' | 'float';
  /**
   * The operands (0: a, 1: b) each input's gradient reads: [for a's, for b's]. As torch's
   * generated code does, an operand is saved for backward only when a gradient that reads it is
   * needed (`y * 1` does not save y, so changing y in place afterwards is fine).
   */
  reads?: readonly [readonly (0 | 1)[], readonly (0 | 1)[]];
  /**
   * Gradients for (a, b) given the output gradient; `k` is the entry's scalar (alpha...), `spare`
   * the storage of `g` when the engine gives it up (see BackwardFn).
   */
  grads?: (
    g: Tensor,
    a: Tensor,
    b: Tensor,
    k: number,
    needs: [boolean, boolean],
    spare: Storage | undefined,
  ) => Grads;
  /** Name of the scalar `k` in the graph export, when the op takes one. */
  scalar?: string;
}

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
    gradFn: 'AddBackward0',
    scalar: 'alpha',
    simd: 'add',
    kernel: (o, a, as, b, bs, n, k) => {
      if (k !== 1) fusedMultiplyAdd(o, a, as, b, bs, n, k);
      else if (as === 1 && bs === 1) for (let i = 0; i < n; i++) o[i] = a[i] + b[i];
      else if (bs === 0) for (let i = 0, s = b[0]; i < n; i++) o[i] = a[i * as] + s;
      else for (let i = 0; i < n; i++) o[i] = a[i * as] + b[i * bs];
    },
    grads: (g, _a, _b, k) => [g, k === 1 ? g : mul(g, k)],
  },
  sub: {
    gradFn: 'SubBackward0',
    scalar: 'alpha',
    simd: 'sub',
    kernel: (o, a, as, b, bs, n, k) => {
      if (k !== 1) fusedMultiplyAdd(o, a, as, b, bs, n, -k);
      else if (as === 1 && bs === 1) for (let i = 0; i < n; i++) o[i] = a[i] - b[i];
      else if (bs === 0) for (let i = 0, s = b[0]; i < n; i++) o[i] = a[i * as] - s;
      else for (let i = 0; i < n; i++) o[i] = a[i * as] - b[i * bs];
    },
    grads: (g, _a, _b, k) => [g, k === 1 ? neg(g) : mul(g, -k)],
  },
  mul: {
    gradFn: 'MulBackward0',
    reads: [[1], [0]],
    simd: 'mul',
    kernel: (o, a, as, b, bs, n) => {
      if (as === 1 && bs === 1) for (let i = 0; i < n; i++) o[i] = a[i] * b[i];
      else if (as === 1 && bs === 0) for (let i = 0, s = b[0]; i < n; i++) o[i] = a[i] * s;
      else if (bs === 0) for (let i = 0, s = b[0]; i < n; i++) o[i] = a[i * as] * s;
      else if (as === 0) for (let i = 0, s = a[0]; i < n; i++) o[i] = s * b[i];
      else for (let i = 0; i < n; i++) o[i] = a[i * as] * b[i * bs];
    },
    grads: (g, a, b, _k, needs, spare) => {
      // x * x: both gradients are the same product, bit for bit; compute it once.
      if (a === b && needs[0] && needs[1]) {
        const both = product(g, a, spare);
        return [both, both];
      }
      // Only the last product reading g may write over it.
      const ga = needs[0] ? product(g, b, needs[1] ? undefined : spare) : null;
      return [ga, needs[1] ? product(g, a, spare) : null];
    },
  },
  div: {
    gradFn: 'DivBackward0',
    reads: [[1], [0, 1]],
    result: 'float',
    simd: 'div',
    kernel: (o, a, as, b, bs, n) => {
      if (as === 1 && bs === 1) for (let i = 0; i < n; i++) o[i] = a[i] / b[i];
      else if (bs === 0) for (let i = 0, s = b[0]; i < n; i++) o[i] = a[i * as] / s;
      else for (let i = 0; i < n; i++) o[i] = a[i * as] / b[i * bs];
    },
    grads: (g, a, b, _k, needs) => [
      needs[0] ? div(g, b) : null,
      needs[1] ? mul(neg(g), div(div(a, b), b)) : null,
    ],
  },
  thresholdBackward: {
    gradFn: 'ThresholdBackwardBackward0',
    reads: [[1], []],
    scalar: 'threshold',
    simd: 'threshold',
    kernel: (o, a, as, b, bs, n, k) => {
      if (as === 1 && bs === 1) for (let i = 0; i < n; i++) o[i] = b[i] <= k ? 0 : a[i];
      else for (let i = 0; i < n; i++) o[i] = b[i * bs] <= k ? 0 : a[i * as];
    },
    grads: (g, _a, b, k) => [thresholdBackward(g, b, k), null],
  },
  tanhBackward: {
    gradFn: 'TanhBackwardBackward0',
    reads: [[1], [0, 1]],
    // g * (1 - y*y): ATen's kernel is compiled with y*y fused into the subtraction (one rounding;
    // a float32 square is exact in a double).
    kernel: (o, a, as, b, bs, n) => {
      if (o instanceof Float32Array)
        for (let i = 0; i < n; i++) o[i] = a[i * as] * Math.fround(1 - b[i * bs] * b[i * bs]);
      else for (let i = 0; i < n; i++) o[i] = a[i * as] * fma64(-b[i * bs], b[i * bs], 1);
    },
    grads: (g, a, b, _k, needs) => [
      needs[0] ? tanhBackward(g, b) : null,
      needs[1] ? mul(mul(g, a), mul(b, -2)) : null,
    ],
  },
  lt: {
    gradFn: '',
    result: 'bool',
    kernel: (o, a, as, b, bs, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i * as] < b[i * bs] ? 1 : 0;
    },
  },
  le: {
    gradFn: '',
    result: 'bool',
    kernel: (o, a, as, b, bs, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i * as] <= b[i * bs] ? 1 : 0;
    },
  },
  gt: {
    gradFn: '',
    result: 'bool',
    kernel: (o, a, as, b, bs, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i * as] > b[i * bs] ? 1 : 0;
    },
  },
  ge: {
    gradFn: '',
    result: 'bool',
    kernel: (o, a, as, b, bs, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i * as] >= b[i * bs] ? 1 : 0;
    },
  },
  eq: {
    gradFn: '',
    result: 'bool',
    kernel: (o, a, as, b, bs, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i * as] === b[i * bs] ? 1 : 0;
    },
  },
  ne: {
    gradFn: '',
    result: 'bool',
    kernel: (o, a, as, b, bs, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i * as] !== b[i * bs] ? 1 : 0;
    },
  },
  logicalAnd: {
    gradFn: '',
    result: 'bool',
    kernel: (o, a, as, b, bs, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i * as] && b[i * bs] ? 1 : 0;
    },
  },
  logicalOr: {
    gradFn: '',
    result: 'bool',
    kernel: (o, a, as, b, bs, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i * as] || b[i * bs] ? 1 : 0;
    },
  },
} satisfies Record<string, BinaryEntry>;

export type BinaryOp = keyof typeof BINARY;

const NO_READS = [[], []];

export interface ScalarOptions {
  /** How the host's Python scalar operand promotes (default: 'int' for whole numbers, else 'float'). */
  scalarKind?: ScalarKind;
}

/** `spare`: a storage the result may be written into (see allocateForOverwrite). */
function binary(
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
  roundStorage(out, dtype);
  const result = new Tensor(out, line.shape, dtype);
  const grads = entry.grads;
  if (grads === undefined) return result;
  const attrs: Attrs = entry.scalar === undefined ? {} : { [entry.scalar]: k };
  const { saved, restore } = saveOperands([ta, tb], [ta, tb], entry.reads ?? NO_READS);
  return record(result, {
    name: entry.gradFn,
    op,
    inputs: [ta, tb],
    saved,
    attrs,
    backward: ([g], node, spare) => {
      const [sa, sb] = restore(node);
      const needs: [boolean, boolean] = [node.needsInputGrad(0), node.needsInputGrad(1)];
      return grads(g, sa, sb, k, needs, spare[0] ? g.data : undefined);
    },
  });
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

/**
 * torch.rsub / the reflected `other - x` (times alpha): RsubBackward1 for a Python scalar `other`,
 * which is then not a graph input, RsubBackward0 for a tensor.
 */
export function rsub(x: Tensor, other: Operand, options?: AlphaOptions): Tensor {
  if (typeof other !== 'number' && typeof other !== 'boolean')
    return rsubTensors(x, other, options?.alpha ?? 1);
  const alpha = options?.alpha ?? 1;
  const result = untracked(() => sub(toTensor(other, options?.scalarKind), x, { alpha }));
  return record(result, {
    name: 'RsubBackward1',
    op: 'rsub',
    inputs: [x],
    attrs: { alpha },
    operands: [Number(other), x],
    backward: ([g]) => [alpha === 1 ? neg(g) : mul(g, -alpha)],
  });
}

function rsubTensors(x: Tensor, other: Tensor, alpha: number): Tensor {
  const result = untracked(() => sub(other, x, { alpha }));
  return record(result, {
    name: 'RsubBackward0',
    op: 'rsub',
    inputs: [x, other],
    attrs: { alpha },
    operands: [other, x],
    backward: ([g], node) => [
      node.needsInputGrad(0) ? (alpha === 1 ? neg(g) : mul(g, -alpha)) : null,
      node.needsInputGrad(1) ? g : null,
    ],
  });
}

/** The reflected `other / x` for a Python scalar: torch computes `x.reciprocal() * other` (MulBackward0). */
export function rdiv(x: Tensor, other: number | boolean, options?: ScalarOptions): Tensor {
  return mul(reciprocal(x), other, options);
}
