// The backward pass: visit the graph in reverse creation order (a topological order, as torch's
// ready queue), feed each node the summed gradients of its outputs, deliver results to leaves.
import { isExpandableTo } from './broadcast.ts';
import { IMPLICIT_GRAD_SCALAR_ONLY, noGradFn, runtimeError } from './errors.ts';
import { withGradMode } from './grad-mode.ts';
import { AccumulateGrad, setExecuting, type Node } from './node.ts';
import { add } from './ops/binary.ts';
import { toDType } from './ops/convert.ts';
import { onesLike, zeros } from './ops/creation.ts';
import { sumTo } from './ops/shape.ts';
import { sameShape, Tensor } from './tensor.ts';

export interface BackwardOptions {
  retainGraph?: boolean;
  createGraph?: boolean;
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
  run(roots, options?.retainGraph ?? createGraph, createGraph, null);
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
  const captured = run(roots, options?.retainGraph ?? createGraph, createGraph, targets);
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

/** Reachable nodes, children before parents isn't needed: callers order by `seq`. */
function collect(roots: readonly Root[]): Node[] {
  const seen = new Set<Node>();
  const stack = roots.map((r) => r.node);
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (seen.has(node)) continue;
    seen.add(node);
    for (const [next] of node.nextFunctions) if (next !== null && !seen.has(next)) stack.push(next);
  }
  // Later nodes first; accumulators last (they only receive).
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
): (Tensor | null)[] {
  const order = collect(roots);
  const active = targets === null ? null : needed(order, targets);
  const buffers = new Map<Node, (Tensor | null)[]>();
  // Gradients this pass made and nothing else holds: they may be summed into and kept without a
  // copy (fresh 4 MB buffers are what large tensors pay for most).
  const owned = new Set<Tensor>();
  const deliver = (node: Node, nr: number, g: Tensor): void => {
    let slots = buffers.get(node);
    if (slots === undefined) {
      slots = [];
      buffers.set(node, slots);
    }
    const existing = slots[nr] ?? null;
    if (existing === null) slots[nr] = g;
    else if (owned.has(existing) && existing !== g && sameShape(existing.shape, g.shape))
      addInto(existing, g);
    else {
      slots[nr] = add(existing, g);
      if (!createGraph) owned.add(slots[nr] as Tensor);
    }
  };
  for (const root of roots) deliver(root.node, root.outputNr, root.grad);
  const captured: (Tensor | null)[] = (targets ?? []).map(() => null);
  const previous = setExecuting(active);
  try {
    withGradMode(createGraph, () => {
      for (const node of order) {
        const slots = buffers.get(node);
        if (slots === undefined || (active !== null && !active.has(node))) continue;
        buffers.delete(node);
        targets?.forEach(([target, nr], i) => {
          if (target === node) captured[i] = slots[nr] ?? null;
        });
        retain(node, slots);
        if (node instanceof AccumulateGrad) {
          if (targets === null && slots[0])
            accumulate(node.variable, slots[0], createGraph, owned.has(slots[0]));
          continue;
        }
        // autograd.grad: a target whose inputs lead to no other target need not run.
        if (
          active !== null &&
          !node.nextFunctions.some(([next]) => next !== null && active.has(next))
        )
          continue;
        const grads = node.outputMeta.map(
          (meta, i) => slots[i] ?? zeros(meta.shape, { dtype: meta.dtype }),
        );
        const results = node.apply(grads);
        if (!retainGraph) node.release();
        checkCount(node, results);
        node.nextFunctions.forEach(([next, nr], i) => {
          const g = results[i];
          if (next === null || g === null || g === undefined) return;
          if (active !== null && !active.has(next)) return;
          const grad = conform(node, i, g);
          const passedOn =
            grads.includes(grad) || results.indexOf(grad) !== i || node.op === 'custom';
          if (!createGraph && !passedOn) owned.add(grad);
          deliver(next, nr, grad);
        });
      }
    });
  } finally {
    setExecuting(previous);
  }
  return captured;
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

/** existing += g, in existing's storage (rounded to its dtype). */
function addInto(existing: Tensor, g: Tensor): void {
  const target = existing.data;
  const source = g.data;
  for (let i = 0; i < target.length; i++) target[i] += source[i];
}

/** retain_grad(): non-leaf outputs of `node` keep their gradient. */
function retain(node: Node, slots: readonly (Tensor | null)[]): void {
  for (const t of node.retained) {
    const g = slots[t.outputNr] ?? null;
    if (g === null || t.gradFn !== node) continue;
    t.grad = t.grad === null ? copyOf(g) : add(t.grad, g);
  }
}

/** AccumulateGrad: the first gradient is stored (a copy unless owned), later ones added to it. */
function accumulate(variable: Tensor, g: Tensor, createGraph: boolean, owned: boolean): void {
  const grad = variable.grad;
  if (grad === null) {
    variable.grad = createGraph || owned ? g : copyOf(g);
  } else if (createGraph) {
    variable.grad = add(grad, g);
  } else {
    addInto(grad, g);
    grad.version.value++;
  }
}

function copyOf(g: Tensor): Tensor {
  return new Tensor(g.data.slice(), g.shape, g.dtype);
}
