// The graph as a table a screen reader can walk: one row per node backward ran, in the engine's
// order (the output first, each leaf's AccumulateGrad last), with its inputs, its value, the
// gradient arriving and what it sent on or stored in `.grad`.
import type { BackwardTrace, GraphNode, GraphSnapshot } from '../../core/autograd/index.ts';
import { h } from '../ui/dom.ts';
import { formatValues, leafName } from './layout-input.ts';
import { tensorText } from './tensor-text.ts';

export function nodeName(node: GraphNode): string {
  if (node.kind === 'leaf') return leafName(node);
  if (node.kind === 'constant')
    return `constant ${formatValues(node.values, node.numel, node.shape)}`;
  return node.gradFn ?? node.op ?? 'op';
}

/** One row per step backward ran, in its order: the text of each cell of the table. */
export function tableRows(
  snapshot: GraphSnapshot,
  trace: BackwardTrace,
): { id: number; cells: string[] }[] {
  const byId = new Map(snapshot.nodes.map((n) => [n.id, n]));
  return trace.steps.map((step, i) => {
    const node = byId.get(step.id)!;
    const sent = step.accumulated
      ? `.grad = ${tensorText(step.accumulated.after)}`
      : step.inputs
          .filter((input) => input.id !== null)
          .map((input) => `${nodeName(byId.get(input.id!)!)}: ${tensorText(input.grad)}`)
          .join('; ');
    return {
      id: step.id,
      cells: [
        String(i + 1),
        `${step.gradFn}${node.kind === 'leaf' ? ` (${nodeName(node)})` : ''}`,
        node.inputs.map((id) => nodeName(byId.get(id)!)).join(', ') || '—',
        formatValues(node.values, node.numel, node.shape),
        step.gradOutputs.map(tensorText).join(', '),
        sent || '—',
      ],
    };
  });
}

export function graphTable(
  snapshot: GraphSnapshot,
  trace: BackwardTrace,
  caption: string,
): HTMLElement {
  const rows = tableRows(snapshot, trace).map(({ id, cells }) =>
    h(
      'tr',
      { 'data-node': id },
      ...cells.map((text, i) => (i === 1 ? h('th', { scope: 'row' }, text) : h('td', {}, text))),
    ),
  );
  const headings = ['Step', 'Node', 'Inputs', 'Value', 'Gradient arriving', 'Sent on / .grad'];
  return h(
    'details',
    { class: 'graph-table' },
    h('summary', {}, 'The graph as a table, in the order backward ran'),
    h(
      'table',
      {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ...headings.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...rows),
    ),
  );
}
