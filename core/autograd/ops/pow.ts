// Powers: tensor ** scalar (PowBackward0), tensor ** tensor (PowBackward1), scalar ** tensor
// (PowBackward2), with ATen's fast paths for common exponents so float32 rounds as torch does.
import { derivative } from '../derivative.ts';
import { allocate, isFloating, type ScalarKind, type Storage } from '../dtype.ts';
import { runtimeError } from '../errors.ts';
import { Tensor } from '../tensor.ts';
import { logicalAnd, eq, ge, mul, sub } from './binary.ts';
import { zerosLike } from './creation.ts';
import {
  broadcastPair,
  promote,
  toTensor,
  type BinaryKernel,
  type Operand,
} from './elementwise.ts';
import { recordDerivative } from './record.ts';
import { log } from './unary.ts';
import { where } from './where.ts';

/** x ** e for a scalar exponent, as ATen's pow_tensor_scalar_optimized_kernel computes it. */
function powScalarKernel(o: Storage, x: Storage, n: number, e: number): void {
  const r = o instanceof Float32Array ? Math.fround : (v: number) => v;
  if (e === 2) for (let i = 0; i < n; i++) o[i] = x[i] * x[i];
  else if (e === 3) for (let i = 0; i < n; i++) o[i] = r(x[i] * x[i]) * x[i];
  else if (e === 0.5) for (let i = 0; i < n; i++) o[i] = Math.sqrt(x[i]);
  else if (e === -0.5) for (let i = 0; i < n; i++) o[i] = 1 / r(Math.sqrt(x[i]));
  else if (e === -1) for (let i = 0; i < n; i++) o[i] = 1 / x[i];
  else if (e === -2) for (let i = 0; i < n; i++) o[i] = 1 / r(x[i] * x[i]);
  else {
    // ATen's vectorised loop takes float32 in chunks of 16 (two AVX2 vectors) with the exponent
    // as a float; the remaining tail runs std::pow(float, double), the exponent kept double.
    const vectorised = o instanceof Float32Array ? n - (n % FLOAT32_CHUNK) : 0;
    const floatExponent = Math.fround(e);
    for (let i = 0; i < vectorised; i++) o[i] = Math.pow(x[i], floatExponent);
    for (let i = vectorised; i < n; i++) o[i] = Math.pow(x[i], e);
  }
}

const FLOAT32_CHUNK = 16;

const powTensorsKernel: BinaryKernel = (o, a, as, b, bs, n) => {
  for (let i = 0; i < n; i++) o[i] = Math.pow(a[i * as], b[i * bs]);
};

/** `scalarExponent`: a Python number exponent, which ATen keeps as a double. */
function compute(base: Tensor, exponent: Tensor, scalarExponent?: number): Tensor {
  const dtype = promote(base, exponent);
  const line = broadcastPair(base, exponent, dtype);
  const out = allocate(dtype, line.n);
  if (line.bs === 0 && isFloating(dtype))
    powScalarKernel(out, line.a, line.n, scalarExponent ?? line.b[0]);
  else powTensorsKernel(out, line.a, line.as, line.b, line.bs, line.n, 1);
  return new Tensor(out, line.shape, dtype);
}

const POWER = '{{g}} \\cdot {{exponent}} \\cdot {{self}}^{{{exponent}} - 1}';
const EXPONENTIAL = '{{g}} \\cdot {{result}} \\cdot \\ln {{self}}';

/** tensor ** scalar: `grad * (exponent * self.pow(exponent - 1))`, zero for exponent 0. */
const POW_SCALAR_EXPONENT = derivative<{ self: Tensor; exponent: number }>('PowBackward0', {
  self: {
    reads: ['self', 'exponent'],
    tex: POWER,
    grad: (g, { self, exponent: e }) =>
      e === 0 ? zerosLike(self) : mul(g, mul(pow(self, e - 1), e)),
  },
});

/** tensor ** tensor: each gradient zero where torch's pow_backward masks it. */
const POW_TENSORS = derivative<{ self: Tensor; exponent: Tensor; result: Tensor }>('PowBackward1', {
  self: {
    reads: ['self', 'exponent'],
    tex: POWER,
    grad: (g, { self, exponent: e }) =>
      where(eq(e, 0), zerosLike(g), mul(g, mul(e, pow(self, sub(e, 1))))),
  },
  exponent: {
    reads: ['self', 'exponent', 'result'],
    tex: EXPONENTIAL,
    grad: (g, { self, exponent: e, result }) =>
      mul(g, where(logicalAnd(ge(e, 0), eq(self, 0)), zerosLike(g), mul(result, log(self)))),
  },
});

/** scalar ** tensor: zero where the base is 0 and the exponent >= 0, as torch. */
const POW_SCALAR_BASE = derivative<{ self: number; exponent: Tensor; result: Tensor }>(
  'PowBackward2',
  {
    exponent: {
      reads: ['self', 'exponent', 'result'],
      tex: EXPONENTIAL,
      grad: (g, { self: b, exponent: e, result }) => {
        const chain = mul(result, Math.log(b), { scalarKind: 'float' });
        return mul(g, b === 0 ? where(ge(e, 0), zerosLike(result), chain) : chain);
      },
    },
  },
);

/**
 * torch.pow. `base ** exponent` with either a scalar: PowBackward0 for a scalar exponent,
 * PowBackward2 for a scalar base; PowBackward1 for two tensors.
 */
export function pow(
  base: Operand,
  exponent: Operand,
  options?: { scalarKind?: ScalarKind },
): Tensor {
  const kind = options?.scalarKind;
  if (typeof exponent === 'number' || typeof exponent === 'boolean') {
    const x = toTensor(base, kind);
    const e = Number(exponent);
    if (!isFloating(x.dtype) && Number.isInteger(e) && e < 0 && kind !== 'float')
      throw runtimeError('Integers to negative integer powers are not allowed.');
    return recordDerivative(compute(x, toTensor(exponent, kind), e), POW_SCALAR_EXPONENT, {
      op: 'pow',
      inputs: [x],
      values: { self: x, exponent: e },
      attrs: { exponent: e },
      operands: [x, e],
    });
  }
  if (typeof base === 'number' || typeof base === 'boolean') {
    const b = Number(base);
    const result = compute(toTensor(base, kind), exponent);
    return recordDerivative(result, POW_SCALAR_BASE, {
      op: 'pow',
      inputs: [exponent],
      values: { self: b, exponent, result },
      attrs: { base: b },
      operands: [b, exponent],
    });
  }
  const result = compute(base, exponent);
  return recordDerivative(result, POW_TENSORS, {
    op: 'pow',
    inputs: [base, exponent],
    values: { self: base, exponent, result },
  });
}
