// The backward pass: visit the graph in reverse creation order (a topological order, as torch's
// ready queue), feed each node the summed gradients of its outputs, deliver results to leaves.
import { isExpandableTo } from './broadcast.ts';
import { IMPLICIT_GRAD_SCALAR_ONLY, noGradFn, runtimeError } from './errors.ts';
import { withGradMode } from './grad-mode.ts';
import { addInto, GradientBuffers } from './grad-buffers.ts';
import { AccumulateGrad, setExecuting, type Node } from './node.ts';
import { add } from './ops/binary.ts';
import { toDType } from './ops/convert.ts';
import { copy_ } from './ops/inplace.ts';
import { onesLike, zeros } from './ops/creation.ts';
import { sumTo } from './ops/shape.ts';
import { sameShape, Tensor } from './tensor.ts';
import type { BackwardRecording } from './backward-trace.ts';
import { tensorValue, type TensorValue } from './json-values.ts';

export interface BackwardOptions {
  retainGraph?: boolean;
  createGraph?: boolean;
  /** Records each node the pass runs, with the numbers it computed (see backward-trace.ts). */
  trace?: BackwardRecording;
}

export interface GradOptions extends BackwardOptions {
  gradOutputs?: readonly (Tensor | null)[] | null;
  allowUnused?: boolean;
}

/** Called with the outputs at the start of every backward()/autograd.grad(), graph still intact. */
export type BackwardListener = (outputs: readonly Tensor[]) => void;

const listeners = new Set<BackwardListener>();

/** Subscribes to backward passes; returns the unsubscribe function. */
export function onBackward(listener: BackwardListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** torch.autograd.backward: accumulates d(outputs)/d(leaf) into every leaf's `.grad`. */
export function backward(
  outputs: readonly Tensor[],
  grads: readonly (Tensor | null)[],
  options?: BackwardOptions,
): void {
  const roots = rootGradients(outputs, grads);
  for (const listener of listeners) listener(outputs);
  const createGraph = options?.createGraph ?? false;
  run(roots, options?.retainGraph ?? createGraph, createGraph, null, options?.trace ?? null);
}

/** torch.autograd.grad: the gradients of `outputs` with respect to `inputs`, leaving `.grad` alone. */
export function autogradGrad(
  outputs: readonly Tensor[],
  inputs: readonly Tensor[],
  options?: GradOptions,
): (Tensor | null)[] {
  const roots = rootGradients(outputs, options?.gradOutputs ?? outputs.map(() => null));
  for (const t of inputs)
    if (!t.requiresGrad)
      throw runtimeError('One of the differentiated Tensors does not require grad');
  for (const listener of listeners) listener(outputs);
  const createGraph = options?.createGraph ?? false;
  const targets = inputs.map((t): Target => [
    t.isLeaf ? t.accumulateNode() : (t.gradFn as Node),
    t.isLeaf ? 0 : t.outputNr,
  ]);
  const captured = run(
    roots,
    options?.retainGraph ?? createGraph,
    createGraph,
    targets,
    options?.trace ?? null,
  );
  return captured.map((g, i) => {
    if (g === null && !options?.allowUnused)
      throw runtimeError(
        'One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.',
      );
    return g === null ? null : toDType(g, inputs[i].dtype);
  });
}

type Target = [Node, number];

interface Root {
  node: Node;
  outputNr: number;
  grad: Tensor;
}

function rootGradients(outputs: readonly Tensor[], grads: readonly (Tensor | null)[]): Root[] {
  return outputs.map((out, i) => {
    if (!out.requiresGrad) throw runtimeError(noGradFn(i));
    const given = grads[i] ?? null;
    if (given === null && out.numel !== 1) throw runtimeError(IMPLICIT_GRAD_SCALAR_ONLY);
    if (given !== null && !sameShape(given.shape, out.shape))
      throw runtimeError(
        `Mismatch in shape: grad_output[${i}] has a shape of torch.Size([${given.shape.join(', ')}]) and output[${i}] has a shape of torch.Size([${out.shape.join(', ')}]).`,
      );
    const node = out.gradFn ?? out.accumulateNode();
    return { node, outputNr: out.outputNr, grad: given ?? onesLike(out) };
  });
}

/**
 * Every node reachable from the roots, in execution order: creation order reversed (a node is
 * always made after the nodes of its inputs, so this is topological), accumulators last.
 */
function collect(roots: readonly Root[]): Node[] {
  const seen = new Set<Node>();
  const stack = roots.map((r) => r.node);
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (seen.has(node)) continue;
    seen.add(node);
    for (const [next] of node.nextFunctions) if (next !== null && !seen.has(next)) stack.push(next);
  }
  return [...seen].sort((a, b) => rank(b) - rank(a));
}

