// Positions for the graph view: dagre's layered layout, forward from left to right (leaves on
// the left, the output on the right), so backward reads from right to left. dagre over elkjs:
// README "The graph view" has the figures. A leaf that feeds many ops (x in a loop) gives dagre
// only its first edge: each edge spanning k ranks costs dagre k dummy nodes, and a loop of 75
// terms over one x took dagre 10 s. Its other edges are drawn straight from the leaf.
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
/** A leaf with more uses than this gives dagre only the first. */
const ROUTED_USES = 3;

/** Edges dagre routes: all but the later uses of a leaf used more than ROUTED_USES times. */
function routedEdges(input: LayoutInput): boolean[] {
  const uses = new Map<number, number>();
  for (const edge of input.edges) uses.set(edge.from, (uses.get(edge.from) ?? 0) + 1);
  const leaves = new Set(input.boxes.filter((b) => b.kind === 'leaf').map((b) => b.id));
  const seen = new Set<number>();
  return input.edges.map((edge) => {
    if (!leaves.has(edge.from) || uses.get(edge.from)! <= ROUTED_USES) return true;
    if (seen.has(edge.from)) return false;
    seen.add(edge.from);
    return true;
  });
}

/** From the right side of one box to the left side of the other. */
function straightRoute(from: Point, fromWidth: number, to: Point, toWidth: number): Point[] {
  return [
    { x: from.x + fromWidth / 2, y: from.y },
    { x: to.x - toWidth / 2, y: to.y },
  ];
}

export function placeGraph(input: LayoutInput): PlacedGraph {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 46, marginx: MARGIN, marginy: MARGIN });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const box of input.boxes)
    graph.setNode(String(box.id), { width: box.width, height: box.height });
  const routed = routedEdges(input);
  input.edges.forEach((edge, i) => {
    if (routed[i]) graph.setEdge(String(edge.from), String(edge.to), {}, String(i));
  });
  layout(graph);
  const centres = new Map<number, Point>();
  for (const box of input.boxes) {
    const node = graph.node(String(box.id));
    centres.set(box.id, { x: node.x, y: node.y });
  }
  const widths = new Map(input.boxes.map((b) => [b.id, b.width]));
  const routes = input.edges.map((edge, i) =>
    routed[i]
      ? (
          graph.edge({ v: String(edge.from), w: String(edge.to), name: String(i) }).points ?? []
        ).map((p: Point) => ({ x: p.x, y: p.y }))
      : straightRoute(
          centres.get(edge.from)!,
          widths.get(edge.from)!,
          centres.get(edge.to)!,
          widths.get(edge.to)!,
        ),
  );
  const label = graph.graph();
  return { centres, routes, width: label.width ?? 0, height: label.height ?? 0 };
}
