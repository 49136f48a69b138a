// Beside a run that called backward(): the autograd graph, then the symbolic derivative whose
// steps are tied to the graph's nodes (hovering a step marks its nodes, hovering a node marks
// its steps).
import type { LabelledGraph } from '../../core/python/kernel.ts';
import { graphLinks } from './graph-links.ts';
import { symbolicPanel } from '../ui/symbolic-panel.ts';
import { graphView } from './graph-view.ts';

function panelsOf(labelled: LabelledGraph, sources: () => readonly string[]): HTMLElement[] {
  const view = graphView(
    labelled.graph,
    labelled.trace,
    `Autograd graph of backward() on line ${labelled.line}`,
    sources,
  );
  const links = graphLinks(labelled.graph, view.highlight);
  const symbolic = symbolicPanel(labelled, links);
  for (const [id, group] of view.drawn.nodes) {
    const steps = () => symbolic.querySelectorAll(`.derivation-step[data-nodes~="${id}"]`);
    group.addEventListener('mouseenter', () => {
      group.classList.add('linked');
      for (const step of steps()) step.classList.add('linked');
    });
    group.addEventListener('mouseleave', () => {
      group.classList.remove('linked');
      for (const step of steps()) step.classList.remove('linked');
    });
  }
  return [view.element, symbolic];
}

/**
 * `graph: false` (the lesson's `python graph=off`) leaves the graph out; `sources`: the
 * lesson's code cells, where a custom Function's backward is looked up.
 */
export function backwardPanels(
  graphs: readonly LabelledGraph[],
  { graph, sources }: { graph: boolean; sources: () => readonly string[] },
): HTMLElement[] {
  return graphs.flatMap((labelled) =>
    graph ? panelsOf(labelled, sources) : [symbolicPanel(labelled)],
  );
}
