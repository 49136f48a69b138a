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

// Tensor.backward is defined here, not in tensor.ts, so that the primitive layer (tensors, ops)
// never imports the gradient machinery: imports run one way, engine -> ops -> tensor.
declare module './tensor.ts' {
  interface Tensor {
    /** torch's Tensor.backward: backward([this], [gradient]). */
    backward(gradient?: Tensor | null, options?: BackwardOptions): void;
  }
}

Tensor.prototype.backward = function (
  this: Tensor,
  gradient?: Tensor | null,
  options?: BackwardOptions,
): void {
  backward([this], gradient === undefined || gradient === null ? [null] : [gradient], options);
};

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

  /** autograd.grad keeps the gradients reaching its inputs. */
  const capture = (node: Node, slots: readonly (Tensor | null)[]): void =>
    targets?.forEach(([target, nr], i) => {
      if (target !== node) return;
      captured[i] = slots[nr] ?? null;
      if (captured[i] !== null) buffers.escape(captured[i] as Tensor);
    });

  /** A leaf's gradient, complete now, goes into its `.grad` (backward() only). */
  const accumulateAt = (node: AccumulateGrad, slots: readonly (Tensor | null)[]): void => {
    trace?.begin(node, slots);
    if (targets !== null || !slots[0]) return;
    const before = trace === null ? null : tensorValueOf(node.variable.grad);
    accumulate(node.variable, slots[0], createGraph, buffers);
    trace?.accumulated(before, node.variable.grad as Tensor);
  };

  /** The chain rule at one node: its inputs' gradients from its outputs', sent along its edges. */
  const chainRule = (node: Node, slots: readonly (Tensor | null)[]): void => {
    const gradOutputs = node.outputMeta.map(
      (meta, i) => slots[i] ?? zeros(meta.shape, { dtype: meta.dtype }),
    );
    // A custom Function's backward is user code that may keep what it is given or returns.
    const custom = node.op === 'custom';
    const spare = buffers.lend(gradOutputs, custom);
    trace?.begin(node, slots);
    const gradInputs = node.apply(gradOutputs, spare);
    if (custom) trace?.returned(gradInputs);
    const made = buffers.settle(node, gradOutputs, spare, gradInputs, custom);
    if (!retainGraph) node.release();
    checkCount(node, gradInputs);
    for (let i = 0; i < gradInputs.length; i++) {
      const [next, nr] = node.nextFunctions[i];
      const g = gradInputs[i];
      if (next === null || g === null || g === undefined) continue;
      if (active !== null && !active.has(next)) continue;
      const grad = conform(node, i, g);
      if (grad !== g && !custom) buffers.adopt(grad);
      const times = grad === g ? repeats(node, gradInputs, i) : 1;
      for (let k = 0; k < times; k++) trace?.sent(i + k, grad);
      buffers.deliver(next, nr, grad, times);
      i += times - 1;
    }
    buffers.done(made);
  };

  /** autograd.grad: a target whose inputs lead to no other target need not run. */
  const leadsOnward = (node: Node): boolean =>
    active === null || node.nextFunctions.some(([next]) => next !== null && active.has(next));

  const previous = setExecuting(active);
  try {
    withGradMode(createGraph, () => {
      for (const node of order) {
        if (active !== null && !active.has(node)) continue;
        const slots = buffers.take(node);
        if (slots === undefined) continue;
        capture(node, slots);
        retain(node, slots);
        if (node instanceof AccumulateGrad) accumulateAt(node, slots);
        else if (leadsOnward(node)) chainRule(node, slots);
        buffers.done(slots);
      }
    });
  } finally {
    setExecuting(previous);
  }
  return captured;
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
    grad.wrote();
    grad.version.value++;
  }
}

function tensorValueOf(t: Tensor | null): TensorValue | null {
  return t === null ? null : tensorValue(t);
}

function copyOf(g: Tensor): Tensor {
  return new Tensor(g.data.slice(), g.shape, g.dtype);
}
