// Element types, their storage, and PyTorch's type-promotion rules.

export type DType = 'bool' | 'int64' | 'float32' | 'float64';

/** Contiguous row-major storage. int64 lives in a Float64Array: exact up to 2**53, plenty here. */
export type Storage = Float32Array | Float64Array | Uint8Array;

export const DEFAULT_FLOAT: DType = 'float32';

const RANK: Record<DType, number> = { bool: 0, int64: 1, float32: 2, float64: 3 };

export function isFloating(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'float64';
}

/** Storages of dead backward-pass gradients, kept for reuse (see grad-buffers.ts). */
const pool: Storage[] = [];
const POOL_MIN_LENGTH = 4096;
const POOL_SIZE = 16;

/** Offers a storage nothing references any more for reuse by later allocations. */
export function recycle(storage: Storage): void {
  if (storage.length >= POOL_MIN_LENGTH && pool.length < POOL_SIZE) pool.push(storage);
}

function storageKind(dtype: DType): typeof Float32Array | typeof Float64Array | typeof Uint8Array {
  return dtype === 'float32' ? Float32Array : dtype === 'bool' ? Uint8Array : Float64Array;
}

/** A zero-filled storage for `size` elements of `dtype`. */
export function allocate(dtype: DType, size: number): Storage {
  return reuse(dtype, size)?.fill(0) ?? fresh(dtype, size);
}

/**
 * A storage whose contents are unspecified: for kernels that write every element. `spare` is a
 * storage the caller may overwrite (a gradient nothing else reads): it serves when it fits.
 */
export function allocateForOverwrite(dtype: DType, size: number, spare?: Storage): Storage {
  if (spare !== undefined && spare.length === size && spare instanceof storageKind(dtype))
    return spare;
  return reuse(dtype, size) ?? fresh(dtype, size);
}

function reuse(dtype: DType, size: number): Storage | null {
  if (size < POOL_MIN_LENGTH) return null;
  const kind = storageKind(dtype);
  const i = pool.findIndex((s) => s.length === size && s instanceof kind);
  return i < 0 ? null : pool.splice(i, 1)[0];
}

function fresh(dtype: DType, size: number): Storage {
  const Kind = storageKind(dtype);
  return new Kind(size);
}

/** Converts one value the way a cast to `dtype` would (truncation for int64, != 0 for bool). */
export function castValue(value: number, dtype: DType): number {
  if (dtype === 'int64') return Number.isFinite(value) ? Math.trunc(value) : 0;
  if (dtype === 'bool') return value !== 0 ? 1 : 0;
  if (dtype === 'float32') return Math.fround(value);
  return value;
}

export function fillFrom(dtype: DType, values: ArrayLike<number>): Storage {
  const out = allocate(dtype, values.length);
  if (dtype === 'int64' || dtype === 'bool') {
    for (let i = 0; i < values.length; i++) out[i] = castValue(values[i], dtype);
  } else {
    out.set(values);
  }
  return out;
}

export function promoteTypes(a: DType, b: DType): DType {
  return RANK[a] >= RANK[b] ? a : b;
}

/** The kind of Python scalar an operand was: it decides promotion like a wrapped number in torch. */
export type ScalarKind = 'bool' | 'int' | 'float';

function category(dtype: DType): number {
  return dtype === 'bool' ? 0 : dtype === 'int64' ? 1 : 2;
}

/** torch's combine_categories: a lower-priority group only wins when it is of a higher category. */
function combine(higher: DType | null, lower: DType | null): DType | null {
  if (higher === null) return lower;
  if (lower === null) return higher;
  if (isFloating(higher)) return higher;
  return category(lower) > category(higher) ? promoteTypes(higher, lower) : higher;
}

/** Combines the promoted dtypes of [Python scalars, 0-dim tensors, tensors with dims]. */
export function combineGroups(groups: readonly (DType | null)[]): DType {
  return combine(groups[2], combine(groups[1], groups[0])) ?? DEFAULT_FLOAT;
}

/** The legacy type name used in some messages, e.g. `torch.FloatTensor`. */
export function legacyTypeName(dtype: DType): string {
  const names: Record<DType, string> = {
    bool: 'BoolTensor',
    int64: 'LongTensor',
    float32: 'FloatTensor',
    float64: 'DoubleTensor',
  };
  return `torch.${names[dtype]}`;
}

/** The scalar-type name used in cast errors, e.g. `Float`. */
export function scalarTypeName(dtype: DType): string {
  const names: Record<DType, string> = {
    bool: 'Bool',
    int64: 'Long',
    float32: 'Float',
    float64: 'Double',
  };
  return names[dtype];
}

/** torch.can_cast: no floating results into integers, nothing but bool into bool. */
export function canCast(from: DType, to: DType): boolean {
  return category(from) <= category(to);
}
