// Powers: tensor ** scalar (PowBackward0), tensor ** tensor (PowBackward1), scalar ** tensor
// (PowBackward2), with ATen's fast paths for common exponents so float32 rounds as torch does.
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
import { record } from './record.ts';
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

/** `grad * (exponent * self.pow(exponent - 1))`, zero for exponent 0 (torch's pow_backward). */
function powBackwardSelf(g: Tensor, x: Tensor, e: number): Tensor {
  return e === 0 ? zerosLike(x) : mul(g, mul(pow(x, e - 1), e));
}

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
    return record(compute(x, toTensor(exponent, kind), e), {
      name: 'PowBackward0',
      op: 'pow',
      inputs: [x],
      saved: [x],
      attrs: { exponent: e },
      operands: [x, e],
      backward: ([g], node) => [powBackwardSelf(g, node.saved[0], e)],
    });
  }
  if (typeof base === 'number' || typeof base === 'boolean') {
    const b = Number(base);
    const result = compute(toTensor(base, kind), exponent);
    return record(result, {
      name: 'PowBackward2',
      op: 'pow',
      inputs: [exponent],
      saved: [exponent, result],
      attrs: { base: b },
      operands: [b, exponent],
      backward: ([g], node) => {
        const [e, r] = node.saved;
        const chain = mul(r, Math.log(b), { scalarKind: 'float' });
        return [mul(g, b === 0 ? where(ge(e, 0), zerosLike(r), chain) : chain)];
      },
    });
  }
  const result = compute(base, exponent);
  return record(result, {
    name: 'PowBackward1',
    op: 'pow',
    inputs: [base, exponent],
    saved: [base, exponent, result],
    backward: ([g], node) => {
      const [x, e, r] = node.saved;
      const zero = zerosLike(g);
      const gradSelf = node.needsInputGrad(0)
        ? where(eq(e, 0), zero, mul(g, mul(e, pow(x, sub(e, 1)))))
        : null;
      const gradExponent = node.needsInputGrad(1)
        ? mul(g, where(logicalAnd(ge(e, 0), eq(x, 0)), zero, mul(r, log(x))))
        : null;
      return [gradSelf, gradExponent];
    },
  });
}
