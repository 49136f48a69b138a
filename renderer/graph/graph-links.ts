// Ties derivation steps to a graph view: each step marks the ops that made its expression.
import type { GraphSnapshot } from '../../core/autograd/index.ts';
import { nodeExpressions } from '../../core/symbolic/graph.ts';
import { stepNodes } from '../../core/symbolic/step-links.ts';
import type { StepLinks } from '../ui/derivation-steps-view.ts';

/** Derivation steps tied to the ops of a graph that made their expressions; null if none can be. */
export function graphLinks(
  graph: GraphSnapshot,
  highlight: StepLinks['highlight'],
): StepLinks | null {
  const exprs = nodeExpressions(graph);
  const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  return exprs === null
    ? null
    : { nodesOf: stepNodes(exprs, (id) => kinds.get(id) === 'op'), highlight };
}
