// The backward of an op declared once, in the spirit of PyTorch's derivatives.yaml: what the
// gradient of each input reads, how it is computed, and the formula students see. The engine
// runs `grad`, the step-through view and the derivation display show `tex`; both read this.
import type { Storage } from './dtype.ts';
import type { Tensor } from './tensor.ts';

/**
 * What a gradient formula may read, by name: the op's tensors ('self', 'other', 'result'...),
 * saved for backward only when a gradient that reads them may be needed, its scalars ('alpha',
 * 'exponent'...), and any other setting fixed at forward (a reduction's dims), shown nowhere.
 */
export type Values = Readonly<Record<string, unknown>>;

/** The gradient of one input. */
export interface GradientRule<V extends Values> {
  /**
   * The values the formula shows and reads (a tensor among them is saved for backward when this
   * gradient may be needed); a tensor read only for its shape is not listed, so not saved.
   */
  reads: readonly (keyof V & string)[];
  /**
   * The formula shown to students, KaTeX: `{{g}}` stands for the incoming gradient and
   * `{{name}}` for the value `name` (see fillFormula).
   */
  tex: string;
  /**
   * Computes it with tensor ops (create_graph differentiates them again). `spare`: the storage of
   * `g` when the engine gives it up and no other gradient still reads it (see BackwardFn).
   */
  grad(g: Tensor, values: V, spare: Storage | undefined): Tensor;
}

/** One op's backward: a line of derivatives.yaml. */
export interface Derivative<V extends Values> {
  /** torch's grad_fn class name ('MulBackward0'). */
  name: string;
  /** The inputs as torch's signature names them ('self', 'other'), in input order. */
  inputs: readonly string[];
  /**
   * One rule per input, in input order; the engine skips those of inputs that need no gradient.
   * null: the input gets none (derivatives.yaml's non_differentiable: a mask, a class target).
   */
  grads: readonly (GradientRule<V> | null)[];
  /** Two inputs that are one tensor get one gradient computed once (mul's x * x: g·x for both). */
  symmetric?: boolean;
}

/** The placeholder of the incoming gradient in formulas. */
export const INCOMING_GRADIENT = 'g';

/** `tex` with each `{{name}}` replaced by `fill(name)` (a number, a symbol...). */
export function fillFormula(tex: string, fill: (name: string) => string): string {
  return tex.replace(/\{\{(\w+)\}\}/g, (_, name: string) => fill(name));
}

/**
 * Declares an op's backward, one rule per input named as torch's signature names it:
 * `derivative('MulBackward0', { self: …, other: … })`.
 */
export function derivative<V extends Values>(
  name: string,
  grads: Readonly<Record<string, GradientRule<V> | null>>,
  options?: { symmetric?: boolean },
): Derivative<V> {
  return {
    name,
    inputs: Object.keys(grads),
    grads: Object.values(grads),
    ...(options?.symmetric === true ? { symmetric: true } : {}),
  };
}
