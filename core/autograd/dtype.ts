// Element types, their storage, and PyTorch's type-promotion rules.

export type DType =
  | 'bool'
  | 'uint8'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'float16'
  | 'bfloat16'
  | 'float32'
  | 'float64';

/**
 * Contiguous row-major storage. int64 lives in a Float64Array: exact up to 2**53, plenty here.
 * The narrower integers live in their own typed arrays, which wrap around on overflow as torch's
 * do. float16 and bfloat16 live in a Float32Array holding values rounded to their precision:
 * torch computes with them in float32 and rounds each result (see roundToDType).
 */
export type Storage =
  Float32Array | Float64Array | Uint8Array | Int8Array | Int16Array | Int32Array;

export const DEFAULT_FLOAT: DType = 'float32';

export const DTYPES: readonly DType[] = [
  'bool',
  'uint8',
  'int8',
  'int16',
  'int32',
  'int64',
  'float16',
  'bfloat16',
  'float32',
  'float64',
];

const RANK: Record<DType, number> = {
  bool: 0,
  uint8: 1,
  int8: 2,
  int16: 3,
  int32: 4,
  int64: 5,
  float16: 6,
  bfloat16: 7,
  float32: 8,
  float64: 9,
};

export function isFloating(dtype: DType): boolean {
  return RANK[dtype] >= RANK.float16;
}

/** float16 and bfloat16: stored as float32 values rounded to fewer bits. */
export function isReducedFloat(dtype: DType): boolean {
  return dtype === 'float16' || dtype === 'bfloat16';
}

type StorageKind =
  | typeof Float32Array
  | typeof Float64Array
  | typeof Uint8Array
  | typeof Int8Array
  | typeof Int16Array
  | typeof Int32Array;

const STORAGE_KIND: Record<DType, StorageKind> = {
  bool: Uint8Array,
  uint8: Uint8Array,
  int8: Int8Array,
  int16: Int16Array,
  int32: Int32Array,
  int64: Float64Array,
  float16: Float32Array,
  bfloat16: Float32Array,
  float32: Float32Array,
  float64: Float64Array,
};

/** The typed array holding `dtype`'s values. */
export function storageKind(dtype: DType): StorageKind {
  return STORAGE_KIND[dtype];
}

/** A dtype whose storage is of `data`'s kind (for copies that keep the kind). */
export function storageDType(data: Storage): DType {
  return DTYPES.find((dtype) => data instanceof STORAGE_KIND[dtype])!;
}

export function isFloatStorage(data: Storage): data is Float32Array | Float64Array {
  return data instanceof Float32Array || data instanceof Float64Array;
}

/** A new zero-filled storage for `size` elements of `dtype` (storage-pool.ts may reuse one instead). */
export function newStorage(dtype: DType, size: number): Storage {
  const Kind = storageKind(dtype);
  return new Kind(size);
}

/** Bits of each integer dtype narrower than int64 (their values wrap around modulo 2**bits). */
const INTEGER_BITS: Partial<Record<DType, { bits: number; signed: boolean }>> = {
  uint8: { bits: 8, signed: false },
  int8: { bits: 8, signed: true },
  int16: { bits: 16, signed: true },
  int32: { bits: 32, signed: true },
};

/** An integer wrapped into `dtype`'s range, as C's conversion to a narrower integer does. */
function wrapInteger(value: number, bits: number, signed: boolean): number {
  const span = 2 ** bits;
  let wrapped = value % span;
  if (wrapped < 0) wrapped += span;
  return signed && wrapped >= span / 2 ? wrapped - span : wrapped;
}

/**
 * Converts one value the way a cast to `dtype` would: truncation for integers (wrapping around
 * in the narrow ones), != 0 for bool, rounding to nearest-even for the floats.
 */
export function castValue(value: number, dtype: DType): number {
  if (dtype === 'bool') return value !== 0 ? 1 : 0;
  if (dtype === 'float64') return value;
  if (isFloating(dtype)) return roundToDType(value, dtype);
  const whole = Number.isFinite(value) ? Math.trunc(value) : 0;
  const integer = INTEGER_BITS[dtype];
  return integer === undefined ? whole : wrapInteger(whole, integer.bits, integer.signed);
}

