// The gradients waiting for each node during one backward pass. Gradients the pass itself made
// are reference-counted: one held once is summed into in place and handed to a leaf without a
// copy, and its storage is recycled when no slot holds it any more. A fresh large buffer costs
// page faults on every first touch, which is most of what large elementwise backward passes pay.
import { recycle } from './storage-pool.ts';
import { simdBinary } from './wasm/simd-loops.ts';
import type { Node } from './node.ts';
import { add } from './ops/binary.ts';
import { sameShape, type Tensor } from './tensor.ts';
import { sharesStorage } from './views.ts';

export class GradientBuffers {
  private readonly slots = new Map<Node, (Tensor | null)[]>();
  /** Gradients made by this pass (nothing outside holds them) -> slots holding them. */
  private readonly refs = new Map<Tensor, number>();
  private readonly reuse: boolean;

  /** `reuse` is off with create_graph, whose gradients are part of a new graph. */
  constructor(reuse: boolean) {
    this.reuse = reuse;
  }

  /** Declares `g` made by this pass and referenced nowhere else. */
  adopt(g: Tensor): void {
    if (this.reuse && !this.refs.has(g)) this.refs.set(g, 0);
  }

  /** adopt(), holding `g` until the caller passes it to done(). */
  claim(g: Tensor): void {
    this.adopt(g);
    this.hold(g, 1);
  }

  /** Stops tracking `g`: it leaves the pass (a leaf's .grad, autograd.grad's result, user code). */
  escape(g: Tensor): void {
    this.refs.delete(g);
  }

  /** Whether `g` is the pass's own and held by exactly one slot (and no view shares its storage). */
  owns(g: Tensor): boolean {
    return this.refs.get(g) === 1 && !g.storageState.shared;
  }

  /** Adds `g` (`times` times over: x * x sends its gradient twice) to output `nr` of `node`. */
  deliver(node: Node, nr: number, g: Tensor, times = 1): void {
    let slots = this.slots.get(node);
    if (slots === undefined) {
      slots = [];
      this.slots.set(node, slots);
    }
    const existing = slots[nr] ?? null;
    if (
      existing !== null &&
      this.owns(existing) &&
      existing !== g &&
      sameShape(existing.shape, g.shape) &&
      existing.dtype === g.dtype
    ) {
      addInto(existing, g, times);
      this.hold(g, 0);
      return;
    }
    if (existing === null) {
      slots[nr] = g;
      this.hold(g, 1);
    } else {
      const sum = add(existing, g);
      this.adopt(sum);
      slots[nr] = sum;
      this.hold(sum, 1);
      this.hold(existing, -1);
      this.hold(g, 0);
    }
    if (times > 1) this.deliver(node, nr, g, times - 1);
  }

  /**
   * Which of a node's output gradients it may overwrite (see BackwardFn's `spare`): those this
   * pass owns alone. A custom Function's gets none, and its gradients leave the pass.
   */
  lend(grads: readonly Tensor[], custom: boolean): boolean[] {
    if (custom) for (const g of grads) this.escape(g);
    return grads.map((g) => !custom && this.owns(g));
  }

  /**
   * After `node` ran: a result written into a spare gradient's storage owns it now (never recycle
   * it twice); the results the node made itself are held until done() (x * x sends one result
   * twice). Returns those results.
   */
  settle(
    node: Node,
    grads: readonly Tensor[],
    spare: readonly boolean[],
    results: readonly (Tensor | null)[],
    custom: boolean,
  ): Tensor[] {
    grads.forEach((g, i) => {
      if (spare[i] && results.some((r) => r !== g && r !== null && sharesStorage(r, g)))
        this.escape(g);
    });
    const made = custom ? [] : madeBy(node, grads, spare, results);
    for (const g of made) this.claim(g);
    return made;
  }

  /** Removes and returns the gradients waiting for `node`; call done() with them afterwards. */
  take(node: Node): (Tensor | null)[] | undefined {
    const slots = this.slots.get(node);
    this.slots.delete(node);
    return slots;
  }

  /** The node consumed these gradients: release the slots that held them. */
  done(grads: readonly (Tensor | null)[]): void {
    for (const g of grads) if (g !== null) this.hold(g, -1);
  }

  private hold(g: Tensor, change: number): void {
    const count = this.refs.get(g);
    if (count === undefined) return;
    const next = count + change;
    if (next > 0) {
      this.refs.set(g, next);
    } else {
      this.refs.delete(g);
      if (!g.storageState.shared) recycle(g.data);
    }
  }
}

/**
 * The results `node` made itself, whose storage nothing else can read: not sharing it with one of
 * its inputs, another result, or a gradient other than a spare one it was written into.
 */
function madeBy(
  node: Node,
  grads: readonly Tensor[],
  spare: readonly boolean[],
  results: readonly (Tensor | null)[],
): Tensor[] {
  const made: Tensor[] = [];
  for (const r of results) {
    if (r === null || made.includes(r)) continue;
    const shares = (t: Tensor | null): boolean => t !== null && t !== r && sharesStorage(t, r);
    if (grads.includes(r) || node.inputs.some((t) => t === r || sharesStorage(t, r))) continue;
    if (results.some(shares) || grads.some((g, i) => !spare[i] && shares(g))) continue;
    made.push(r);
  }
  return made;
}

/** target += source (`times` times over), in target's storage, rounding to its dtype each time. */
export function addInto(target: Tensor, source: Tensor, times = 1): void {
  const t = target.data;
  const s = source.data;
  const done = simdBinary('add', t, t, 1, s, 1, t.length, 1, times);
  for (let i = done; i < t.length; i++) for (let pass = 0; pass < times; pass++) t[i] += s[i];
}
