// torch.gather, scatter (of a tensor or a value) and scatter_add along one dim, with torch's
// checks and gradients (each written with these same ops, so they differentiate again).
import { castValue } from '../dtype.ts';
import { runtimeError } from '../errors.ts';
import { sameShape, Tensor } from '../tensor.ts';
import { zeros } from './creation.ts';
import { record } from './record.ts';
import { normalizeDim } from './shape.ts';
import { stridesOf } from '../shapes.ts';
import { allocate } from '../storage-pool.ts';

const sizes = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

function checkIndex(op: string, self: Tensor, dim: number, index: Tensor): number {
  if (index.dtype !== 'int64') throw runtimeError(`${op}(): Expected dtype int64 for index`);
  const d = normalizeDim(dim, self.ndim);
  if (index.ndim !== self.ndim && !(index.ndim <= 1 && self.ndim <= 1))
    throw runtimeError('Index tensor must have the same number of dimensions as input tensor');
  return d;
}

/**
 * Calls `visit(indexPosition, selfPosition, otherPosition)` for every element of `index`: the
 * self position takes the index value along `dim`, the other (src, or gather's output)
 * position keeps the coordinates, in `other`'s shape.
 */
function walk(
  self: Tensor,
  dim: number,
  index: Tensor,
  other: readonly number[],
  visit: (at: number, selfAt: number, otherAt: number) => void,
): void {
  const indexStrides = stridesOf(index.shape);
  const selfStrides = stridesOf(self.shape);
  const otherStrides = stridesOf(other);
  const size = self.ndim === 0 ? 1 : self.shape[dim];
  for (let at = 0; at < index.numel; at++) {
    const target = index.data[at];
    if (target < -size || target >= size)
      throw runtimeError(`index ${target} is out of bounds for dimension ${dim} with size ${size}`);
    let selfAt = 0;
    let otherAt = 0;
    let rest = at;
    for (let d = 0; d < index.ndim; d++) {
      const coordinate = Math.floor(rest / indexStrides[d]);
      rest -= coordinate * indexStrides[d];
      selfAt += (d === dim ? (target + size) % size : coordinate) * selfStrides[d];
      otherAt += coordinate * otherStrides[d];
    }
    visit(at, self.ndim === 0 ? 0 : selfAt, otherAt);
  }
}

/** torch.gather(input, dim, index): out[i][j] = input[index[i][j]][j] for dim 0. */
export function gather(input: Tensor, dim: number, index: Tensor): Tensor {
  const d = checkIndex('gather', input, dim, index);
  index.shape.forEach((size, k) => {
    if (k !== d && size > input.shape[k])
      throw runtimeError(
        `Size does not match at dimension ${k} expected index ${sizes(index.shape)} to be smaller than self ${sizes(input.shape)} apart from dimension ${d}`,
      );
  });
  const out = new Tensor(allocate(input.dtype, index.numel), index.shape, input.dtype);
  walk(input, d, index, index.shape, (at, selfAt) => (out.data[at] = input.data[selfAt]));
  return record(out, {
    name: 'GatherBackward0',
    op: 'gather',
    inputs: [input],
    attrs: { dim: d },
    backward: ([g]) => [scatterAdd(zeros(input.shape, { dtype: g.dtype }), d, index, g)],
  });
}

function checkScatter(op: string, self: Tensor, d: number, index: Tensor, src: Tensor | null) {
  const fits = index.shape.every(
    (size, k) => (k === d || size <= self.shape[k]) && (src === null || size <= src.shape[k]),
  );
  if (!fits)
    throw runtimeError(
      `Expected index ${sizes(index.shape)} to be smaller than self ${sizes(self.shape)} apart from dimension ${d}` +
        (src === null ? '' : ` and to be smaller size than src ${sizes(src.shape)}`),
    );
  if (src !== null && src.dtype !== self.dtype)
    throw runtimeError(`${op}(): Expected self.dtype to be equal to src.dtype`);
}

/** torch.scatter(self, dim, index, src): a copy of self with src's values written at index. */
export function scatter(self: Tensor, dim: number, index: Tensor, src: Tensor | number): Tensor {
  const d = checkIndex('scatter', self, dim, index);
  const source = typeof src === 'number' ? null : src;
  checkScatter('scatter', self, d, index, source);
  const out = new Tensor(self.data.slice(), self.shape, self.dtype);
  const value = source === null ? castValue(src as number, self.dtype) : 0;
  walk(self, d, index, source?.shape ?? index.shape, (_, selfAt, srcAt) => {
    out.data[selfAt] = source === null ? value : source.data[srcAt];
  });
  const selfGrad = (g: Tensor) => scatter(g, d, index, 0);
  if (source === null)
    return record(out, {
      name: 'ScatterBackward1',
      op: 'scatter',
      inputs: [self],
      attrs: { dim: d, value: src as number },
      backward: ([g]) => [selfGrad(g)],
    });
  return record(out, {
    name: 'ScatterBackward0',
    op: 'scatter',
    inputs: [self, source],
    attrs: { dim: d },
    backward: ([g], node) => [
      node.needsInputGrad(0) ? selfGrad(g) : null,
      node.needsInputGrad(1) ? srcGrad('ScatterBackward0', g, d, index, source) : null,
    ],
  });
}

/** src's gradient, g gathered at index: torch refuses it when src is larger than index. */
function srcGrad(node: string, g: Tensor, d: number, index: Tensor, src: Tensor): Tensor {
  if (!sameShape(src.shape, index.shape))
    throw runtimeError(
      `Function ${node} returned an invalid gradient at index 1 - got ${sizes(index.shape)} but expected shape compatible with ${sizes(src.shape)}`,
    );
  return gather(g, d, index);
}

/** torch.scatter_add(self, dim, index, src): self with src's values added at index. */
export function scatterAdd(self: Tensor, dim: number, index: Tensor, src: Tensor): Tensor {
  const d = checkIndex('scatter_add', self, dim, index);
  checkScatter('scatter_add', self, d, index, src);
  const out = new Tensor(self.data.slice(), self.shape, self.dtype);
  walk(self, d, index, src.shape, (_, selfAt, srcAt) => {
    out.data[selfAt] = castValue(out.data[selfAt] + src.data[srcAt], self.dtype);
  });
  return record(out, {
    name: 'ScatterAddBackward0',
    op: 'scatter_add',
    inputs: [self, src],
    attrs: { dim: d },
    backward: ([g], node) => [
      node.needsInputGrad(0) ? g : null,
      node.needsInputGrad(1) ? srcGrad('ScatterAddBackward0', g, d, index, src) : null,
    ],
  });
}
