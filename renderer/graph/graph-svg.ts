// The graph drawn as SVG: a box per node (leaves, ops, constants, the output), edges as arrows
// in the forward direction. Colours come from the theme's CSS variables (styles.css), so the
// drawing reads in the light and the dark theme alike.
import type { LayoutInput } from './layout-input.ts';
import type { PlacedGraph, Point } from './layout.ts';

const SVG = 'http://www.w3.org/2000/svg';
const LINE_HEIGHT = 17;
const PADDING_Y = 9;

function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  ...children: (Node | string)[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  for (const child of children)
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

export interface DrawnGraph {
  svg: SVGSVGElement;
  /** Each node's group, by id (for highlighting a step or a linked derivation step). */
  nodes: Map<number, SVGGElement>;
  /** Each edge's path, in LayoutInput.edges order. */
  edges: SVGPathElement[];
}

function pathThrough(points: readonly Point[]): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  return `M${first.x.toFixed(1)},${first.y.toFixed(1)}${rest.map((p) => `L${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('')}`;
}

export function drawGraph(input: LayoutInput, placed: PlacedGraph, title: string): DrawnGraph {
  const svg = svgElement('svg', {
    class: 'graph-svg',
    viewBox: `0 0 ${placed.width} ${placed.height}`,
    width: placed.width,
    height: placed.height,
    role: 'img',
    'aria-label': title,
  });
  const marker = svgElement(
    'marker',
    {
      id: 'graph-arrow',
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 7,
      markerHeight: 7,
      orient: 'auto-start-reverse',
    },
    svgElement('path', { d: 'M0,0L10,5L0,10z', class: 'graph-arrowhead' }),
  );
  svg.append(svgElement('defs', {}, marker));
  const edgeLayer = svgElement('g', { class: 'graph-edges' });
  const edges = input.edges.map((edge, i) => {
    const path = svgElement('path', {
      d: pathThrough(placed.routes[i]),
      class: edge.carriesGrad ? 'graph-edge' : 'graph-edge no-grad',
      'marker-end': 'url(#graph-arrow)',
      'data-from': edge.from,
      'data-to': edge.to,
    });
    edgeLayer.append(path);
    return path;
  });
  const nodeLayer = svgElement('g', { class: 'graph-nodes' });
  const nodes = new Map<number, SVGGElement>();
  for (const box of input.boxes) {
    const centre = placed.centres.get(box.id)!;
    const left = centre.x - box.width / 2;
    const top = centre.y - box.height / 2;
    const group = svgElement('g', { class: `graph-node ${box.kind}`, 'data-node': box.id });
    group.append(
      svgElement('title', {}, box.description),
      svgElement('rect', {
        x: left,
        y: top,
        width: box.width,
        height: box.height,
        rx: box.kind === 'leaf' ? 12 : 4,
      }),
      svgElement(
        'text',
        { x: centre.x, y: top + PADDING_Y + LINE_HEIGHT * 0.8, class: 'graph-title' },
        box.title,
      ),
      ...box.lines.map((line, i) =>
        svgElement(
          'text',
          {
            x: centre.x,
            y: top + PADDING_Y + LINE_HEIGHT * (i + 1.8),
            class: line.quiet ? 'graph-quiet' : 'graph-value',
          },
          line.text,
        ),
      ),
    );
    nodeLayer.append(group);
    nodes.set(box.id, group);
  }
  svg.append(edgeLayer, nodeLayer);
  return { svg, nodes, edges };
}