function rank(node: Node): number {
  return node instanceof AccumulateGrad ? -1 : node.seq;
}

/** Nodes from which some target is reachable (autograd.grad skips the others). */
function needed(order: readonly Node[], targets: readonly Target[]): Set<Node> {
  const result = new Set<Node>(targets.map(([node]) => node));
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    if (node.nextFunctions.some(([next]) => next !== null && result.has(next))) result.add(node);
  }
  return result;
}

function run(
  roots: readonly Root[],
  retainGraph: boolean,
  createGraph: boolean,
  targets: readonly Target[] | null,
  trace: BackwardRecording | null,
): (Tensor | null)[] {
  const order = collect(roots);
  const active = targets === null ? null : needed(order, targets);
  const buffers = new GradientBuffers(!createGraph);
  for (const root of roots) buffers.deliver(root.node, root.outputNr, root.grad);
  const captured: (Tensor | null)[] = (targets ?? []).map(() => null);
  const previous = setExecuting(active);
  try {
    withGradMode(createGraph, () => {
      for (const node of order) {
        if (active !== null && !active.has(node)) continue;
        const slots = buffers.take(node);
        if (slots === undefined) continue;
        targets?.forEach(([target, nr], i) => {
          if (target !== node) return;
          captured[i] = slots[nr] ?? null;
          if (captured[i] !== null) buffers.escape(captured[i] as Tensor);
        });
        retain(node, slots);
        if (node instanceof AccumulateGrad) {
          trace?.begin(node, slots);
          if (targets === null && slots[0]) {
            const before = trace === null ? null : tensorValueOf(node.variable.grad);
            accumulate(node.variable, slots[0], createGraph, buffers);
            trace?.accumulated(before, node.variable.grad as Tensor);
          }
          buffers.done(slots);
          continue;
        }
        // autograd.grad: a target whose inputs lead to no other target need not run.
        if (
          active !== null &&
          !node.nextFunctions.some(([next]) => next !== null && active.has(next))
        ) {
          buffers.done(slots);
          continue;
        }
        const grads = node.outputMeta.map(
          (meta, i) => slots[i] ?? zeros(meta.shape, { dtype: meta.dtype }),
        );
        // A custom Function's backward is user code that may keep what it is given or returns.
        const custom = node.op === 'custom';
        if (custom) for (const g of grads) buffers.escape(g);
        const spare = grads.map((g) => !custom && buffers.owns(g));
        trace?.begin(node, slots);
        const results = node.apply(grads, spare);
        if (custom) trace?.returned(results);
        // A result written into a spare gradient's storage now owns it: never recycle it twice.
        grads.forEach((g, i) => {
          if (spare[i] && results.some((r) => r !== g && r?.data === g.data)) buffers.escape(g);
        });
        if (!retainGraph) node.release();
        checkCount(node, results);
        const made = custom ? [] : madeBy(node, grads, spare, results);
        // The pass holds what the node made until every edge has it (x * x sends one result twice).
        for (const g of made) buffers.claim(g);
        for (let i = 0; i < results.length; i++) {
          const [next, nr] = node.nextFunctions[i];
          const g = results[i];
          if (next === null || g === null || g === undefined) continue;
          if (active !== null && !active.has(next)) continue;
          const grad = conform(node, i, g);
          if (grad !== g && !custom) buffers.adopt(grad);
          const times = grad === g ? repeats(node, results, i) : 1;
          for (let k = 0; k < times; k++) trace?.sent(i + k, grad);
          buffers.deliver(next, nr, grad, times);
          i += times - 1;
        }
        buffers.done(made);
        buffers.done(slots);
      }
    });
  } finally {
    setExecuting(previous);
  }
  return captured;
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
    const shares = (t: Tensor | null): boolean => t !== null && t !== r && t.data === r.data;
    if (grads.includes(r) || node.inputs.some((t) => t === r || t.data === r.data)) continue;
    if (results.some(shares) || grads.some((g, i) => !spare[i] && shares(g))) continue;
    made.push(r);
  }
  return made;
}

