// Ops that return several views of one tensor (unbind, split, chunk): one node with an output per
// view, as torch's UnbindBackward0 / SplitBackward0, whose views torch forbids writing in place.
import { runtimeError } from '../errors.ts';
import { isGradEnabled } from '../grad-mode.ts';
import { Node } from '../node.ts';
import type { Tensor } from '../tensor.ts';
import { layoutOf, viewOf } from '../views.ts';
import { cat, stack } from './join.ts';
import { normalizeDim } from './shape.ts';

/** Views of `t` along `dim`: `sizes[i]` elements each (a size of null drops the dim: unbind). */
function views(t: Tensor, dim: number, sizes: readonly (number | null)[], name: string): Tensor[] {
  const { strides, offset } = layoutOf(t);
  let start = 0;
  const outputs = sizes.map((size) => {
    const shape = [...t.shape];
    const steps = [...strides];
    if (size === null) {
      shape.splice(dim, 1);
      steps.splice(dim, 1);
    } else {
      shape[dim] = size;
    }
    const view = viewOf(t, shape, steps, offset + start * strides[dim]);
    start += size ?? 1;
    view.multiOutputView = name;
    return view;
  });
  if (isGradEnabled() && t.requiresGrad) {
    const node = new Node({
      name,
      op: name === 'UnbindBackward0' ? 'unbind' : 'split',
      inputs: [t],
      outputs,
      backward: (grads) => [name === 'UnbindBackward0' ? stack(grads, dim) : cat(grads, dim)],
    });
    outputs.forEach((view, i) => view.setHistory(node, i));
  }
  return outputs;
}

/** torch.unbind: the slices along `dim`, each without that dim. */
export function unbind(t: Tensor, dim = 0): Tensor[] {
  const d = normalizeDim(dim, t.ndim);
  return views(t, d, new Array<null>(t.shape[d]).fill(null), 'UnbindBackward0');
}

/** torch.split with one size (the last piece may be smaller) or a list of sizes. */
export function split(t: Tensor, sizes: number | readonly number[], dim = 0): Tensor[] {
  const d = normalizeDim(dim, t.ndim);
  const length = t.shape[d];
  if (typeof sizes !== 'number') {
    const total = sizes.reduce((a, b) => a + b, 0);
    if (total !== length)
      throw runtimeError(
        `split_with_sizes expects split_sizes to sum exactly to ${length} (input tensor's size at dimension ${d}), but got split_sizes=[${sizes.join(', ')}]`,
      );
    return views(t, d, sizes, 'SplitWithSizesBackward0');
  }
  if (sizes <= 0 && length > 0)
    throw runtimeError(
      `split_size can only be 0 if dimension size is 0, but got dimension size of ${length}`,
    );
  const pieces: number[] = [];
  for (let start = 0; start < length || pieces.length === 0; start += sizes)
    pieces.push(Math.min(sizes, length - start));
  return views(t, d, pieces, 'SplitBackward0');
}

/** torch.chunk: `chunks` pieces of ceil(size / chunks) elements (fewer when they run out). */
export function chunk(t: Tensor, chunks: number, dim = 0): Tensor[] {
  if (chunks <= 0)
    throw runtimeError('chunk expects `chunks` to be greater than 0, got: ' + chunks);
  const d = normalizeDim(dim, t.ndim);
  return split(t, Math.max(Math.ceil(t.shape[d] / chunks), 1), d);
}
