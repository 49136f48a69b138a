// Joins an op's result to the graph: a node when autograd must record, a trace entry otherwise.
import { isGradEnabled, withGradMode } from '../grad-mode.ts';
import { Node, type Attrs, type BackwardFn } from '../node.ts';
import type { Tensor } from '../tensor.ts';

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
  } else if (tracer !== null) {
    tracer(output, {
      op: spec.op,
      operands: spec.operands ?? spec.inputs,
      attrs: spec.attrs ?? {},
    });
  }
  return output;
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

/** The two factors of a product (dot, mm...): each gradient reads the other factor. */
export const saveFactors = (a: Tensor, b: Tensor): SavedOperands =>
  saveOperands([a, b], [a, b], [[1], [0]]);
