// PyTorch 1.13's CPU kernels that have no float16 ('Half') version: calling them raises a
// RuntimeError naming the kernel. bfloat16 lacks only prod's.
import type { DType } from '../dtype.ts';
import { runtimeError } from '../errors.ts';

const KERNEL_OF_OP: Record<string, string> = {
  exp: 'exp_vml_cpu',
  log: 'log_vml_cpu',
  sqrt: 'sqrt_vml_cpu',
  sin: 'sin_vml_cpu',
  cos: 'cos_vml_cpu',
  tan: 'tan_vml_cpu',
  tanh: 'tanh_vml_cpu',
  asin: 'asin_vml_cpu',
  acos: 'acos_vml_cpu',
  atan: 'atan_vml_cpu',
  log2: 'log2_vml_cpu',
  log10: 'log10_vml_cpu',
  floor: 'floor_vml_cpu',
  ceil: 'ceil_vml_cpu',
  round: 'round_vml_cpu',
  trunc: 'trunc_vml_cpu',
  sinh: 'sinh_cpu',
  cosh: 'cosh_cpu',
  sigmoid: 'sigmoid_cpu',
  relu: 'clamp_min_cpu',
  clamp_min: 'clamp_min_cpu',
  clamp_max: 'clamp_max_cpu',
  clamp: 'clamp_scalar_cpu',
  cumsum: 'cumsum_out_cpu',
  softmax: 'softmax_lastdim_kernel_impl',
  log_softmax: 'log_softmax_lastdim_kernel_impl',
  prod: 'prod_cpu',
  dot: 'dot',
  matmul: 'addmm_impl_cpu_',
  mm: 'addmm_impl_cpu_',
  mv: 'addmm_impl_cpu_',
  addmm: 'addmm_impl_cpu_',
  linear: 'addmm_impl_cpu_',
};

/** Throws PyTorch's error when `op` (a torch function's name) has no float16 kernel. */
export function checkHalfKernel(op: string, ...dtypes: DType[]): void {
  const kernel = KERNEL_OF_OP[op];
  if (kernel !== undefined && dtypes.includes('float16'))
    throw runtimeError(`"${kernel}" not implemented for 'Half'`);
  if (op === 'prod' && dtypes.includes('bfloat16'))
    throw runtimeError(`"prod_cpu" not implemented for 'BFloat16'`);
}