/** How many edges from `i` on send the same gradient to the same place (x * x: 2), to add at once. */
function repeats(node: Node, results: readonly (Tensor | null)[], i: number): number {
  const [next, nr] = node.nextFunctions[i];
  let count = 1;
  while (
    results[i + count] === results[i] &&
    node.inputs[i + count] === node.inputs[i] &&
    node.nextFunctions[i + count][0] === next &&
    node.nextFunctions[i + count][1] === nr
  )
    count++;
  return count;
}

function checkCount(node: Node, results: readonly (Tensor | null)[]): void {
  if (results.length !== node.nextFunctions.length)
    throw runtimeError(
      `function ${node.name} returned an incorrect number of gradients (expected ${node.nextFunctions.length}, got ${results.length})`,
    );
}

/** torch's validate_outputs: sum a broadcast gradient down to the input's shape, match its dtype. */
function conform(node: Node, index: number, g: Tensor): Tensor {
  const input = node.inputs[index];
  let grad = g;
  if (!sameShape(grad.shape, input.shape)) {
    if (!isExpandableTo(input.shape, grad.shape))
      throw runtimeError(
        `Function ${node.name} returned an invalid gradient at index ${index} - got [${grad.shape.join(', ')}] but expected shape compatible with [${input.shape.join(', ')}]`,
      );
    grad = sumTo(grad, input.shape);
  }
  return grad.dtype === input.dtype ? grad : toDType(grad, input.dtype);
}

/** retain_grad(): non-leaf outputs of `node` keep their gradient. */
function retain(node: Node, slots: readonly (Tensor | null)[]): void {
  for (const t of node.retained ?? []) {
    const g = slots[t.outputNr] ?? null;
    if (g === null || t.gradFn !== node) continue;
    t.grad = t.grad === null ? copyOf(g) : add(t.grad, g);
  }
}

/** AccumulateGrad: the first gradient is stored (a copy unless the pass owns it), later ones added. */
function accumulate(
  variable: Tensor,
  g: Tensor,
  createGraph: boolean,
  buffers: GradientBuffers,
): void {
  const grad = variable.grad;
  if (grad === null) {
    const own = buffers.owns(g);
    if (own) buffers.escape(g);
    // With create_graph torch stores a copy that stays in the graph (grad_fn=<CopyBackwards>).
    variable.grad = createGraph
      ? copy_(zeros(g.shape, { dtype: g.dtype }), g)
      : own
        ? g
        : copyOf(g);
  } else if (createGraph) {
    variable.grad = add(grad, g);
  } else {
    addInto(grad, g);
    grad.version.value++;
  }
}

function tensorValueOf(t: Tensor | null): TensorValue | null {
  return t === null ? null : tensorValue(t);
}

function copyOf(g: Tensor): Tensor {
  return new Tensor(g.data.slice(), g.shape, g.dtype);
}
