// PyTorch 1.13's CPU sampling kernels (ATen's DistributionTemplates.h, DistributionsHelper.h and
// TransformationHelper.h), each filling a storage from a CPUGenerator in PyTorch's order, with
// PyTorch's rounding: the same seed gives the same bits.
import { fma32, fma64 } from '../fused-multiply-add.ts';
import { preciseCos, preciseLog, preciseSin } from '../precise-math.ts';
import { castValue, type DType, type Storage } from '../dtype.ts';
import { TorchError } from '../errors.ts';
import { avxLog, avxSinCos } from './avx2-math.ts';
import type { CPUGenerator } from './generator.ts';

const f = Math.fround;
const TWO_PI = 2 * Math.PI;
/** Tensors this long (and contiguous: random.ts refuses other views) take the 16-at-a-time normal. */
const NORMAL_FILL_MIN = 16;

/** uniform_(from, to): 24 random bits for float32, 53 for float64; x * (to - from) + from fused. */
export function uniformFill(
  out: Storage,
  dtype: DType,
  from: number,
  to: number,
  gen: CPUGenerator,
) {
  if (dtype === 'float32') {
    const low = f(from);
    const width = f(f(to) - low);
    for (let i = 0; i < out.length; i++) out[i] = fma32(gen.uniform24(), width, low);
  } else {
    const width = to - from;
    for (let i = 0; i < out.length; i++) out[i] = fma64(gen.uniform53(), width, from);
  }
}

/** normal_(mean, std): the vectorised Box-Muller for 16 values and more, else one at a time. */
export function normalFill(
  out: Storage,
  dtype: DType,
  mean: number,
  std: number,
  gen: CPUGenerator,
) {
  if (out.length < NORMAL_FILL_MIN) {
    for (let i = 0; i < out.length; i++) out[i] = scalarNormal(gen, mean, std);
  } else if (dtype === 'float32') {
    fillInBlocks(out, gen, (data, at) => normalBlockFloat(data, at, f(mean), f(std)));
  } else {
    fillInBlocks(out, gen, (data, at) => normalBlockDouble(data, at, mean, std));
  }
}

/**
 * ATen's normal_fill: every value uniform first, then blocks of 16 turned into normals in place;
 * a tail shorter than 16 redraws the last 16 values and transforms them again.
 */
function fillInBlocks(
  out: Storage,
  gen: CPUGenerator,
  transform: (data: Storage, at: number) => void,
): void {
  const draw = out instanceof Float32Array ? () => gen.uniform24() : () => gen.uniform53();
  const n = out.length;
  for (let i = 0; i < n; i++) out[i] = draw();
  for (let i = 0; i + 16 <= n; i += 16) transform(out, i);
  if (n % 16 !== 0) {
    for (let i = n - 16; i < n; i++) out[i] = draw();
    transform(out, n - 16);
  }
}

const sinCos: [number, number] = [0, 0];

/** One block of the AVX2 kernel: u1 from the first 8 values, u2 from the next 8. */
function normalBlockFloat(data: Storage, at: number, mean: number, std: number): void {
  const twoPi = f(TWO_PI);
  for (let j = at; j < at + 8; j++) {
    const radius = f(Math.sqrt(f(-2 * avxLog(f(1 - data[j])))));
    avxSinCos(f(twoPi * data[j + 8]), sinCos);
    data[j] = fma32(f(radius * sinCos[1]), std, mean);
    data[j + 8] = fma32(f(radius * sinCos[0]), std, mean);
  }
}

/** One block of the scalar kernel in double (libm's log, cos and sin, correctly rounded here). */
function normalBlockDouble(data: Storage, at: number, mean: number, std: number): void {
  for (let j = at; j < at + 8; j++) {
    const radius = Math.sqrt(-2 * preciseLog(1 - data[j]));
    const theta = TWO_PI * data[j + 8];
    data[j] = fma64(radius * preciseCos(theta), std, mean);
    data[j + 8] = fma64(radius * preciseSin(theta), std, mean);
  }
}

