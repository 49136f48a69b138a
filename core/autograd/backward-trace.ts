// What one backward pass did, node by node in the order the engine ran them: the gradients
// arriving, the values each formula read, the gradients sent on, and what each leaf's .grad
// became. The engine fills a BackwardRecording as it runs (copying every number then, since it
// reuses storage); toBackwardTrace turns it into JSON whose ids are a GraphSnapshot's.
import { AccumulateGrad, type Node } from './node.ts';
import { jsonNumber, tensorValue, type JsonNumber, type TensorValue } from './json-values.ts';
import { Tensor } from './tensor.ts';

/** One node the engine ran. */
export interface BackwardStep {
  /**
   * The GraphSnapshot node id of the value this node made (its first output the snapshot
   * shows), or of the leaf at AccumulateGrad.
   */
  id: number;
  /** torch's grad_fn name: 'MulBackward0', 'AccumulateGrad', 'SQBackward'. */
  gradFn: string;
  /** The gradient that arrived for each output, null where none did (the engine used zeros). */
  gradOutputs: (TensorValue | null)[];
  /**
   * The values the formulas of the gradients computed here read, by their placeholder name in
   * `inputs[i].formula` ('self', 'other', 'result', 'exponent'...): saved tensors and scalars.
   */
  saved: Record<string, TensorValue | JsonNumber>;
  /** One per input edge of the node, in its input order (none at AccumulateGrad). */
  inputs: StepInput[];
  /** AccumulateGrad only, when backward() stores into `.grad`: the leaf's `.grad` before and after. */
  accumulated?: { before: TensorValue | null; after: TensorValue };
  /** A custom Function: what its backward returned for each tensor input (null: None or unused). */
  custom?: { returned: (TensorValue | null)[] };
}

/** The gradient a node sent along one input edge. */
interface StepInput {
  /** The GraphSnapshot id of the input (the leaf itself for a leaf), null if the snapshot lacks it. */
  id: number | null;
  /** The input's name in the formula ('self', 'other'), null for an op without a declared formula. */
  name: string | null;
  /**
   * The formula of this gradient in KaTeX, `{{g}}` standing for the incoming gradient and
   * `{{name}}` for `saved[name]`; null if undeclared.
   */
  formula: string | null;
  /** The gradient sent, summed to the input's shape as the engine delivered it; null when skipped. */
  grad: TensorValue | null;
}

/** A backward pass in execution order. */
export interface BackwardTrace {
  steps: BackwardStep[];
}

interface RecordedStep {
  node: Node;
  gradOutputs: (TensorValue | null)[];
  saved: Record<string, TensorValue | JsonNumber>;
  sent: (TensorValue | null)[];
  accumulated?: { before: TensorValue | null; after: TensorValue };
  returned?: (TensorValue | null)[];
}

/** Pass one as BackwardOptions.trace: the engine records each node it runs into it. */
export class BackwardRecording {
  private readonly recorded: RecordedStep[] = [];
  private current: RecordedStep | null = null;

  /** @internal The engine starts running `node` with these gradients for its outputs. */
  begin(node: Node, grads: readonly (Tensor | null)[]): void {
    // AccumulateGrad has no outputs of its own: what arrives is the leaf's gradient.
    const count = node instanceof AccumulateGrad ? 1 : node.outputMeta.length;
    const gradOutputs = Array.from({ length: count }, (_, i) => valueOf(grads[i] ?? null));
    this.current = { node, gradOutputs, saved: formulaValues(node), sent: [] };
    this.recorded.push(this.current);
  }

  /** @internal What a custom Function's backward returned (before the engine checked it). */
  returned(results: readonly (Tensor | null)[]): void {
    if (this.current !== null) this.current.returned = results.map(valueOf);
  }

  /** @internal The gradient sent along input edge `i` (null: none). */
  sent(i: number, grad: Tensor | null): void {
    if (this.current !== null) this.current.sent[i] = valueOf(grad);
  }

  /** @internal AccumulateGrad changed the leaf's `.grad` from `before`. */
  accumulated(before: TensorValue | null, after: Tensor): void {
    if (this.current !== null) this.current.accumulated = { before, after: tensorValue(after) };
  }

  /** @internal */
  get steps(): readonly RecordedStep[] {
    return this.recorded;
  }
}

function valueOf(t: Tensor | null): TensorValue | null {
  return t === null ? null : tensorValue(t);
}

/** The values read by the rules of the inputs the node computes a gradient for. */
function formulaValues(node: Node): Record<string, TensorValue | JsonNumber> {
  const declared = node.declared;
  const shown: Record<string, TensorValue | JsonNumber> = {};
  if (declared === null) return shown;
  const values = declared.values(node);
  declared.derivative.grads.forEach((rule, i) => {
    if (rule === null || !node.needsInputGrad(i)) return;
    for (const name of rule.reads) {
      const value = values[name];
      if (typeof value === 'number') shown[name] = jsonNumber(value);
      else if (value instanceof Tensor) shown[name] = tensorValue(value);
    }
  });
  return shown;
}

/** Where a GraphSnapshot put each value: by maker node and output number, or by tensor. */
export interface GraphIds {
  of(key: Node | Tensor, outputNr: number): number | undefined;
}

/** The recording as JSON, ids from `ids`; steps at nodes the snapshot does not show are left out. */
export function toBackwardTrace(recording: BackwardRecording, ids: GraphIds): BackwardTrace {
  const steps: BackwardStep[] = [];
  for (const step of recording.steps) {
    const id = stepId(step.node, ids);
    if (id === undefined) continue;
    const declared = step.node.declared;
    const inputs = step.node.nextFunctions.map(([next, nr], i): StepInput => {
      const input = step.node.inputs[i];
      const inputId =
        next === null
          ? ids.of(input, 0)
          : next instanceof AccumulateGrad
            ? ids.of(next.variable, 0)
            : ids.of(next, nr);
      return {
        id: inputId ?? null,
        name: declared?.derivative.inputs[i] ?? null,
        formula: declared?.derivative.grads[i]?.tex ?? null,
        grad: step.sent[i] ?? null,
      };
    });
    const json: BackwardStep = {
      id,
      gradFn: step.node.name,
      gradOutputs: step.gradOutputs,
      saved: step.saved,
      inputs,
    };
    if (step.accumulated !== undefined) json.accumulated = step.accumulated;
    if (step.returned !== undefined) json.custom = { returned: step.returned };
    steps.push(json);
  }
  return { steps };
}

function stepId(node: Node, ids: GraphIds): number | undefined {
  if (node instanceof AccumulateGrad) return ids.of(node.variable, 0);
  for (let nr = 0; nr < node.outputMeta.length; nr++) {
    const id = ids.of(node, nr);
    if (id !== undefined) return id;
  }
  return undefined;
}