const F32_BITS = new Float32Array(1);
const U32_BITS = new Uint32Array(F32_BITS.buffer);

/** bfloat16: a float32's top 16 bits, rounded to nearest-even as c10::BFloat16 does (NaN kept). */
function bfloat16Round(value: number): number {
  F32_BITS[0] = value;
  if (Number.isNaN(F32_BITS[0])) return Number.NaN;
  const bits = U32_BITS[0];
  U32_BITS[0] = ((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16) << 16;
  return F32_BITS[0];
}

/** The value rounded to a floating `dtype`'s precision (float16: through float32, as torch). */
export function roundToDType(value: number, dtype: DType): number {
  if (dtype === 'float16') return float16Round(Math.fround(value));
  if (dtype === 'bfloat16') return bfloat16Round(value);
  if (dtype === 'float32') return Math.fround(value);
  return value;
}

/** IEEE half precision: 11 significant bits, exponents -14..15 (subnormals down to 2**-24). */
function float16Round(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const magnitude = Math.abs(value);
  if (magnitude >= 65520) return Math.sign(value) * Infinity;
  let exponent = Math.floor(Math.log2(magnitude));
  if (2 ** exponent > magnitude) exponent -= 1; // log2 may round up just below a power of two
  exponent = Math.max(exponent, -14);
  const quantum = 2 ** (exponent - 10);
  // Division and multiplication by a power of two are exact; Math.round ties go up, so ties are
  // resolved to even by hand.
  const scaled = magnitude / quantum;
  let rounded = Math.floor(scaled);
  const rest = scaled - rounded;
  if (rest > 0.5 || (rest === 0.5 && rounded % 2 === 1)) rounded += 1;
  return Math.sign(value) * rounded * quantum;
}

/** Rounds every value of a float16/bfloat16 result computed in float32 (no-op for others). */
export function roundStorage(storage: Storage, dtype: DType): Storage {
  if (isReducedFloat(dtype))
    for (let i = 0; i < storage.length; i++) storage[i] = roundToDType(storage[i], dtype);
  return storage;
}

export function fillFrom(dtype: DType, values: ArrayLike<number>): Storage {
  const out = newStorage(dtype, values.length);
  if (dtype === 'float32' || dtype === 'float64') out.set(values);
  else for (let i = 0; i < values.length; i++) out[i] = castValue(values[i], dtype);
  return out;
}

export function promoteTypes(a: DType, b: DType): DType {
  // The two pairs torch promotes to a third type: neither holds all of the other's values.
  const pair = new Set([a, b]);
  if (pair.has('uint8') && pair.has('int8')) return 'int16';
  if (pair.has('float16') && pair.has('bfloat16')) return 'float32';
  return RANK[a] >= RANK[b] ? a : b;
}

/** The kind of Python scalar an operand was: it decides promotion like a wrapped number in torch. */
export type ScalarKind = 'bool' | 'int' | 'float';

function category(dtype: DType): number {
  return dtype === 'bool' ? 0 : isFloating(dtype) ? 2 : 1;
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

/** The name Python shows, e.g. `torch.float32`. */
export function torchName(dtype: DType): string {
  return `torch.${dtype}`;
}

/** The legacy type name used in some messages, e.g. `torch.FloatTensor`. */
export function legacyTypeName(dtype: DType): string {
  return `torch.${SCALAR_TYPE_NAMES[dtype]}Tensor`;
}

const SCALAR_TYPE_NAMES: Record<DType, string> = {
  bool: 'Bool',
  uint8: 'Byte',
  int8: 'Char',
  int16: 'Short',
  int32: 'Int',
  int64: 'Long',
  float16: 'Half',
  bfloat16: 'BFloat16',
  float32: 'Float',
  float64: 'Double',
};

/** The scalar-type name used in cast errors, e.g. `Float`. */
export function scalarTypeName(dtype: DType): string {
  return SCALAR_TYPE_NAMES[dtype];
}

/** torch.can_cast: no floating results into integers, nothing but bool into bool. */
export function canCast(from: DType, to: DType): boolean {
  return category(from) <= category(to);
}
