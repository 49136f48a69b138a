// Which graph nodes a derivation step stands for, when the expression came from recorded code:
// the op that made the step's expression and, for the chain rule, the op that made its inner
// function. Matched by structural key, so `x*y` and `y*x` are the same node.
import type { Expr } from './expr.ts';
import type { DerivationStep } from './derivation-steps.ts';
import { keyOf } from './structural-key.ts';

export type StepNodes = (step: DerivationStep) => number[];

/** `exprs`: each node's expression (graph.ts nodeExpressions); `isOp` keeps leaves out. */
export function stepNodes(
  exprs: ReadonlyMap<number, Expr>,
  isOp: (id: number) => boolean,
): StepNodes {
  const byKey = new Map<string, number[]>();
  // Keys are read, not built into new expressions: no budget to draw on (see structural-key.ts).
  for (const [id, e] of exprs) {
    if (!isOp(id)) continue;
    const key = keyOf(e);
    byKey.set(key, [...(byKey.get(key) ?? []), id]);
  }
  const idsOf = (e: Expr) => byKey.get(keyOf(e)) ?? [];
  return (step) => [...new Set([...idsOf(step.expr), ...(step.inner ? idsOf(step.inner) : [])])];
}
