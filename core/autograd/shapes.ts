// Arithmetic on shapes (element counts, row-major strides): the bottom of the autograd layer,
// importing nothing, so tensors, broadcasting and reductions can all use it.

/** How many elements a tensor of `shape` holds. */
export function numelOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides of a contiguous shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = step;
    step *= shape[i];
  }
  return strides;
}
