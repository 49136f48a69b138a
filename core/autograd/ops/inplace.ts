// In-place ops (add_, mul_, zero_, ...) with PyTorch's rules: refused on leaves that require grad
// (and their views) while grad mode is on; on other tensors the result's history replaces the
// tensor's own, and a write through a view makes its base the result of CopySlices.
import { canCast, scalarTypeName } from '../dtype.ts';
import {
  LEAF_INPLACE,
  LEAF_VIEW_INPLACE,
  multiOutputViewInPlace,
  NO_GRAD_VIEW_INPLACE,
  OVERLAPPING_WRITE,
  runtimeError,
} from '../errors.ts';
import { isGradEnabled } from '../grad-mode.ts';
import { sameShape, Tensor } from '../tensor.ts';
import { add, div, mul, sub, type AlphaOptions, type ScalarOptions } from './binary.ts';
import { clamp, type ClampBounds } from './clamp.ts';
import { toDType } from './convert.ts';
import { fullLike } from './creation.ts';
import { storageAs, type Operand } from './elementwise.ts';
import { copySlices } from './positions.ts';
import { record, untracked } from './record.ts';
import { expand, sumTo } from './shape.ts';
import { overlapsItself } from '../views.ts';

/** The tensor's current value as a separate tensor carrying its history (what backward saves). */
function snapshot(self: Tensor): Tensor {
  const old = new Tensor(self.data.slice(), self.shape, self.dtype);
  if (self.gradFn !== null) old.setHistory(self.gradFn, self.outputNr);
  else if (self.requiresGrad) old.requiresGrad_(true);
  return old;
}

/** torch's checks before writing into a view: its base's leaf rule, and grad mode then and now. */
function checkViewWrite(self: Tensor): void {
  const base = self.base;
  if (base === null || !isGradEnabled() || !base.requiresGrad) return;
  if (self.multiOutputView !== null)
    throw runtimeError(multiOutputViewInPlace(self.multiOutputView, self.outputNr));
  if (self.viewMadeWithoutGrad) throw runtimeError(NO_GRAD_VIEW_INPLACE);
  if (base.isLeaf) throw runtimeError(LEAF_VIEW_INPLACE);
}

/**
 * Applies `compute` to `self`'s value and writes the result into `self`'s storage.
 * `inputs` are the other tensors the op reads (for deciding whether autograd records).
 * `fills`: every element gets one value (zero_, fill_, `x[i] = v`), which torch allows into an
 * expanded tensor whose elements share storage.
 */
export function inPlace(
  self: Tensor,
  compute: (current: Tensor) => Tensor,
  inputs: readonly Operand[] = [],
  fills = false,
): Tensor {
  checkViewWrite(self);
  const recording =
    isGradEnabled() &&
    (self.requiresGrad || inputs.some((t) => t instanceof Tensor && t.requiresGrad));
  if (recording && self.isLeaf && self.requiresGrad) throw runtimeError(LEAF_INPLACE);
  if (!fills && overlapsItself(self)) throw runtimeError(OVERLAPPING_WRITE);
  const throughView = recording && self.base !== null && self.viewHistory !== null;
  const before = throughView ? snapshot(self.base as Tensor) : null;
  const result = recording ? compute(snapshot(self)) : untracked(() => compute(self));
  if (!canCast(result.dtype, self.dtype))
    throw runtimeError(
      `result type ${scalarTypeName(result.dtype)} can't be cast to the desired output type ${scalarTypeName(self.dtype)}`,
    );
  if (!sameShape(result.shape, self.shape))
    throw runtimeError(
      `output with shape [${self.shape.join(', ')}] doesn't match the broadcast shape [${result.shape.join(', ')}]`,
    );
  self.data.set(storageAs(result, self.dtype));
  self.wrote();
  self.version.value++;
  // The view's own grad_fn is remade from its base's new history when next read.
  if (before !== null) copySlices(self, before, result);
  else if (recording) {
    self.setHistory(result.gradFn, result.outputNr);
    if (self.retainsGrad && result.gradFn !== null) (result.gradFn.retained ??= []).push(self);
  }
  return self;
}

export const add_ = (self: Tensor, other: Operand, options?: AlphaOptions): Tensor =>
  inPlace(self, (x) => add(x, other, options), [other]);
export const sub_ = (self: Tensor, other: Operand, options?: AlphaOptions): Tensor =>
  inPlace(self, (x) => sub(x, other, options), [other]);
export const mul_ = (self: Tensor, other: Operand, options?: ScalarOptions): Tensor =>
  inPlace(self, (x) => mul(x, other, options), [other]);
export const div_ = (self: Tensor, other: Operand, options?: ScalarOptions): Tensor =>
  inPlace(self, (x) => div(x, other, options), [other]);
export const clamp_ = (self: Tensor, bounds: ClampBounds): Tensor =>
  inPlace(self, (x) => clamp(x, bounds));

/** Tensor.fill_(value): FillBackward2 (torch numbers the in-place Scalar overload 2). */
export function fill_(self: Tensor, value: number): Tensor {
  return inPlace(
    self,
    (x) =>
      record(fullLike(x, value), {
        name: 'FillBackward2',
        op: 'fill',
        inputs: [x],
        attrs: { value },
        backward: ([g]) => [fullLike(g, 0)],
      }),
    [],
    true,
  );
}

/** Tensor.zero_(): ZeroBackward0. */
export function zero_(self: Tensor): Tensor {
  return inPlace(
    self,
    (x) =>
      record(fullLike(x, 0), {
        name: 'ZeroBackward0',
        op: 'zero',
        inputs: [x],
        backward: ([g]) => [fullLike(g, 0)],
      }),
    [],
    true,
  );
}

/** Tensor.copy_(src): src's values (broadcast, cast) replace self's; CopyBackwards. */
export function copy_(self: Tensor, src: Tensor): Tensor {
  return inPlace(
    self,
    (x) =>
      record(
        untracked(() => toDType(expand(src, x.shape), x.dtype)),
        {
          name: 'CopyBackwards',
          op: 'copy',
          inputs: [x, src],
          operands: [src],
          backward: ([g], node) => [
            node.needsInputGrad(0) ? fullLike(g, 0) : null,
            node.needsInputGrad(1) ? toDType(sumTo(g, src.shape), src.dtype) : null,
          ],
        },
      ),
    [src],
  );
}

/**
 * torch's in-place shape ops (unsqueeze_, squeeze_, t_, transpose_): `self` takes the shape and
 * strides of the view `reshaped` makes of it, under the in-place rules; its history becomes that
 * view's (torch's UnsqueezeBackward1, TBackward1...).
 */
export function reshapeInPlace(self: Tensor, reshaped: (t: Tensor) => Tensor): Tensor {
  checkViewWrite(self);
  if (isGradEnabled() && self.isLeaf && self.requiresGrad) throw runtimeError(LEAF_INPLACE);
  // The node keeps the tensor as it was (its shape, its history): `self` changes below.
  const before = self.alias(self.version);
  if (self.gradFn !== null) before.setHistory(self.gradFn, self.outputNr);
  const view = reshaped(before);
  const history = view.gradFn;
  self.takeShapeOf(view);
  self.version.value++;
  if (history !== null) self.setHistory(history);
  return self;
}
