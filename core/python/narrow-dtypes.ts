// The bridge's rules for float16/bfloat16 and the narrow integers: results rounded to their
// dtype's precision (the engine computes them in float32, as PyTorch does), PyTorch 1.13's
// errors for the float16 kernels it lacks, and what Gradlab does not do with them yet.
import * as ag from '../autograd/index.ts';
import type { DType, Tensor } from '../autograd/index.ts';

const RANDOM_DTYPES: readonly DType[] = ['float32', 'float64', 'int64', 'bool'];

function unsupported(what: string): ag.TorchError {
  return new ag.TorchError('NotImplementedError', `${what} is not supported in Gradlab yet`);
}

/** An op's result made final: float16/bfloat16 values rounded, autograd of them refused. */
export function finishNarrow(result: Tensor): Tensor {
  if (ag.isReducedFloat(result.dtype)) {
    ag.roundStorage(result.data, result.dtype);
    refuseReducedGrad(result);
  }
  return result;
}

/** Gradients of float16/bfloat16 tensors would not be rounded as PyTorch rounds them. */
export function refuseReducedGrad(t: Tensor, requiresGrad = t.requiresGrad): void {
  if (requiresGrad && ag.isReducedFloat(t.dtype))
    throw unsupported(`autograd of ${ag.torchName(t.dtype)} tensors`);
}

/**
 * Ops whose bfloat16 kernels round between steps in ways Gradlab does not follow yet (the matrix
 * products round every product and partial sum; log_softmax its intermediate values).
 */
const BFLOAT16_UNFOLLOWED: ReadonlySet<string> = new Set([
  'matmul',
  'mm',
  'mv',
  'dot',
  'addmm',
  'linear',
  'log_softmax',
]);

/** PyTorch's error for an op without a float16 kernel (`name` as torch calls the op). */
export function checkKernel(name: string, ...operands: unknown[]): void {
  const dtypes = operands.filter((o): o is Tensor => o instanceof ag.Tensor).map((t) => t.dtype);
  ag.checkHalfKernel(name, ...dtypes);
  if (BFLOAT16_UNFOLLOWED.has(name) && dtypes.includes('bfloat16'))
    throw unsupported(`torch.${name} of torch.bfloat16 tensors`);
}

/** mean of float16/bfloat16 as PyTorch 1.13 computes it: the sum, rounded, then divided. */
export function meanOfNarrow(a: Tensor, options?: ag.ReduceOptions): Tensor {
  const total = finishNarrow(ag.sum(a, options));
  return ag.div(total, total.numel === 0 ? 0 : a.numel / total.numel);
}

/** Random draws Gradlab makes as PyTorch does: bounded integers of any dtype, else the four. */
export function checkRandomDType(kind: string, dtype: DType, bounded: boolean): void {
  if (RANDOM_DTYPES.includes(dtype) || (kind === 'random' && bounded && !ag.isFloating(dtype)))
    return;
  throw unsupported(`random numbers of dtype ${ag.torchName(dtype)}`);
}
