// Random tensors and in-place sampling (rand, randn, randint, randperm, uniform_, normal_,
// random_, bernoulli_, exponential_) from a CPUGenerator, with PyTorch 1.13's numbers and checks.
// New tensors are leaves, so `randn(3, requires_grad=True)` gets its .grad from backward.
import { isFloating, scalarTypeName, type DType } from '../dtype.ts';
import { allocateForOverwrite } from '../storage-pool.ts';
import { NOT_DIFFERENTIABLE_DTYPE, runtimeError, TorchError } from '../errors.ts';
import { isContiguous } from '../views.ts';
import { Tensor } from '../tensor.ts';
import {
  bernoulliFill,
  bernoulliTensorFill,
  exponentialFill,
  normalFill,
  randomFill,
  randomFromToFill,
  randpermFill,
  uniformFill,
} from '../random/distributions.ts';
import type { CPUGenerator } from '../random/generator.ts';
import { full, fullLike } from './creation.ts';
import { toDType } from './convert.ts';
import { expand } from './shape.ts';
import { inPlace } from './inplace.ts';
import { recordDerivative, untracked } from './record.ts';
import { derivative } from '../derivative.ts';

/** What to draw: the sampling method's name and its arguments, as the Python call gave them. */
export type Sampler =
  | { kind: 'uniform'; from: number; to: number }
  | { kind: 'normal'; mean: number; std: number }
  | { kind: 'random'; from: number | null; to: number | null }
  | { kind: 'bernoulli'; p: number | Tensor }
  | { kind: 'exponential'; lambd: number };

/** The kernel's name in PyTorch's "not implemented for 'Long'" message, for float-only draws. */
const FLOAT_ONLY_KERNELS: Partial<Record<Sampler['kind'], string>> = {
  uniform: 'check_uniform_bounds',
  normal: 'normal_kernel_cpu',
  exponential: 'exponential_cpu',
};

function check(sampler: Sampler, dtype: DType): void {
  const kernel = FLOAT_ONLY_KERNELS[sampler.kind];
  if (kernel !== undefined && !isFloating(dtype))
    throw runtimeError(`"${kernel}" not implemented for '${scalarTypeName(dtype)}'`);
  switch (sampler.kind) {
    case 'uniform':
      if (!(sampler.from <= sampler.to))
        throw runtimeError(
          `uniform_ expects to return a [from, to) range, but found from=${sampler.from} > to=${sampler.to}`,
        );
      return;
    case 'normal':
      if (!(sampler.std >= 0))
        throw runtimeError(`normal expects std >= 0.0, but found std ${sampler.std}`);
      return;
    case 'random':
      if (sampler.to !== null && !((sampler.from ?? 0) < sampler.to))
        throw runtimeError(
          `random_ expects 'from' to be less than 'to', but got from=${sampler.from ?? 0} >= to=${sampler.to}`,
        );
      return;
    case 'bernoulli':
      if (typeof sampler.p === 'number' && !(sampler.p >= 0 && sampler.p <= 1))
        throw runtimeError(`bernoulli_ expects p to be in [0, 1], but got p=${sampler.p}`);
      return;
    case 'exponential':
      if (!(sampler.lambd >= 0))
        throw runtimeError(`exponential_ expects lambda >= 0.0, but found lambda=${sampler.lambd}`);
  }
}

/** Fills `out` (a tensor nothing else sees yet) by the sampler. */
function fill(out: Tensor, sampler: Sampler, gen: CPUGenerator): void {
  const data = out.data;
  switch (sampler.kind) {
    case 'uniform':
      return uniformFill(data, out.dtype, sampler.from, sampler.to, gen);
    case 'normal':
      return normalFill(data, out.dtype, sampler.mean, sampler.std, gen);
    case 'random':
      if (sampler.to === null) return randomFill(data, out.dtype, gen);
      return randomFromToFill(data, out.dtype, sampler.from ?? 0, sampler.to, gen);
    case 'bernoulli': {
      const p = sampler.p;
      if (typeof p === 'number') return bernoulliFill(data, p, gen);
      const probabilities = untracked(() => expand(p, out.shape));
      return bernoulliTensorFill(data, probabilities.values(), p.dtype, gen);
    }
    case 'exponential':
      return exponentialFill(data, sampler.lambd, gen);
  }
}

/** torch.rand / randn / randint and the like: a new leaf tensor of `shape` drawn by `sampler`. */
export function randomTensor(
  shape: readonly number[],
  dtype: DType,
  sampler: Sampler,
  gen: CPUGenerator,
  requiresGrad = false,
): Tensor {
  check(sampler, dtype);
  const out = full(shape, 0, { dtype });
  if (requiresGrad && !isFloating(dtype)) throw runtimeError(NOT_DIFFERENTIABLE_DTYPE);
  fill(out, sampler, gen);
  if (requiresGrad) out.requiresGrad_(true);
  return out;
}

/** The grad_fn PyTorch gives a non-leaf sampled in place (its gradient is zero). */
function nodeName(sampler: Sampler): string {
  switch (sampler.kind) {
    case 'uniform':
      return 'UniformBackward0';
    case 'normal':
      return 'NormalBackward0';
    case 'random':
      return sampler.to === null
        ? 'RandomBackward2'
        : sampler.from === null
          ? 'RandomBackward1'
          : 'RandomBackward0';
    case 'bernoulli':
      return typeof sampler.p === 'number' ? 'BernoulliBackward2' : 'BernoulliBackward1';
    case 'exponential':
      return 'ExponentialBackward0';
  }
}

/** Tensor.uniform_() and the others: new values in place, under the in-place rules. */
export function sample_(self: Tensor, sampler: Sampler, gen: CPUGenerator): Tensor {
  check(sampler, self.dtype);
  // torch draws into a non-contiguous tensor in memory order, which Gradlab does not follow yet.
  if (!isContiguous(self))
    throw new TorchError(
      'NotImplementedError',
      `Tensor.${sampler.kind}_ on a non-contiguous view (a transpose, a column, a step slice) is not supported in Gradlab yet: draw into a contiguous tensor and copy_ it in`,
    );
  if (sampler.kind === 'bernoulli' && typeof sampler.p !== 'number' && !isFloating(sampler.p.dtype))
    throw new TorchError(
      'RuntimeError',
      `"bernoulli_tensor_cpu_p_" not implemented for '${scalarTypeName(sampler.p.dtype)}'`,
    );
  return inPlace(self, (x) => {
    const drawn = new Tensor(allocateForOverwrite(x.dtype, x.numel), x.shape, x.dtype);
    fill(drawn, sampler, gen);
    // New values do not depend on the old ones: zero gradient.
    const backward = derivative<{ self: Tensor }>(nodeName(sampler), {
      self: { reads: [], tex: '0', grad: (g) => fullLike(g, 0) },
    });
    return recordDerivative(drawn, backward, {
      op: sampler.kind,
      inputs: [x],
      values: { self: x },
    });
  });
}

/** torch.randperm(n): int64 by default; float dtypes hold the same integers. */
export function randperm(n: number, dtype: DType, gen: CPUGenerator, requiresGrad = false): Tensor {
  if (n < 0) throw runtimeError(`Trying to create tensor with negative dimension ${n}: [${n}]`);
  const out = new Tensor(allocateForOverwrite('float64', n), [n], 'float64');
  randpermFill(out.data, gen);
  if (requiresGrad && !isFloating(dtype)) throw runtimeError(NOT_DIFFERENTIABLE_DTYPE);
  const result = dtype === 'float64' ? out : untracked(() => toDType(out, dtype));
  if (requiresGrad) result.requiresGrad_(true);
  return result;
}
