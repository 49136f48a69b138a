// Reading a tensor at flat storage positions and adding back into them: indexing's copies and their
// gradients, and the graph of views (AsStridedBackward0, CopySlices) after writes through them.
import { isGradEnabled } from '../grad-mode.ts';
import { Node, setExecuting } from '../node.ts';
import { Tensor } from '../tensor.ts';
import { positionsInBase } from '../views.ts';
import { add } from './binary.ts';
import { record, type OpRecord } from './record.ts';
import { allocate } from '../storage-pool.ts';
import { numelOf } from '../shapes.ts';

/** Reads `t` at flat `positions` into a tensor of `shape` (backward scatters back). */
export function gatherPositions(
  t: Tensor,
  positions: Int32Array,
  shape: number[],
  name: string,
): Tensor {
  const out = allocate(t.dtype, positions.length);
  const data = t.data;
  for (let i = 0; i < positions.length; i++) out[i] = data[positions[i]];
  return record(new Tensor(out, shape, t.dtype), {
    name,
    op: 'index',
    inputs: [t],
    backward: ([g]) => [scatterAddPositions(g, positions, t.shape)],
  });
}

/** The gradient of a gather: zeros of `shape` with `g` added at `positions`. */
export function scatterAddPositions(
  g: Tensor,
  positions: Int32Array,
  shape: readonly number[],
): Tensor {
  const out = allocate(g.dtype, numelOf(shape));
  const data = g.data;
  for (let i = 0; i < positions.length; i++) out[positions[i]] += data[i];
  return record(new Tensor(out, [...shape], g.dtype), {
    name: 'IndexPutBackward0',
    op: 'indexBackward',
    inputs: [g],
    backward: ([gg]) => [gatherPositions(gg, positions, [...g.shape], 'IndexBackward0')],
  });
}

/** `g` with the elements at `positions` set to zero (the part of a gradient a write replaced). */
function zeroedAt(g: Tensor, positions: Int32Array): Tensor {
  const out = g.data.slice();
  for (let i = 0; i < positions.length; i++) out[positions[i]] = 0;
  return record(new Tensor(out, g.shape, g.dtype), {
    name: 'IndexPutBackward0',
    op: 'indexPut',
    inputs: [g],
    backward: ([gg]) => [zeroedAt(gg, positions)],
  });
}

/**
 * Records the view op that made `view` and, if grad mode is on, how torch remakes its grad_fn
 * once it or its base is changed in place: AsStridedBackward0 from the base's current history.
 */
export function recordView(view: Tensor, spec: OpRecord): Tensor {
  record(view, spec);
  if (isGradEnabled()) view.viewHistory = asStridedHistory;
  else view.viewMadeWithoutGrad = true;
  return view;
}

function asStridedHistory(view: Tensor): Node | null {
  const base = view.base;
  if (base === null || !base.requiresGrad) return null;
  const positions = positionsInBase(view, base);
  const baseShape = base.shape;
  return new Node(
    {
      name: 'AsStridedBackward0',
      op: 'asStrided',
      inputs: [base],
      backward: ([g]) => [scatterAddPositions(g, positions, baseShape)],
    },
    view,
  );
}

/**
 * After `view` was written in place with `value`, its base becomes the result of torch's
 * CopySlices: the old base (`before`, with its history) with the view's elements replaced.
 * As in torch, the node wraps the write's own node (`value`'s grad_fn, whose input 0 is the
 * view): its other inputs become CopySlices' own, and its gradient for the view goes to the
 * view's place in the base's gradient.
 */
export function copySlices(view: Tensor, before: Tensor, value: Tensor): void {
  const base = view.base as Tensor;
  const fn = value.gradFn;
  if (fn === null) return;
  const positions = positionsInBase(view, base);
  const viewShape = [...view.shape];
  const saved = [...fn.saved];
  record(base, {
    name: 'CopySlices',
    op: 'copySlices',
    inputs: [before, ...fn.inputs.slice(1)],
    saved,
    backward: ([g], node) => {
      // The view's own edge is not in this graph: let fn compute every gradient it can.
      const previous = setExecuting(null);
      let grads: readonly (Tensor | null)[];
      try {
        grads = fn.apply([gatherPositions(g, positions, viewShape, 'AsStridedBackward0')]);
      } finally {
        setExecuting(previous);
      }
      const kept = zeroedAt(g, positions);
      const self = grads[0] ?? null;
      const rest = grads.slice(1).map((r, i) => (node.needsInputGrad(i + 1) ? r : null));
      return [
        self === null ? kept : add(kept, scatterAddPositions(self, positions, g.shape)),
        ...rest,
      ];
    },
  });
  // Freeing CopySlices frees the write's node (a second backward then fails as in torch).
  if (saved.length > 0 && base.gradFn !== null) base.gradFn.onRelease = () => fn.release();
}
