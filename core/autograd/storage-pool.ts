// Storages of dead backward-pass gradients, kept for reuse: a fresh large buffer costs page
// faults on every first touch, which is most of what large elementwise backward passes pay.
// GradientBuffers (grad-buffers.ts) gives back what a pass no longer holds; kernels take from here.
import { newStorage, storageKind, type DType, type Storage } from './dtype.ts';

const pool: Storage[] = [];
const POOL_MIN_LENGTH = 4096;
const POOL_SIZE = 16;

/** Offers a storage nothing references any more for reuse by later allocations. */
export function recycle(storage: Storage): void {
  if (storage.length >= POOL_MIN_LENGTH && pool.length < POOL_SIZE) pool.push(storage);
}

/** A zero-filled storage for `size` elements of `dtype`. */
export function allocate(dtype: DType, size: number): Storage {
  return reuse(dtype, size)?.fill(0) ?? newStorage(dtype, size);
}

/**
 * A storage whose contents are unspecified: for kernels that write every element. `spare` is a
 * storage the caller may overwrite (a gradient nothing else reads): it serves when it fits.
 */
export function allocateForOverwrite(dtype: DType, size: number, spare?: Storage): Storage {
  if (spare !== undefined && spare.length === size && spare instanceof storageKind(dtype))
    return spare;
  return reuse(dtype, size) ?? newStorage(dtype, size);
}

function reuse(dtype: DType, size: number): Storage | null {
  if (size < POOL_MIN_LENGTH) return null;
  const kind = storageKind(dtype);
  const i = pool.findIndex((s) => s.length === size && s instanceof kind);
  return i < 0 ? null : pool.splice(i, 1)[0];
}
