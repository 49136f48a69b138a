// floor_divide (`//`) and remainder (`%`) with Python's rounding toward -inf, as ATen computes
// them. floor_divide has no derivative in torch: its result is marked NotImplemented and
// backward through it fails. remainder's gradient is g for the dividend and
// -g * floor_divide(a, b) for a tensor divisor.
import { type ScalarKind } from '../dtype.ts';
import { runtimeError } from '../errors.ts';
import { Tensor } from '../tensor.ts';
import { isFloating } from '../dtype.ts';
import { allocate } from '../storage-pool.ts';
import { mul } from './binary.ts';
import { neg } from './unary.ts';
import { broadcastPair, promote, toTensor, type Operand } from './elementwise.ts';
import { record, recordDerivative } from './record.ts';
import { derivative } from '../derivative.ts';

type Kernel = (a: number, b: number, float32: boolean) => number;

/** ATen's div_floor_floating: the IEEE result for b = 0, else floor(a / b) computed exactly. */
function floorDivideFloat(a: number, b: number, float32: boolean): number {
  const round = float32 ? Math.fround : (v: number) => v;
  if (b === 0) return a / b;
  const mod = a % b;
  let quotient = round(round(a - mod) / b);
  if (mod !== 0 && b < 0 !== mod < 0) quotient = round(quotient - 1);
  if (quotient === 0) {
    const sign = a / b; // copysign(0, a / b)
    return sign < 0 || Object.is(sign, -0) ? -0 : 0;
  }
  let floored = Math.floor(quotient);
  if (quotient - floored > 0.5) floored += 1;
  return floored;
}

function remainderFloat(a: number, b: number, float32: boolean): number {
  const round = float32 ? Math.fround : (v: number) => v;
  const mod = a % b;
  return mod !== 0 && b < 0 !== mod < 0 ? round(mod + b) : mod;
}

function checkedInteger(b: number): void {
  if (b === 0) throw runtimeError('ZeroDivisionError');
}

const floorDivideInteger: Kernel = (a, b) => {
  checkedInteger(b);
  return Math.floor(a / b);
};

const remainderInteger: Kernel = (a, b) => {
  checkedInteger(b);
  const mod = a % b;
  return mod !== 0 && b < 0 !== mod < 0 ? mod + b : mod;
};

function elementwise(a: Tensor, b: Tensor, float: Kernel, integer: Kernel): Tensor {
  const dtype = promote(a, b);
  const line = broadcastPair(a, b, dtype);
  const out = allocate(dtype, line.n);
  const kernel = isFloating(dtype) ? float : integer;
  // float16/bfloat16 are computed in float32 and rounded by the caller.
  const float32 = dtype !== 'float64';
  for (let i = 0; i < line.n; i++)
    out[i] = kernel(line.a[i * line.as], line.b[i * line.bs], float32);
  return new Tensor(out, line.shape, dtype);
}

export interface DivisionOptions {
  /** How a Python scalar operand promotes (see ScalarOptions). */
  scalarKind?: ScalarKind;
}

/** torch.floor_divide(a, b) / `a // b` (`reflected`: `b // a` for a Python scalar b). */
export function floorDivide(a: Operand, b: Operand, options?: DivisionOptions): Tensor {
  const ta = toTensor(a, options?.scalarKind);
  const tb = toTensor(b, options?.scalarKind);
  return withoutDerivative(
    elementwise(ta, tb, floorDivideFloat, floorDivideInteger),
    'floor_divide',
    [ta, tb],
  );
}

/** Records an op torch has no derivative for: grad_fn=<NotImplemented>, backward fails. */
function withoutDerivative(result: Tensor, op: string, inputs: Tensor[]): Tensor {
  return record(result, {
    name: 'NotImplemented',
    op,
    inputs,
    backward: () => {
      throw runtimeError(`derivative for aten::${op} is not implemented`);
    },
  });
}

/** a - floor(a / b) * b: g for the dividend, -floor(a / b) · g for a tensor divisor. */
const REMAINDER_SCALAR = derivative<{ self: Tensor }>('RemainderBackward0', {
  self: { reads: [], tex: '{{g}}', grad: (g) => g },
});
const REMAINDER_TENSORS = derivative<{ self: Tensor; other: Tensor }>('RemainderBackward1', {
  self: { reads: [], tex: '{{g}}', grad: (g) => g },
  other: {
    reads: ['self', 'other'],
    tex: '-{{g}} \\cdot \\left\\lfloor \\frac{{{self}}}{{{other}}} \\right\\rfloor',
    grad: (g, { self, other }) => mul(neg(g), floorDivide(self, other)),
  },
});

/** torch.remainder(a, b) / `a % b`: RemainderBackward0 for a scalar divisor, 1 for a tensor. */
export function remainder(a: Operand, b: Operand, options?: DivisionOptions): Tensor {
  const ta = toTensor(a, options?.scalarKind);
  const tb = toTensor(b, options?.scalarKind);
  const result = elementwise(ta, tb, remainderFloat, remainderInteger);
  // A Python scalar dividend (`5 % x`) is torch's remainder.Scalar_Tensor: no derivative.
  if (typeof a !== 'object') return withoutDerivative(result, 'remainder', [ta, tb]);
  if (typeof b !== 'object')
    return recordDerivative(result, REMAINDER_SCALAR, {
      op: 'remainder',
      inputs: [ta],
      values: { self: ta },
      operands: [ta, Number(b)],
    });
  return recordDerivative(result, REMAINDER_TENSORS, {
    op: 'remainder',
    inputs: [ta, tb],
    values: { self: ta, other: tb },
    operands: [ta, tb],
  });
}
