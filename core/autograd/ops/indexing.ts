// Python indexing: `t[i]`, `t[a:b:c]`, `t[None]`, `t[...]`, `t[mask]`, `t[long_tensor]`, and the
// assignment `t[...] = value`. Every index resolves to the flat positions it reads; ints, slices,
// None and '...' alone read a view (views.ts), tensor indices a copy, as in torch.
import { stridesOf, numelOf } from '../shapes.ts';
import { TorchError } from '../errors.ts';
import { Tensor } from '../tensor.ts';
import { layoutOf, viewOf } from '../views.ts';
import { broadcastPair, toTensor, type Operand } from './elementwise.ts';
import { gatherPositions, recordView, scatterAddPositions } from './positions.ts';
import { inPlace } from './inplace.ts';
import { record } from './record.ts';
import { sumTo } from './shape.ts';

interface Slice {
  start?: number | null;
  stop?: number | null;
  step?: number | null;
}

/** One item of a Python subscript: int, slice, None (new axis), '...', or a bool/long tensor. */
export type IndexItem = number | Slice | null | '...' | Tensor;

interface Resolved {
  shape: number[];
  positions: Int32Array;
  /** torch's grad_fn name for reading with this index. */
  name: string;
  /** Whether a tensor index took part (index_put_ rather than a copy into a view). */
  advanced: boolean;
}

/** A dim that '...' covers. */
const WHOLE_DIM: Slice = Object.freeze({});

function indexError(message: string): TorchError {
  return new TorchError('IndexError', message);
}

/** Offsets (in flat storage) chosen along one input dim, and the output dims they make. */
interface Axis {
  offsets: number[];
  dims: number[];
}

function sliceAxis(s: Slice, size: number, stride: number): Axis {
  const step = s.step ?? 1;
  if (step <= 0) throw new TorchError('ValueError', 'step must be greater than zero');
  const clampIndex = (v: number | null | undefined, fallback: number): number =>
    v === null || v === undefined ? fallback : Math.min(Math.max(v < 0 ? v + size : v, 0), size);
  const start = clampIndex(s.start, 0);
  const stop = clampIndex(s.stop, size);
  const offsets: number[] = [];
  for (let i = start; i < stop; i += step) offsets.push(i * stride);
  return { offsets, dims: [offsets.length] };
}

function intAxis(i: number, dim: number, size: number, stride: number): Axis {
  if (!Number.isInteger(i) || i < -size || i >= size)
    throw indexError(`index ${i} is out of bounds for dimension ${dim} with size ${size}`);
  return { offsets: [(i < 0 ? i + size : i) * stride], dims: [] };
}

function maskAxis(
  mask: Tensor,
  dim: number,
  shape: readonly number[],
  strides: readonly number[],
): Axis {
  mask.shape.forEach((d, k) => {
    if (d !== shape[dim + k])
      throw indexError(
        `The shape of the mask [${mask.shape.join(', ')}] at index ${k} does not match the shape of the indexed tensor [${shape.join(', ')}] at index ${dim + k}`,
      );
  });
  const local = stridesOf(mask.shape);
  const offsets: number[] = [];
  for (let i = 0; i < mask.numel; i++) {
    if (!mask.data[i]) continue;
    let offset = 0;
    for (let k = 0; k < local.length; k++)
      offset += (Math.floor(i / local[k]) % mask.shape[k]) * strides[dim + k];
    offsets.push(offset);
  }
  return { offsets, dims: [offsets.length] };
}

function longAxis(index: Tensor, dim: number, size: number, stride: number): Axis {
  const offsets = Array.from(index.data, (i) => intAxis(i, dim, size, stride).offsets[0]);
  return { offsets, dims: [...index.shape] };
}

function consumed(item: IndexItem): number {
  if (item === null || item === '...') return 0;
  if (item instanceof Tensor) return item.dtype === 'bool' ? Math.max(item.ndim, 1) : 1;
  return 1;
}

