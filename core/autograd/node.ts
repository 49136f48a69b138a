// Nodes of the backward graph (a tensor's `grad_fn`), with the tensors they saved for backward.
import { legacyTypeName } from './dtype.ts';
import { BACKWARD_TWICE, runtimeError } from './errors.ts';
import type { Tensor } from './tensor.ts';
import type { ForwardTrace } from './ops/record.ts';
import type { Derivative, Values } from './derivative.ts';

/** Scalar settings of an op, as the graph export shows them (exponent, alpha, clamp bounds...). */
export type Attrs = Record<string, number | boolean | string | null | readonly number[]>;

/**
 * Gradients with respect to each input (null where none is needed), from the output gradients.
 * `spare[i]` says the engine gives up grads[i]: nothing else reads it, so the last op reading it
 * may write its result into its storage (elementwise, each element read before it is written).
 */
export type BackwardFn = (
  grads: readonly Tensor[],
  node: Node,
  spare: readonly boolean[],
) => readonly (Tensor | null)[];

export type Edge = [Node | null, number];

/** An op's declared backward, and the values its formulas read for this node. */
export interface DeclaredBackward {
  derivative: Derivative<Values>;
  /** The values (saved tensors checked against in-place changes); throws once they are freed. */
  values: (node: Node) => Values;
}

export interface NodeInit {
  name: string;
  op: string;
  inputs: readonly Tensor[];
  attrs?: Attrs;
  operands?: readonly (Tensor | number)[];
  saved?: Tensor[];
  /** The outputs (custom Functions may have several; ops pass their one output separately). */
  outputs?: readonly Tensor[];
  backward: BackwardFn | null;
  declared?: DeclaredBackward;
}

// eslint-disable-next-line no-restricted-syntax -- PyTorch numbers nodes globally (backward order)
let sequence = 0;

const NO_ATTRS: Attrs = Object.freeze({});

/** Nodes the running backward pass needs (autograd.grad prunes the rest); null outside it. */
// eslint-disable-next-line no-restricted-syntax -- set only while a backward pass runs
let executing: ReadonlySet<Node> | null = null;

export function setExecuting(nodes: ReadonlySet<Node> | null): ReadonlySet<Node> | null {
  const previous = executing;
  executing = nodes;
  return previous;
}

export class Node {
  /** PyTorch's class name, e.g. 'PowBackward0'. */
  readonly name: string;
  /** The engine op that made it ('pow', 'mul', ..., 'custom'), as the graph export names it. */
  readonly op: string;
  /** Creation order: later nodes run first in backward, as in torch's ready queue. */
  readonly seq: number;
  /** The tensor arguments in torch's signature order (the edges' sources). */
  readonly inputs: readonly Tensor[];
  readonly nextFunctions: Edge[];
  readonly attrs: Attrs;
  /** Operands in the order the expression reads (Python scalars as numbers), for the graph export. */
  readonly operands: readonly (Tensor | number)[];
  /** Shapes and dtypes of the outputs, so missing output gradients can be zero-filled. */
  readonly outputMeta: readonly { shape: readonly number[]; dtype: Tensor['dtype'] }[];
  /** Non-leaf outputs that called retainGrad() (null until one does). */
  retained: Tensor[] | null = null;
  label: string | null = null;
  /** For custom Functions: the ops their forward ran (recorded while grad mode was off). */
  trace: ForwardTrace | null = null;
  /** The declared backward (formulas shown to students); null for ops not declared that way. */
  readonly declared: DeclaredBackward | null;
  private readonly backwardFn: BackwardFn | null;
  private savedTensors: Tensor[] | null;
  private savedVersions: number[];
  private readonly hadSaved: boolean;
  /** For each saved tensor, its output number if it is this node's own output, else -1. */
  private readonly savedOutputNrs: number[];
  /** Called once when the saved state is freed (after a backward without retain_graph). */
  onRelease: (() => void) | null = null;