/** at::normal_distribution<double>: Box-Muller on two 53-bit uniforms, the sine half kept. */
function scalarNormal(gen: CPUGenerator, mean: number, std: number): number {
  const cached = gen.nextDoubleNormal;
  if (cached !== null) {
    gen.nextDoubleNormal = null;
    return fma64(cached, std, mean);
  }
  const u1 = gen.uniform53();
  const u2 = gen.uniform53();
  const radius = Math.sqrt(-2 * preciseLog(1 - u2));
  const theta = TWO_PI * u1;
  gen.nextDoubleNormal = radius * preciseSin(theta);
  return fma64(radius * preciseCos(theta), std, mean);
}

const TWO_POW_32 = 2 ** 32;
const TWO_POW_53 = 2 ** 53;

/** random_(from, to): a draw modulo the range, plus from (64-bit draws for ranges of 2**32+). */
export function randomFromToFill(
  out: Storage,
  dtype: DType,
  from: number,
  to: number,
  gen: CPUGenerator,
): void {
  const range = to - from;
  if (range < TWO_POW_32 || dtype === 'bool') {
    for (let i = 0; i < out.length; i++) out[i] = castValue((gen.random() % range) + from, dtype);
    return;
  }
  const bigRange = BigInt(range);
  const bigFrom = BigInt(from);
  for (let i = 0; i < out.length; i++) {
    const value = (gen.random64() % bigRange) + bigFrom;
    out[i] = castValue(exactInteger(value, dtype), dtype);
  }
}

/** random_() with no bounds: [0, 2**mantissa] for floats, [0, 2**63) for int64, 0/1 for bool. */
export function randomFill(out: Storage, dtype: DType, gen: CPUGenerator): void {
  switch (dtype) {
    case 'float32':
      for (let i = 0; i < out.length; i++) out[i] = gen.random() % (2 ** 24 + 1);
      return;
    case 'float64': {
      const modulus = (1n << 53n) + 1n;
      for (let i = 0; i < out.length; i++) out[i] = Number(gen.random64() % modulus);
      return;
    }
    case 'int64':
      for (let i = 0; i < out.length; i++)
        out[i] = exactInteger(gen.random64() % (1n << 63n), dtype);
      return;
    case 'bool':
      for (let i = 0; i < out.length; i++) out[i] = gen.random() & 1;
  }
}

/** Gradlab keeps int64 in doubles: a value beyond 2**53 would change, so it is refused. */
function exactInteger(value: bigint, dtype: DType): number {
  const magnitude = value < 0n ? -value : value;
  if (dtype === 'int64' && magnitude > BigInt(TWO_POW_53))
    throw new TorchError(
      'NotImplementedError',
      'random int64 values beyond 2**53 are not supported in Gradlab yet (Gradlab holds int64 in 53 bits)',
    );
  return Number(value);
}

/** bernoulli_(p) for a Python float p: a 53-bit uniform below p. */
export function bernoulliFill(out: Storage, p: number, gen: CPUGenerator): void {
  for (let i = 0; i < out.length; i++) out[i] = gen.uniform53() < p ? 1 : 0;
}

/** bernoulli_(p) for a tensor p (already broadcast): float64 p compares 53 bits, float32 24. */
export function bernoulliTensorFill(
  out: Storage,
  p: Storage,
  pDType: DType,
  gen: CPUGenerator,
): void {
  const draw = pDType === 'float64' ? () => gen.uniform53() : () => gen.uniform24();
  for (let i = 0; i < out.length; i++) out[i] = draw() < p[i] ? 1 : 0;
}

/** exponential_(lambd): -1 / lambd * log(1 - u) in double, u a 53-bit uniform. */
export function exponentialFill(out: Storage, lambd: number, gen: CPUGenerator): void {
  const scale = -1 / lambd;
  for (let i = 0; i < out.length; i++) out[i] = scale * preciseLog(1 - gen.uniform53());
}

/** randperm(n): swaps position i with i + (a 32-bit draw mod n - i), i from 0 to n - 2. */
export function randpermFill(out: Storage, gen: CPUGenerator): void {
  const n = out.length;
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = 0; i < n - 1; i++) {
    const z = i + (gen.random() % (n - i));
    const saved = out[i];
    out[i] = out[z];
    out[z] = saved;
  }
}
