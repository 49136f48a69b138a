// Positions for the graph view: dagre's layered layout, forward from left to right (leaves on
// the left, the output on the right), so backward reads from right to left. dagre over elkjs:
// README "The graph view" has the figures.
import { Graph, layout } from '@dagrejs/dagre';
import type { LayoutInput } from './layout-input.ts';

export interface Point {
  x: number;
  y: number;
}

export interface PlacedGraph {
  /** Box centres, by node id. */
  centres: Map<number, Point>;
  /** Each edge's route, in the order of LayoutInput.edges. */
  routes: Point[][];
  width: number;
  height: number;
}

const MARGIN = 12;

export function placeGraph(input: LayoutInput): PlacedGraph {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 46, marginx: MARGIN, marginy: MARGIN });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const box of input.boxes)
    graph.setNode(String(box.id), { width: box.width, height: box.height });
  input.edges.forEach((edge, i) =>
    graph.setEdge(String(edge.from), String(edge.to), {}, String(i)),
  );
  layout(graph);
  const centres = new Map<number, Point>();
  for (const box of input.boxes) {
    const node = graph.node(String(box.id));
    centres.set(box.id, { x: node.x, y: node.y });
  }
  const routes = input.edges.map((edge, i) =>
    (graph.edge({ v: String(edge.from), w: String(edge.to), name: String(i) }).points ?? []).map(
      (p: Point) => ({ x: p.x, y: p.y }),
    ),
  );
  const label = graph.graph();
  return { centres, routes, width: label.width ?? 0, height: label.height ?? 0 };
}