function resolve(shape: readonly number[], items: readonly IndexItem[]): Resolved {
  const used = items.reduce<number>((n, item) => n + consumed(item), 0);
  if (used > shape.length)
    throw indexError(`too many indices for tensor of dimension ${shape.length}`);
  if (items.filter((i) => i === '...').length > 1)
    throw indexError('an index can only have a single ellipsis');
  const tensors = items.filter((i) => i instanceof Tensor).length;
  if (tensors > 1)
    throw new TorchError(
      'NotImplementedError',
      'indexing with more than one tensor index is not supported yet',
    );
  const expanded: IndexItem[] = [];
  for (const item of items) {
    if (item === '...') for (let k = 0; k < shape.length - used; k++) expanded.push(WHOLE_DIM);
    else expanded.push(item);
  }
  const strides = stridesOf(shape);
  const axes: Axis[] = [];
  let dim = 0;
  let name = 'AliasBackward0';
  for (const item of expanded) {
    if (item === null) {
      axes.push({ offsets: [0], dims: [1] });
      name = 'UnsqueezeBackward0';
    } else if (item instanceof Tensor) {
      const axis =
        item.dtype === 'bool' && item.ndim > 0
          ? maskAxis(item, dim, shape, strides)
          : longAxis(item, dim, shape[dim], strides[dim]);
      axes.push(axis);
      dim += consumed(item);
    } else if (typeof item === 'number') {
      axes.push(intAxis(item, dim, shape[dim], strides[dim]));
      name = 'SelectBackward0';
      dim++;
    } else if (item !== '...') {
      axes.push(sliceAxis(item, shape[dim], strides[dim]));
      // The dims '...' stands for are taken whole: `x[...]` is torch's alias (AliasBackward0).
      if (item !== WHOLE_DIM) name = 'SliceBackward0';
      dim++;
    }
  }
  for (; dim < shape.length; dim++) axes.push(sliceAxis({}, shape[dim], strides[dim]));
  const outShape = axes.flatMap((a) => a.dims);
  const positions = new Int32Array(numelOf(outShape));
  let count = 1;
  positions[0] = 0;
  for (const axis of axes) {
    // Cartesian product, the last axis varying fastest (row-major output).
    const next = new Int32Array(count * axis.offsets.length);
    for (let i = 0; i < count; i++)
      for (let j = 0; j < axis.offsets.length; j++)
        next[i * axis.offsets.length + j] = positions[i] + axis.offsets[j];
    positions.set(next.subarray(0, positions.length));
    count *= axis.offsets.length;
  }
  return {
    shape: outShape,
    positions: positions.subarray(0, count),
    name: tensors > 0 ? 'IndexBackward0' : name,
    advanced: tensors > 0,
  };
}

/** Reads `t[items]`: a view sharing t's storage for basic indexing, a copy for tensor indices. */
export function index(t: Tensor, items: readonly IndexItem[]): Tensor {
  const r = resolve(t.shape, items);
  if (r.advanced) return gatherPositions(t, r.positions, r.shape, r.name);
  const { strides, offset } = basicView(t, items);
  const positions = r.positions;
  return recordView(viewOf(t, r.shape, strides, offset), {
    name: r.name,
    op: 'index',
    inputs: [t],
    backward: ([g]) => [scatterAddPositions(g, positions, t.shape)],
  });
}

/** The strides and storage offset of `t[items]` for ints, slices, None and '...' (validated). */
function basicView(t: Tensor, items: readonly IndexItem[]): { strides: number[]; offset: number } {
  const layout = layoutOf(t);
  let offset = layout.offset;
  const strides: number[] = [];
  let dim = 0;
  const rest = t.ndim - items.filter((i) => i !== null && i !== '...').length;
  const take = (item: IndexItem): void => {
    if (item === null) {
      strides.push(0);
    } else if (item === '...') {
      for (let k = 0; k < rest; k++) strides.push(layout.strides[dim++]);
    } else if (typeof item === 'number') {
      offset += (item < 0 ? item + t.shape[dim] : item) * layout.strides[dim++];
    } else {
      const s = item as Slice;
      const size = t.shape[dim];
      const start = s.start ?? 0;
      offset += Math.min(Math.max(start < 0 ? start + size : start, 0), size) * layout.strides[dim];
      strides.push(layout.strides[dim++] * (s.step ?? 1));
    }
  };
  items.forEach(take);
  while (dim < t.ndim) strides.push(layout.strides[dim++]);
  return { strides, offset };
}

/** Out of place `t[positions] = value` (value broadcast to the indexed shape). */
function put(t: Tensor, r: Resolved, value: Tensor): Tensor {
  const target = new Tensor(new Float64Array(r.positions.length), r.shape, t.dtype);
  const line = broadcastPair(target, value, t.dtype);
  const out = t.data.slice();
  for (let i = 0; i < r.positions.length; i++) out[r.positions[i]] = line.b[i * line.bs];
  return record(new Tensor(out, t.shape, t.dtype), {
    name: r.advanced ? 'IndexPutBackward0' : 'CopySlices',
    op: 'indexPut',
    inputs: [t, value],
    backward: ([g], node) => {
      const kept = node.needsInputGrad(0) ? put(g, r, toTensor(0)) : null;
      const taken = node.needsInputGrad(1)
        ? sumTo(gatherPositions(g, r.positions, r.shape, 'IndexBackward0'), value.shape)
        : null;
      return [kept, taken];
    },
  });
}

/** `t[items] = value` in place, under PyTorch's in-place rules. */
export function indexPut_(t: Tensor, items: readonly IndexItem[], value: Operand): Tensor {
  const r = resolve(t.shape, items);
  // The value is converted to the destination dtype, as torch's __setitem__ does.
  const v = toTensor(value);
  return inPlace(t, (x) => put(x, r, v), [v], true);
}