  constructor(init: NodeInit, output?: Tensor) {
    this.name = init.name;
    this.op = init.op;
    this.seq = sequence++;
    this.inputs = init.inputs;
    this.nextFunctions = init.inputs.map(edgeOf);
    this.attrs = init.attrs ?? NO_ATTRS;
    this.operands = init.operands ?? init.inputs;
    this.backwardFn = init.backward;
    this.declared = init.declared ?? null;
    this.savedTensors = init.saved ?? [];
    this.savedVersions = this.savedTensors.map((t) => t.version.value);
    this.hadSaved = this.savedTensors.length > 0;
    const outputs = init.outputs ?? (output === undefined ? [] : [output]);
    // torch names an output's producer as it was when saved (this node, whose output it is
    // not yet here); any other saved tensor by its grad_fn now, after the in-place change.
    this.savedOutputNrs = this.savedTensors.map((t) => outputs.indexOf(t));
    this.outputMeta = outputs.map((t) => ({ shape: t.shape, dtype: t.dtype }));
  }

  /** The saved tensors; throws PyTorch's errors once they were freed or modified in place. */
  get saved(): readonly Tensor[] {
    if (this.savedTensors === null) throw runtimeError(BACKWARD_TWICE);
    for (let i = 0; i < this.savedTensors.length; i++) {
      const t = this.savedTensors[i];
      if (t.version.value !== this.savedVersions[i])
        throw runtimeError(modifiedInPlace(t, this.savedVersions[i], this.producer(i, t)));
    }
    return this.savedTensors;
  }

  /** The grad_fn name and output number the in-place error names for saved tensor `i`. */
  private producer(i: number, t: Tensor): readonly [string, number] | null {
    const nr = this.savedOutputNrs[i];
    if (nr >= 0) return [this.name, nr];
    return t.gradFn === null ? null : [t.gradFn.name, t.outputNr];
  }

  /** Whether backward must compute the gradient of input `i` (torch's needs_input_grad). */
  needsInputGrad(i: number): boolean {
    const next = this.nextFunctions[i]?.[0] ?? null;
    return next !== null && (executing === null || executing.has(next));
  }

  get released(): boolean {
    return this.savedTensors === null;
  }

  apply(grads: readonly Tensor[], spare: readonly boolean[] = []): readonly (Tensor | null)[] {
    if (this.savedTensors === null) throw runtimeError(BACKWARD_TWICE);
    if (this.backwardFn === null) return [];
    return this.backwardFn(grads, this, spare);
  }

  /**
   * Frees what backward needed; a second backward through this node then fails like torch's.
   * A node without saved tensors stays usable (torch allows `(x + 1).backward()` twice), unless
   * it holds a host callback (a custom Function's backward), which is released here too.
   */
  release(): void {
    const callback = this.onRelease;
    if (this.savedTensors === null || (!this.hadSaved && callback === null)) return;
    this.savedTensors = null;
    this.savedVersions = [];
    this.onRelease = null;
    callback?.();
  }
}

/** The node that adds incoming gradients into a leaf's `.grad`. */
export class AccumulateGrad extends Node {
  readonly variable: Tensor;

  constructor(variable: Tensor) {
    super({ name: 'AccumulateGrad', op: 'accumulate', inputs: [], backward: null });
    this.variable = variable;
  }
}

function edgeOf(t: Tensor): Edge {
  if (t.gradFn !== null) return [t.gradFn, t.outputNr];
  if (t.requiresGrad) return [t.accumulateNode(), 0];
  return [null, 0];
}

function modifiedInPlace(
  t: Tensor,
  expected: number,
  savedFrom: readonly [string, number] | null,
): string {
  const shape = t.shape.join(', ');
  const origin = savedFrom === null ? '' : `, which is output ${savedFrom[1]} of ${savedFrom[0]},`;
  return (
    `one of the variables needed for gradient computation has been modified by an inplace operation: ` +
    `[${legacyTypeName(t.dtype)} [${shape}]]${origin} is at version ${t.version.value}; expected version ${expected} instead. ` +
    `Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).`
  );
}
