// The Tensor: its values, a dtype, and its place in the autograd graph. A view (views.ts) shares
// its base's storage: every op still reads `data` as contiguous row-major values, which for a
// contiguous view is a subarray of the shared storage and for any other view a copy kept in step
// with the storage (re-read after a write through another alias, written back by wrote()).
import { isFloating, type DType, type Storage } from './dtype.ts';
import { runtimeError } from './errors.ts';
import { AccumulateGrad, type Node } from './node.ts';
import { stridesOf } from './shapes.ts';

/** Counts in-place changes; shared by a base, its views and detach() (not by `.data`). */
export interface VersionCounter {
  value: number;
}

/** What every tensor on one storage shares. */
export interface StorageState {
  /** Counts writes into the storage: a non-contiguous view re-reads its elements when it moved. */
  writes: number;
  /** Set once a second tensor uses the storage: buffer reuse must leave it alone from then on. */
  shared: boolean;
}

/** Where a view's elements sit in the storage it shares (torch's strides and storage offset). */
export interface Layout {
  /** The whole shared storage. */
  readonly storage: Storage;
  readonly offset: number;
  readonly strides: readonly number[];
  /** Storage positions of the elements in row-major order; null when they are contiguous. */
  readonly positions: Int32Array | null;
}

/** How a view's grad_fn is remade after an in-place change (torch's AsStridedBackward0). */
export type ViewHistory = (view: Tensor) => Node | null;

export class Tensor {
  private elements: Storage;
  /** Changed only by the in-place shape ops (unsqueeze_, t_...), which also change the layout. */
  shape: readonly number[];
  readonly dtype: DType;
  readonly version: VersionCounter;
  storageState: StorageState;
  /** null: the tensor owns its storage, contiguous from position 0. */
  layout: Layout | null = null;
  /** torch's `_base`: the tensor a view was made from (never itself a view). */
  base: Tensor | null = null;
  /** For a view made while grad mode was on: remakes its grad_fn once the version moves on. */
  viewHistory: ViewHistory | null = null;
  /** Whether the view was made with grad mode off (torch forbids in-place on it with grad mode on). */
  viewMadeWithoutGrad = false;
  /** The grad_fn name of an op that made several views at once (unbind...), which forbids writes. */
  multiOutputView: string | null = null;
  private historyVersion = 0;
  private syncedWrites = 0;
  private history: Node | null = null;
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
    this.elements = data;
    this.shape = shape;
    this.dtype = dtype;
    this.version = version ?? { value: 0 };
    this.storageState = { writes: 0, shared: false };
  }

  /** The values, contiguous row-major (for a non-contiguous view, re-read if the storage moved). */
  get data(): Storage {
    const layout = this.layout;
    if (
      layout !== null &&
      layout.positions !== null &&
      this.syncedWrites !== this.storageState.writes
    )
      this.readFromStorage(layout.storage, layout.positions);
    return this.elements;
  }

  private readFromStorage(storage: Storage, positions: Int32Array): void {
    const out = this.elements;
    for (let i = 0; i < positions.length; i++) out[i] = storage[positions[i]];
    this.syncedWrites = this.storageState.writes;
  }

  /**
   * Call after writing into `data`: a non-contiguous view carries the elements that changed back
   * to the shared storage (only those: several may sit on one storage element, as after expand),
   * and every other view of the storage will re-read.
   */
  wrote(): void {
    const layout = this.layout;
    this.storageState.writes++;
    if (layout === null || layout.positions === null) return;
    const { storage, positions } = layout;
    const values = this.elements;
    const changed: number[] = [];
    for (let i = 0; i < positions.length; i++) {
      const v = values[i];
      const old = storage[positions[i]];
      if (v !== old && !(v !== v && old !== old)) changed.push(i);
    }
    for (const i of changed) storage[positions[i]] = values[i];
    // Left behind the write count: the next read gathers again (elements sharing a storage
    // element all show the one written).
  }

  /** Gives the tensor new storage of its own (`x.data = y` in torch): its old views keep the old one. */
  replaceStorage(data: Storage): void {
    this.elements = data;
    this.layout = null;
    this.storageState = { writes: 0, shared: false };
  }

  /** Makes this tensor an alias of `source`'s storage with the given layout and values. */
  shareStorage(source: Tensor, layout: Layout, data: Storage = this.elements): this {
    this.elements = data;
    source.storageState.shared = true;
    this.storageState = source.storageState;
    this.layout = layout;
    this.syncedWrites = source.storageState.writes;
    return this;
  }

  /** In-place shape ops: this tensor takes `view`'s shape and layout (a view of itself). */
  takeShapeOf(view: Tensor): void {
    this.shape = view.shape;
    this.layout = view.layout;
    this.elements = view.elements;
    this.syncedWrites = view.syncedWrites;
  }

  /** The node that made this tensor (null for leaves). Replaced by in-place ops on non-leaves. */
  get gradFn(): Node | null {
    if (this.viewHistory !== null && this.historyVersion !== this.version.value) {
      this.historyVersion = this.version.value;
      this.history = this.viewHistory(this);
    }
    return this.history;
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
    return this.elements.length;
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
    return this.alias(this.version);
  }

  /** A tensor on this one's storage with its shape and layout (outside the graph). */
  alias(version: VersionCounter = { value: 0 }): Tensor {
    const copy = new Tensor(this.elements, this.shape, this.dtype, version);
    return copy.shareStorage(this, this.layout ?? ownLayout(this.elements, this.shape));
  }

  /** torch's `x.data = y` (same shape): x now uses y's storage; views of x keep the old one. */
  useStorageOf(source: Tensor): void {
    this.shareStorage(
      source,
      source.layout ?? ownLayout(source.elements, source.shape),
      source.elements,
    );
  }

  /** The node that accumulates into this leaf's `.grad` (one per leaf, as in torch). */
  accumulateNode(): AccumulateGrad {
    if (this.accumulator === null) this.accumulator = new AccumulateGrad(this);
    return this.accumulator;
  }

  /** Makes this tensor the result of `node` (used by ops and by in-place history rewriting). */
  setHistory(node: Node | null, outputNr = 0): this {
    this.history = node;
    this.historyVersion = this.version.value;
    this.outputNr = outputNr;
    if (node !== null) this.leafRequiresGrad = false;
    return this;
  }
}

/** The layout of a tensor that owns its storage: contiguous from position 0. */
function ownLayout(storage: Storage, shape: readonly number[]): Layout {
  return { storage, offset: 0, strides: stridesOf(shape), positions: null };
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
