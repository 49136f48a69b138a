// The autograd graph of one backward(): laid out left to right, drawn as SVG, zoomable, with
// its text alternative. Highlighting a node (from a derivation step, or a step of backward)
// goes through `highlight`.
import type { BackwardTrace, GraphSnapshot } from '../../core/autograd/index.ts';
import { h } from '../ui/dom.ts';
import { layoutInput } from './layout-input.ts';
import { placeGraph } from './layout.ts';
import { drawGraph, type DrawnGraph } from './graph-svg.ts';
import { zoomable } from './zoom.ts';
import { graphTable } from './graph-table.ts';
import { stepThrough } from './step-through.ts';

export interface GraphView {
  element: HTMLElement;
  drawn: DrawnGraph;
  /** Marks these nodes (or clears the mark) in the drawing and the table. */
  highlight(ids: readonly number[], on: boolean): void;
}

export function graphView(
  snapshot: GraphSnapshot,
  trace: BackwardTrace,
  heading: string,
  sources: () => readonly string[],
): GraphView {
  const started = performance.now();
  const input = layoutInput(snapshot);
  const placed = placeGraph(input);
  const drawn = drawGraph(
    input,
    placed,
    `${heading}: ${input.boxes.length} nodes, forward from left to right`,
  );
  const table = graphTable(snapshot, trace, heading);
  const nodes = new Map(snapshot.nodes.map((n) => [n.id, n]));
  const stepping = stepThrough(trace, nodes, drawn, table, sources);
  const element = h(
    'section',
    { class: 'panel graph-view', 'aria-label': heading },
    h('h3', {}, heading),
    h(
      'p',
      { class: 'note' },
      'Forward runs left to right; backward() sends gradients back along the arrows, from the output to the leaves (dashed: no gradient).',
    ),
    zoomable(drawn.svg, placed.width, placed.height),
    stepping.element,
    table,
  );
  // Laid out and drawn (the SVG is in the element, painted with it): npm run bench:ui reads it.
  performance.measure('gradlab:graph-drawn', { start: started, detail: input.boxes.length });
  const highlight = (ids: readonly number[], on: boolean) => {
    for (const id of ids) {
      drawn.nodes.get(id)?.classList.toggle('linked', on);
      table.querySelector(`tr[data-node="${id}"]`)?.classList.toggle('linked', on);
    }
  };
  return { element, drawn, highlight };
}
