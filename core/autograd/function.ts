// Custom autograd Functions (torch.autograd.Function): a host-supplied forward and backward,
// a node named `<Name>Backward`, saved tensors held here so the host keeps no reference cycle.
import { BACKWARD_TWICE, runtimeError } from './errors.ts';
import { isGradEnabled, withGradMode } from './grad-mode.ts';
import { Node } from './node.ts';
import { record, setTracer, type TraceEntry } from './ops/record.ts';
import { isFloating } from './dtype.ts';
import { Tensor } from './tensor.ts';

/** What Python's `ctx` needs from the engine: needs_input_grad and the saved tensors. */
export class FunctionCtx {
  /** One flag per forward argument (false for non-tensor arguments). */
  readonly needsInputGrad: readonly boolean[];
  private pending: Tensor[] = [];
  /**
   * Weak: the host's ctx object holds this one, and the node holds the host's backward callback,
   * which holds the host's ctx. A strong link back to the node would close a cycle through the
   * host that no garbage collector can see when a graph is dropped without running backward.
   */
  private node: WeakRef<Node> | null = null;

  constructor(needsInputGrad: readonly boolean[]) {
    this.needsInputGrad = needsInputGrad;
  }

  /** ctx.save_for_backward(*tensors) (null for a saved None). */
  saveForBackward(tensors: readonly Tensor[]): void {
    if (this.node !== null) throw runtimeError('save_for_backward can only be called from forward');
    this.pending = [...tensors];
  }

  /** ctx.saved_tensors: PyTorch's "backward through the graph a second time" error once freed. */
  get savedTensors(): readonly Tensor[] {
    if (this.node === null) return this.pending;
    const node = this.node.deref();
    if (node === undefined) throw runtimeError(BACKWARD_TWICE);
    return node.saved;
  }

  /** @internal */
  attach(node: Node): void {
    this.node = new WeakRef(node);
  }

  /** @internal the tensors saved so far */
  takeSaved(): Tensor[] {
    return this.pending;
  }
}

type CustomBackward = (
  ctx: FunctionCtx,
  gradOutputs: Tensor[],
) => Tensor | null | undefined | readonly (Tensor | null | undefined)[];

export interface FunctionSpec {
  /** The Python class name; the node is named `${name}Backward`. */
  name: string;
  /** The forward arguments in order: tensors, or null for any other argument. */
  inputs: readonly (Tensor | null)[];
  forward: (ctx: FunctionCtx) => Tensor | readonly Tensor[];
  backward: CustomBackward;
  /** Called when the node frees its state (after backward without retain_graph): destroy proxies here. */
  onRelease?: () => void;
}

/** Function.apply: runs forward without grad (tracing its ops) and links outputs to a new node. */
export function applyFunction(spec: FunctionSpec): Tensor | Tensor[] {
  const recording = isGradEnabled();
  const needs = spec.inputs.map((t) => recording && t !== null && t.requiresGrad);
  const ctx = new FunctionCtx(needs);
  const entries = new Map<Tensor, TraceEntry>();
  const previous = setTracer((output, entry) => entries.set(output, entry));
  let produced: Tensor | readonly Tensor[];
  try {
    produced = withGradMode(false, () => spec.forward(ctx));
  } finally {
    setTracer(previous);
  }
  const single = produced instanceof Tensor;
  const list: readonly Tensor[] = produced instanceof Tensor ? [produced] : produced;
  const outputs = list.map((t) => (spec.inputs.includes(t) ? t.alias(t.version) : t));
  const tensorInputs = spec.inputs.filter((t): t is Tensor => t !== null);
  const name = `${spec.name}Backward`;
  if (needs.some(Boolean)) {
    const node = new Node({
      name,
      op: 'custom',
      inputs: tensorInputs,
      attrs: { function: spec.name },
      saved: ctx.takeSaved(),
      outputs,
      backward: (grads) => routeGradients(name, spec, ctx, grads),
    });
    node.trace = { inputs: spec.inputs, outputs: list, entries };
    node.onRelease = spec.onRelease ?? null;
    ctx.attach(node);
    outputs.forEach((t, i) => {
      if (isFloating(t.dtype)) t.setHistory(node, i);
    });
  } else {
    for (const t of outputs)
      record(t, {
        name,
        op: 'custom',
        inputs: tensorInputs,
        attrs: { function: spec.name },
        backward: () => [],
      });
    spec.onRelease?.();
  }
  return single ? outputs[0] : outputs;
}

/** Calls the host's backward and maps its per-argument gradients onto the tensor inputs. */
function routeGradients(
  name: string,
  spec: FunctionSpec,
  ctx: FunctionCtx,
  grads: readonly Tensor[],
): (Tensor | null)[] {
  const returned = spec.backward(ctx, [...grads]);
  const list = Array.isArray(returned) ? returned : [returned as Tensor | null | undefined];
  if (list.length !== spec.inputs.length)
    throw runtimeError(
      `function ${name} returned an incorrect number of gradients (expected ${spec.inputs.length}, got ${list.length})`,
    );
  const result: (Tensor | null)[] = [];
  spec.inputs.forEach((input, i) => {
    const g = list[i] ?? null;
    if (input === null) {
      if (g !== null)
        throw runtimeError(
          `function ${name} returned a gradient different than None at position ${i + 1}, but the corresponding forward input was not a Variable`,
        );
      return;
    }
    result.push(ctx.needsInputGrad[i] ? g : null);
  });
  return result;
}
