// Joins an op's result to the graph: a node when autograd must record, a trace entry otherwise.
import { isGradEnabled, withGradMode } from '../grad-mode.ts';
import type { Derivative, Values } from '../derivative.ts';
import { Node, type Attrs, type BackwardFn } from '../node.ts';
import { Tensor } from '../tensor.ts';

/** What an op ran, for the graph export of custom Functions (whose forward runs without grad). */
export interface TraceEntry {
  op: string;
  operands: readonly (Tensor | number)[];
  attrs: Attrs;
}

/** The ops a custom Function's forward ran, keyed by the tensor each produced. */
export interface ForwardTrace {
  /** The forward arguments (null for non-tensors), as passed. */
  inputs: readonly (Tensor | null)[];
  outputs: readonly Tensor[];
  entries: ReadonlyMap<Tensor, TraceEntry>;
}

type Tracer = (output: Tensor, entry: TraceEntry) => void;

// eslint-disable-next-line no-restricted-syntax -- set only while a custom Function's forward runs
let tracer: Tracer | null = null;

/** Installs (or removes, with null) a listener for ops run while autograd does not record. */
export function setTracer(next: Tracer | null): Tracer | null {
  const previous = tracer;
  tracer = next;
  return previous;
}

/** Runs an op's inner computation without recording or tracing it (the caller records once). */
export function untracked<T>(body: () => T): T {
  const previous = setTracer(null);
  try {
    return withGradMode(false, body);
  } finally {
    setTracer(previous);
  }
}

export function shouldRecord(a: Tensor, b?: Tensor, c?: Tensor): boolean {
  if (!isGradEnabled()) return false;
  return (
    a.requiresGrad || (b !== undefined && b.requiresGrad) || (c !== undefined && c.requiresGrad)
  );
}

export interface OpRecord {
  /** torch's grad_fn class name. */
  name: string;
  /** Engine op name for the graph export. */
  op: string;
  inputs: readonly Tensor[];
  saved?: Tensor[];
  attrs?: Attrs;
  operands?: readonly (Tensor | number)[];
  backward: BackwardFn;
}

/** Records `output = op(inputs)`: a graph node if any input requires grad, else a trace entry. */
export function record(output: Tensor, spec: OpRecord): Tensor {
  if (isGradEnabled() && spec.inputs.some((t) => t.requiresGrad)) {
    output.setHistory(new Node(spec, output));
  } else traceOp(output, spec);
  return output;
}

/** Tells the tracer (a custom Function's forward) about an op autograd does not record. */
function traceOp(output: Tensor, spec: Omit<OpRecord, 'name' | 'backward'>): void {
  if (tracer !== null)
    tracer(output, {
      op: spec.op,
      operands: spec.operands ?? spec.inputs,
      attrs: spec.attrs ?? {},
    });
}

/** Which operands to save for backward, and how to get all of them back there. */
export interface SavedOperands {
  saved: Tensor[];
  /** Every operand: the saved ones checked against in-place changes, the others as given. */
  restore: (node: Node) => Tensor[];
}

/**
 * Saves only the operands a needed gradient reads, as torch's generated code does (`y * 1` does
 * not save y, so `y.mul_(2)` afterwards is fine): reads[j] lists the operands input j's gradient
 * reads. An operand left unsaved is read by no gradient asked for (at most for its shape).
 */
export function saveOperands(
  inputs: readonly Tensor[],
  operands: readonly Tensor[],
  reads: readonly (readonly number[])[],
): SavedOperands {
  const keeps = operands.map((_, i) =>
    inputs.some((t, j) => t.requiresGrad && reads[j].includes(i)),
  );
  return {
    saved: operands.filter((_, i) => keeps[i]),
    restore: (node) => {
      const saved = node.saved;
      let next = 0;
      return operands.map((t, i) => (keeps[i] ? saved[next++] : t));
    },
  };
}

export interface DeclaredOp<V extends Values> {
  /** Engine op name for the graph export. */
  op: string;
  /** The graph inputs, in the order of the derivative's `inputs`. */
  inputs: readonly Tensor[];
  /** Every value a formula may read, by name (see Values). */
  values: V;
  attrs?: Attrs;
  operands?: readonly (Tensor | number)[];
}

/**
 * Records `output = op(inputs)` with its backward declared by `derivative`: saves the tensors the
 * gradients of inputs that require grad read, and at backward runs only the rules of inputs that
 * need a gradient (the others get null).
 */
export function recordDerivative<V extends Values>(
  output: Tensor,
  derivative: Derivative<V>,
  spec: DeclaredOp<V>,
): Tensor {
  if (!isGradEnabled() || !spec.inputs.some((t) => t.requiresGrad)) {
    traceOp(output, spec);
    return output;
  }
  const names = savedNames(derivative, spec.inputs, spec.values);
  const saved = names.map((name) => spec.values[name] as Tensor);
  const values = (node: Node): V => {
    if (names.length === 0) return spec.values;
    const restored: Record<string, unknown> = { ...spec.values };
    const tensors = node.saved;
    names.forEach((name, i) => (restored[name] = tensors[i]));
    return restored as V;
  };
  const node = new Node(
    {
      name: derivative.name,
      op: spec.op,
      inputs: spec.inputs,
      saved,
      attrs: spec.attrs,
      operands: spec.operands,
      backward: (grads, n, spare) =>
        applyRules(derivative, spec.inputs, grads[0], values(n), n, spare[0] === true),
      declared: { derivative: derivative as Derivative<Values>, values },
    },
    output,
  );
  output.setHistory(node);
  return output;
}

/** The tensors read by the rules of inputs that require grad. */
function savedNames<V extends Values>(
  derivative: Derivative<V>,
  inputs: readonly Tensor[],
  values: V,
): string[] {
  const read = new Set<string>();
  derivative.grads.forEach((rule, i) => {
    if (inputs[i].requiresGrad) for (const name of rule.reads) read.add(name);
  });
  // In the order the op lists its values (self before other), as torch saves them.
  return Object.keys(values).filter((name) => read.has(name) && values[name] instanceof Tensor);
}

/** The needed gradients; the storage of a spare `g` goes to the last rule computed. */
function applyRules<V extends Values>(
  derivative: Derivative<V>,
  inputs: readonly Tensor[],
  g: Tensor,
  values: V,
  node: Node,
  spare: boolean,
): (Tensor | null)[] {
  const rules = derivative.grads;
  const needs = rules.map((_, i) => node.needsInputGrad(i));
  // x * x: the second gradient is the first one.
  const shared = derivative.symmetric === true && needs[0] && needs[1] && inputs[0] === inputs[1];
  const last = shared ? 0 : needs.lastIndexOf(true);
  const results: (Tensor | null)[] = rules.map(() => null);
  for (let i = 0; i <= last; i++) {
    if (!needs[i]) continue;
    // Only the last gradient may write over g, and only if no earlier one is g itself.
    const free = spare && i === last && !results.includes(g);
    results[i] = rules[i].grad(g, values, free ? g.data : undefined);
  }
  if (shared) results[1] = results[0];
  return results;
}
