// Views: tensors that share their base's storage, as torch's view ops (view, transpose, basic
// indexing, expand...) return them, so a write through any alias is seen by all.
//
// Why not a strided engine: the ops (about 4,000 lines) read `t.data` as contiguous row-major
// values. So a contiguous view's `data` is a subarray of the shared storage (no copy at all), and
// any other view keeps its own row-major copy plus the storage position of each element: Tensor
// re-reads it when the storage's write count moved and writes changed elements back (wrote()).
// Reading a transposed matrix costs one gather, as the copy torch's kernels make would.
import { stridedPositions } from './broadcast.ts';
import { castValue, type Storage } from './dtype.ts';
import { type Layout, Tensor } from './tensor.ts';
import { allocateForOverwrite } from './storage-pool.ts';
import { numelOf, stridesOf } from './shapes.ts';

/** The layout of `t` in its storage (a tensor that owns its storage: contiguous from 0). */
export function layoutOf(t: Tensor): Layout {
  return t.layout ?? { storage: t.data, offset: 0, strides: stridesOf(t.shape), positions: null };
}

/** Whether a write into one could change the other (views, or a result written into a spare). */
export function sharesStorage(a: Tensor, b: Tensor): boolean {
  return a.storageState === b.storageState || a.data.buffer === b.data.buffer;
}

/** torch's is_contiguous: row-major strides, ignoring dims of size 1. */
function isContiguousLayout(shape: readonly number[], strides: readonly number[]): boolean {
  let expected = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] === 1) continue;
    if (strides[d] !== expected) return shape[d] === 0;
    expected *= shape[d];
  }
  return true;
}

export function isContiguous(t: Tensor): boolean {
  return t.layout === null || isContiguousLayout(t.shape, t.layout.strides);
}

/** Whether two elements of `t` sit on one storage element (after expand): torch refuses most writes. */
export function overlapsItself(t: Tensor): boolean {
  const layout = t.layout;
  return layout !== null && t.shape.some((size, d) => size > 1 && layout.strides[d] === 0);
}

/**
 * A tensor of `shape` on `source`'s storage, its elements `strides` apart from `offset` (both
 * counted in storage elements). It shares `source`'s version counter; its `base` is the tensor
 * that owns the storage, as torch's `_base`.
 */
export function viewOf(
  source: Tensor,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
): Tensor {
  const { storage } = layoutOf(source);
  const n = numelOf(shape);
  let positions: Int32Array | null = null;
  let data: Storage;
  if (isContiguousLayout(shape, strides)) {
    data = storage.subarray(offset, offset + n);
  } else {
    positions = stridedPositions(shape, strides);
    data = allocateForOverwrite(source.dtype, n);
    for (let i = 0; i < n; i++) {
      positions[i] += offset;
      data[i] = storage[positions[i]];
    }
  }
  const view = new Tensor(data, [...shape], source.dtype, source.version);
  view.shareStorage(source, { storage, offset, strides: [...strides], positions });
  view.base = source.base ?? source;
  return view;
}

/** Where each element of `view` sits in `base`'s row-major order. */
export function positionsInBase(view: Tensor, base: Tensor): Int32Array {
  const own = layoutOf(view);
  const of = layoutOf(base);
  const n = view.numel;
  const inStorage = own.positions ?? stridedPositions(view.shape, own.strides);
  const out = new Int32Array(n);
  if (of.positions === null) {
    const start = own.positions === null ? own.offset - of.offset : -of.offset;
    for (let i = 0; i < n; i++) out[i] = inStorage[i] + start;
    return out;
  }
  const index = new Map<number, number>();
  of.positions.forEach((p, i) => index.set(p, i));
  for (let i = 0; i < n; i++) out[i] = index.get(inStorage[i]) ?? -1;
  return out;
}

/**
 * torch's view rule (computeStride): the strides that lay `shape` over `t`'s elements without a
 * copy, or null when a dim of the new shape would span elements that are not evenly spaced.
 */
export function viewStrides(t: Tensor, shape: readonly number[]): number[] | null {
  const old = layoutOf(t).strides;
  if (t.numel === 0 || isContiguous(t)) return stridesOf(shape);
  const strides = new Array<number>(shape.length);
  let viewDim = shape.length - 1;
  let chunkBaseStride = old[old.length - 1];
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let d = t.shape.length - 1; d >= 0; d--) {
    tensorNumel *= t.shape[d];
    if (d === 0 || (t.shape[d - 1] !== 1 && old[d - 1] !== tensorNumel * chunkBaseStride)) {
      while (viewDim >= 0 && (viewNumel < tensorNumel || shape[viewDim] === 1)) {
        strides[viewDim] = viewNumel * chunkBaseStride;
        viewNumel *= shape[viewDim];
        viewDim--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (d > 0) {
        chunkBaseStride = old[d - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  return viewDim === -1 ? strides : null;
}

/**
 * Where `t`'s elements sit in its storage (row-major), or null when they are the whole storage
 * in order: how an ndarray sharing the storage (Tensor.numpy()) finds them.
 */
export function storagePositions(t: Tensor): Int32Array | null {
  const layout = layoutOf(t);
  if (layout.positions !== null) return layout.positions;
  if (layout.offset === 0 && t.numel === layout.storage.length) return null;
  return stridedPositions(t.shape, layout.strides).map((p) => p + layout.offset);
}

/** A write into `t`'s storage from outside the engine (a numpy array sharing it), cast to its dtype. */
export function writeStorage(
  t: Tensor,
  positions: ArrayLike<number>,
  values: ArrayLike<number>,
): void {
  const { storage } = layoutOf(t);
  for (let i = 0; i < positions.length; i++) storage[positions[i]] = castValue(values[i], t.dtype);
  // Autograd does not see it (as torch does not see numpy's writes): only the views re-read.
  t.storageState.writes++;
}
