// Bitwise and, or, xor, not and the shifts of integer and bool tensors (torch's bitwise_* and
// <<, >>): two's complement on 64 bits as torch's int64, wrapping into the narrower integers.
import { isFloating, scalarTypeName, type ScalarKind } from '../dtype.ts';
import { runtimeError, TorchError } from '../errors.ts';
import { Tensor } from '../tensor.ts';
import { broadcastPair, promote, toTensor, type Operand } from './elementwise.ts';
import { allocate } from '../storage-pool.ts';

export type BitwiseOp = 'and' | 'or' | 'xor' | 'lshift' | 'rshift';

const KERNEL_NAMES: Record<BitwiseOp | 'not', string> = {
  and: 'bitwise_and_cpu',
  or: 'bitwise_or_cpu',
  xor: 'bitwise_xor_cpu',
  lshift: 'lshift_cpu',
  rshift: 'rshift_cpu',
  not: 'bitwise_not_cpu',
};

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

const fitsInt32 = (x: number): boolean => x >= INT32_MIN && x <= INT32_MAX;

/** One element on 64 bits; x86 masks a shift count to its low 6 bits, as torch's kernels see. */
function combine64(op: BitwiseOp, a: number, b: number): number {
  const x = BigInt(a);
  const y = BigInt(b);
  let result: bigint;
  switch (op) {
    case 'and':
      result = x & y;
      break;
    case 'or':
      result = x | y;
      break;
    case 'xor':
      result = x ^ y;
      break;
    case 'lshift':
      result = BigInt.asIntN(64, x << (y & 63n));
      break;
    case 'rshift':
      result = x >> (y & 63n);
      break;
  }
  const value = Number(result);
  if (BigInt(value) !== result)
    throw new TorchError(
      'NotImplementedError',
      'int64 results beyond 2**53 are not supported in Gradlab yet (Gradlab holds int64 in 53 bits)',
    );
  return value;
}

function combine(op: BitwiseOp, a: number, b: number): number {
  if (op === 'lshift' || op === 'rshift' || !fitsInt32(a) || !fitsInt32(b))
    return combine64(op, a, b);
  if (op === 'and') return a & b;
  return op === 'or' ? a | b : a ^ b;
}

function refuseFloats(op: BitwiseOp | 'not', dtype: Tensor['dtype']): void {
  if (isFloating(dtype))
    throw runtimeError(`"${KERNEL_NAMES[op]}" not implemented for '${scalarTypeName(dtype)}'`);
}

/** torch.bitwise_and/or/xor, bitwise_left_shift/right_shift (`kind`: a Python scalar's). */
export function bitwise(op: BitwiseOp, a: Operand, b: Operand, kind?: ScalarKind): Tensor {
  const ta = toTensor(a, kind);
  const tb = toTensor(b, kind);
  const promoted = promote(ta, tb);
  // A bool shifted makes an integer: torch shifts bools as 0/1 in int64.
  const dtype = promoted === 'bool' && (op === 'lshift' || op === 'rshift') ? 'int64' : promoted;
  refuseFloats(op, dtype);
  const line = broadcastPair(ta, tb, dtype);
  const out = allocate(dtype, line.n);
  for (let i = 0; i < line.n; i++) out[i] = combine(op, line.a[i * line.as], line.b[i * line.bs]);
  return new Tensor(out, line.shape, dtype);
}

/** torch.bitwise_not / `~`: logical not of bools, two's complement of integers. */
export function bitwiseNot(x: Tensor): Tensor {
  refuseFloats('not', x.dtype);
  const out = allocate(x.dtype, x.numel);
  for (let i = 0; i < out.length; i++) out[i] = x.dtype === 'bool' ? 1 - x.data[i] : -x.data[i] - 1;
  return new Tensor(out, x.shape, x.dtype);
}
