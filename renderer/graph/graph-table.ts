// The graph as a table a screen reader can walk: one row per node in the order backward visits
// them (the output first, the leaves last), with its inputs, its value and its gradient.
import type { GraphNode, GraphSnapshot } from '../../core/autograd/graph-export.ts';
import { h } from '../ui/dom.ts';
import { formatValues, leafName, reachable } from './layout-input.ts';

export function nodeName(node: GraphNode): string {
  if (node.kind === 'leaf') return leafName(node);
  if (node.kind === 'constant')
    return `constant ${formatValues(node.values, node.numel, node.shape)}`;
  return node.gradFn ?? node.op ?? 'op';
}

/** Ops from the output back to the leaves, then the leaves: the order gradients flow in. */
export function backwardOrder(snapshot: GraphSnapshot): GraphNode[] {
  const seen = reachable(snapshot);
  const reached = snapshot.nodes.filter((n) => seen.has(n.id) && n.kind !== 'constant').reverse();
  return [...reached.filter((n) => n.kind === 'op'), ...reached.filter((n) => n.kind === 'leaf')];
}

export function graphTable(snapshot: GraphSnapshot, caption: string): HTMLElement {
  const byId = new Map(snapshot.nodes.map((n) => [n.id, n]));
  const rows = backwardOrder(snapshot).map((node, i) =>
    h(
      'tr',
      { 'data-node': node.id },
      h('td', {}, String(i + 1)),
      h('th', { scope: 'row' }, nodeName(node)),
      h('td', {}, node.inputs.map((id) => nodeName(byId.get(id)!)).join(', ') || '—'),
      h('td', {}, formatValues(node.values, node.numel, node.shape)),
      h('td', {}, node.grad ? `.grad = ${formatValues(node.grad, node.numel, node.shape)}` : '—'),
    ),
  );
  return h(
    'details',
    { class: 'graph-table' },
    h('summary', {}, 'The graph as a table'),
    h(
      'table',
      {},
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Step', 'Node', 'Inputs', 'Value', 'Gradient'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}
