// The Tensor: contiguous row-major storage, a dtype, and its place in the autograd graph.
import { isFloating, type DType, type Storage } from './dtype.ts';
import { runtimeError } from './errors.ts';
import { AccumulateGrad, type Node } from './node.ts';
import { backward, type BackwardOptions } from './engine.ts';

/** Counts in-place changes; shared by tensors that share storage (detach, .data). */
export interface VersionCounter {
  value: number;
}

export class Tensor {
  /** Contiguous row-major values; shared with aliases made by detach(). */
  data: Storage;
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly version: VersionCounter;
  /** The node that made this tensor (null for leaves). Replaced by in-place ops on non-leaves. */
  gradFn: Node | null = null;
  /** Which output of gradFn this tensor is. */
  outputNr = 0;
  /** A host-chosen name (a Python variable, a source line) that the graph export carries. */
  label: string | null = null;
  /** A Python scalar turned into a 0-dim tensor for an op (torch's "wrapped number"). */
  isWrappedNumber = false;
  /** Set by retainGrad(): backward stores this non-leaf's gradient in `.grad`. */
  retainsGrad = false;
  private leafRequiresGrad = false;
  private gradValue: Tensor | null = null;
  private accumulator: AccumulateGrad | null = null;

  constructor(data: Storage, shape: readonly number[], dtype: DType, version?: VersionCounter) {
    this.data = data;
    this.shape = shape;
    this.dtype = dtype;
    this.version = version ?? { value: 0 };
  }

  get requiresGrad(): boolean {
    return this.gradFn !== null || this.leafRequiresGrad;
  }

  get isLeaf(): boolean {
    return this.gradFn === null;
  }

  get grad(): Tensor | null {
    return this.gradValue;
  }

  set grad(value: Tensor | null) {
    if (value !== null) {
      if (value.dtype !== this.dtype)
        throw runtimeError(`assigned grad has data of a different type`);
      if (!sameShape(value.shape, this.shape))
        throw runtimeError(`assigned grad has data of a different size`);
    }
    this.gradValue = value;
  }

  get ndim(): number {
    return this.shape.length;
  }

  get numel(): number {
    return this.data.length;
  }

  /** The flat row-major values (the live storage: do not write into it). */
  values(): Storage {
    return this.data;
  }

  /** The value of a one-element tensor, as a JS number. */
  item(): number {
    if (this.data.length !== 1)
      throw runtimeError(
        `a Tensor with ${this.data.length} elements cannot be converted to Scalar`,
      );
    return this.data[0];
  }

  /** torch's requires_grad_(): only on leaves, only for floating dtypes. */
  requiresGrad_(flag = true): this {
    if (!this.isLeaf && !flag)
      throw runtimeError(
        "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
      );
    if (flag && !isFloating(this.dtype))
      throw runtimeError('only Tensors of floating point and complex dtype can require gradients');
    if (this.isLeaf) this.leafRequiresGrad = flag;
    return this;
  }

  retainGrad(): void {
    if (!this.requiresGrad)
      throw runtimeError("can't retain_grad on Tensor that has requires_grad=False");
    if (this.isLeaf || this.retainsGrad) return;
    this.retainsGrad = true;
    if (this.gradFn !== null) (this.gradFn.retained ??= []).push(this);
  }

  /** A new leaf sharing this tensor's storage and version counter, outside the graph. */
  detach(): Tensor {
    return new Tensor(this.data, this.shape, this.dtype, this.version);
  }

  /** The node that accumulates into this leaf's `.grad` (one per leaf, as in torch). */
  accumulateNode(): AccumulateGrad {
    if (this.accumulator === null) this.accumulator = new AccumulateGrad(this);
    return this.accumulator;
  }

  backward(gradient?: Tensor | null, options?: BackwardOptions): void {
    backward([this], gradient === undefined || gradient === null ? [null] : [gradient], options);
  }

  /** Makes this tensor the result of `node` (used by ops and by in-place history rewriting). */
  setHistory(node: Node | null, outputNr = 0): this {
    this.gradFn = node;
    this.outputNr = outputNr;
    if (node !== null) this.leafRequiresGrad = false;
    return this;
  }
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function numelOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}
