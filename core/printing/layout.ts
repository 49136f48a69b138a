// The plain data both printers take: flat row-major values, a shape and a dtype, checked
// up front so that bad input gets a sentence saying what is wrong instead of a garbled repr.

export type Dtype = 'float32' | 'float64' | 'int64' | 'bool';

/** Flat row-major element values: numbers, bigints (int64) or booleans (bool, or 0/1). */
export type ElementValues = ArrayLike<number | bigint | boolean>;

const DTYPES: readonly string[] = ['float32', 'float64', 'int64', 'bool'];

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((product, size) => product * size, 1);
}

/** Throws a TypeError or RangeError naming the problem when the data cannot be printed. */
export function checkLayout(
  caller: string,
  values: ElementValues,
  shape: readonly number[],
  dtype: string,
): void {
  if (!DTYPES.includes(dtype)) {
    throw new TypeError(`${caller}: unsupported dtype '${dtype}' (expected ${DTYPES.join(', ')})`);
  }
  shape.forEach((size, axis) => {
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new RangeError(
        `${caller}: shape[${axis}] is ${size}; sizes must be non-negative integers`,
      );
    }
  });
  const expected = elementCount(shape);
  if (values.length !== expected) {
    throw new RangeError(
      `${caller}: shape ${pythonTuple(shape)} holds ${expected} elements but ${values.length} values were given`,
    );
  }
}

/** A float element as the number it stores: float32 values are rounded to float32. */
export function floatElement(value: number | bigint | boolean, dtype: Dtype): number {
  const asNumber = Number(value);
  return dtype === 'float32' ? Math.fround(asNumber) : asNumber;
}

/** An int64 element in decimal, as Python's str(int) writes it. */
export function integerText(value: number | bigint | boolean): string {
  if (typeof value === 'bigint') return value.toString();
  const asNumber = Number(value);
  if (!Number.isInteger(asNumber)) {
    throw new RangeError(`int64 element ${String(value)} is not an integer`);
  }
  return BigInt(asNumber).toString();
}

/** Python's str(True) / str(False) for a bool element given as a boolean or 0/1. */
export function boolText(value: number | bigint | boolean): string {
  return value ? 'True' : 'False';
}

/** Python's repr of a tuple of ints: (), (3,), (2, 3). */
export function pythonTuple(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(', ')})`;
}

/** Row-major strides of a shape, in elements. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    strides[axis] = stride;
    stride *= shape[axis];
  }
  return strides;
}

/**
 * Flat indices of the elements a summarised print shows: along every axis longer than
 * 2 * edgeItems only the first and last edgeItems positions, as torch and numpy both do.
 */
export function edgeIndices(shape: readonly number[], edgeItems: number): number[] {
  const strides = stridesOf(shape);
  let offsets = [0];
  shape.forEach((size, axis) => {
    const positions = keptPositions(size, edgeItems);
    offsets = offsets.flatMap((offset) => positions.map((p) => offset + p * strides[axis]));
  });
  return offsets;
}

/** Positions along one axis that a summary keeps. */
function keptPositions(size: number, edgeItems: number): number[] {
  const all = Array.from({ length: size }, (_, i) => i);
  if (size <= 2 * edgeItems) return all;
  return [...all.slice(0, edgeItems), ...all.slice(size - edgeItems)];
}

/** Positions printed along an axis, in order; null marks where a summary writes '...'. */
export function printedPositions(
  size: number,
  summarize: boolean,
  edgeItems: number,
): (number | null)[] {
  if (!summarize) return Array.from({ length: size }, (_, i) => i);
  const kept: (number | null)[] = keptPositions(size, edgeItems);
  if (size > 2 * edgeItems) kept.splice(edgeItems, 0, null);
  return kept;
}
