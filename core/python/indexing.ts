// Tensor indexing for Python's `x[i]`, `x[1:3]`, `x[mask]` and `x[mask] = value`: positions
// are worked out here on flat row-major storage; the read is recorded for autograd as torch's
// IndexBackward0 (the gradient scattered back to the positions read).
import * as ag from '../autograd/index.ts';
import type { Tensor } from '../autograd/index.ts';

/** One entry of a Python index expression, as the torch package encodes it. */
export type IndexPart =
  | ['int', number]
  | ['slice', number | null | undefined, number | null | undefined, number | null | undefined]
  | ['tensor', Tensor]
  | ['none']
  | ['ellipsis'];

interface Selection {
  /** Flat positions in the source, in the order of the result's elements. */
  positions: number[];
  shape: number[];
}

function indexError(message: string): ag.TorchError {
  return new ag.TorchError('IndexError', message);
}

function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) strides[i] = strides[i + 1] * shape[i + 1];
  return strides;
}

/** Python's slice.indices(): the positions a slice picks along a dim of `size`. */
function sliceRange(
  size: number,
  start?: number | null,
  stop?: number | null,
  step?: number | null,
): number[] {
  const by = step ?? 1;
  if (by <= 0) throw new ag.TorchError('ValueError', 'step must be greater than zero');
  const clampIndex = (value: number) =>
    Math.min(Math.max(value < 0 ? value + size : value, 0), size);
  const from = start === null || start === undefined ? 0 : clampIndex(start);
  const to = stop === null || stop === undefined ? size : clampIndex(stop);
  const picked: number[] = [];
  for (let i = from; i < to; i += by) picked.push(i);
  return picked;
}

/** Per-dim lists of positions (basic indexing), or a whole-tensor boolean mask. */
function select(source: Tensor, parts: IndexPart[]): Selection {
  const mask = parts.length === 1 && parts[0][0] === 'tensor' ? parts[0][1] : null;
  if (mask !== null) return maskSelection(source, mask);
  const shape = source.shape;
  const explicit = parts.filter((p) => p[0] !== 'none' && p[0] !== 'ellipsis').length;
  if (explicit > shape.length)
    throw indexError(`too many indices for tensor of dimension ${shape.length}`);
  const axes: number[][] = [];
  const resultShape: number[] = [];
  let dim = 0;
  for (const part of parts) {
    if (part[0] === 'none') resultShape.push(1);
    else if (part[0] === 'ellipsis') {
      const span = shape.length - explicit;
      for (let k = 0; k < span; k++, dim++) {
        axes.push([...Array(shape[dim]).keys()]);
        resultShape.push(shape[dim]);
      }
    } else if (part[0] === 'int') {
      const size = shape[dim];
      const index = part[1] < 0 ? part[1] + size : part[1];
      if (index < 0 || index >= size)
        throw indexError(
          `index ${part[1]} is out of bounds for dimension ${dim} with size ${size}`,
        );
      axes.push([index]);
      dim++;
    } else if (part[0] === 'slice') {
      const picked = sliceRange(shape[dim], part[1], part[2], part[3]);
      axes.push(picked);
      resultShape.push(picked.length);
      dim++;
    } else {
      throw new ag.TorchError(
        'NotImplementedError',
        'indexing a tensor with tensors beside other indices is not supported in Gradlab yet',
      );
    }
  }
  for (; dim < shape.length; dim++) {
    axes.push([...Array(shape[dim]).keys()]);
    resultShape.push(shape[dim]);
  }
  const strides = stridesOf(shape);
  let positions = [0];
  axes.forEach((picked, axis) => {
    const next: number[] = [];
    for (const base of positions) for (const i of picked) next.push(base + i * strides[axis]);
    positions = next;
  });
  return { positions, shape: resultShape };
}

function maskSelection(source: Tensor, mask: Tensor): Selection {
  if (mask.dtype !== 'bool')
    throw new ag.TorchError(
      'NotImplementedError',
      'indexing with an integer tensor is not supported in Gradlab yet',
    );
  if (mask.shape.join(',') !== source.shape.join(','))
    throw indexError(
      `The shape of the mask [${mask.shape.join(', ')}] at index 0 does not match the shape of the indexed tensor [${source.shape.join(', ')}] at index 0`,
    );
  const positions: number[] = [];
  mask.values().forEach((keep, i) => {
    if (keep) positions.push(i);
  });
  return { positions, shape: [positions.length] };
}

export function getItem(source: Tensor, parts: IndexPart[]): Tensor {
  const { positions, shape } = select(source, parts);
  const values = source.values();
  const picked = positions.map((p) => values[p]);
  const result = ag.tensor(picked, shape, { dtype: source.dtype });
  if (!(ag.isGradEnabled() && source.requiresGrad)) return result;
  const node = new ag.Node({
    name: 'IndexBackward0',
    op: 'index',
    inputs: [source],
    outputs: [result],
    backward: ([grad]) => {
      const full = new Float64Array(source.values().length);
      const incoming = grad.values();
      positions.forEach((p, i) => (full[p] += incoming[i]));
      return [ag.tensor(full, source.shape, { dtype: source.dtype })];
    },
  });
  return result.setHistory(node);
}

/** `x[index] = value` on a tensor autograd does not track (e.g. a gradient in backward). */
export function setItem(
  target: Tensor,
  parts: IndexPart[],
  value: Tensor | number | boolean,
): void {
  if (ag.isGradEnabled() && target.requiresGrad) {
    if (target.isLeaf)
      throw new ag.TorchError(
        'RuntimeError',
        'a leaf Variable that requires grad is being used in an in-place operation.',
      );
    throw new ag.TorchError(
      'NotImplementedError',
      'assigning into part of a tensor that requires grad is not supported in Gradlab yet',
    );
  }
  const { positions } = select(target, parts);
  const storage = target.data;
  if (value instanceof ag.Tensor) {
    const source = value.values();
    if (source.length !== 1 && source.length !== positions.length)
      throw new ag.TorchError(
        'RuntimeError',
        `shape mismatch: value tensor of shape [${value.shape.join(', ')}] cannot be broadcast to indexing result of shape [${positions.length}]`,
      );
    positions.forEach((p, i) => (storage[p] = source[source.length === 1 ? 0 : i]));
  } else {
    const number = Number(value);
    for (const p of positions) storage[p] = number;
  }
  target.version.value++;
}
