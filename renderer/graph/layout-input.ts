// What the graph view lays out, read from a recorded GraphSnapshot: one box per leaf (its
// Python name and value), per op (torch's grad_fn name and the value it made) and per constant
// the forward used, and one edge per operand. Edges from leaves and ops are the ones autograd
// follows backwards; edges from constants carry no gradient and are drawn dashed. Pure, so the
// layout input is unit-tested without a browser.
import type { GraphNode, GraphSnapshot, JsonNumber } from '../../core/autograd/index.ts';

interface BoxLine {
  text: string;
  /** Tensors' shape and values are quieter than the title. */
  quiet: boolean;
}

interface LayoutBox {
  id: number;
  kind: 'leaf' | 'op' | 'constant' | 'output';
  /** `x`, `MulBackward0`, `SQBackward`, or the constant's value. */
  title: string;
  lines: BoxLine[];
  width: number;
  height: number;
  /** For the text alternative and screen readers: the whole box in one sentence. */
  description: string;
}

interface LayoutEdge {
  from: number;
  to: number;
  /** Which operand of `to` this is (0 for the first). */
  input: number;
  /** Whether autograd sends a gradient along it (not for constants). */
  carriesGrad: boolean;
}

export interface LayoutInput {
  boxes: LayoutBox[];
  edges: LayoutEdge[];
  root: number;
}

/** Values shown in a box: the first few, as in a tensor's repr. */
const SHOWN_VALUES = 4;
const CHAR_WIDTH = 7.4;
const LINE_HEIGHT = 17;
const PADDING_X = 12;
const PADDING_Y = 9;

function formatValue(v: JsonNumber): string {
  if (typeof v !== 'number') return v;
  if (Number.isInteger(v)) return `${v}.`;
  const text = Number(v.toPrecision(4)).toString();
  return text;
}

/** `2.`, or `[1., 2., 3., 4., …]` for a tensor with more values than shown. */
export function formatValues(
  values: readonly JsonNumber[],
  numel: number,
  shape: readonly number[],
): string {
  if (shape.length === 0) return formatValue(values[0]);
  const shown = values.slice(0, SHOWN_VALUES).map(formatValue).join(', ');
  return `[${shown}${numel > SHOWN_VALUES ? ', …' : ''}]`;
}

function shapeText(node: GraphNode): string {
  return node.shape.length === 0
    ? `scalar ${node.dtype}`
    : `shape (${node.shape.join(', ')}) ${node.dtype}`;
}

export function leafName(node: GraphNode): string {
  return node.label ?? `leaf ${node.id}`;
}

function boxOf(node: GraphNode, root: number): LayoutBox {
  const value = formatValues(node.values, node.numel, node.shape);
  let kind: LayoutBox['kind'] = node.kind;
  let title: string;
  const lines: BoxLine[] = [];
  if (node.kind === 'leaf') {
    title = leafName(node);
    lines.push({ text: `= ${value}`, quiet: false }, { text: shapeText(node), quiet: true });
  } else if (node.kind === 'constant') {
    title = value;
    lines.push({ text: node.shape.length === 0 ? 'constant' : shapeText(node), quiet: true });
  } else {
    title = node.gradFn ?? node.op ?? 'op';
    if (node.id === root) kind = 'output';
    lines.push({ text: `= ${value}`, quiet: false }, { text: shapeText(node), quiet: true });
  }
  const width = Math.ceil(
    Math.max(title.length, ...lines.map((l) => l.text.length)) * CHAR_WIDTH + 2 * PADDING_X,
  );
  const height = (1 + lines.length) * LINE_HEIGHT + 2 * PADDING_Y;
  const what =
    node.kind === 'leaf'
      ? 'leaf'
      : node.kind === 'constant'
        ? 'constant'
        : kind === 'output'
          ? 'output, made by'
          : 'op';
  return {
    id: node.id,
    kind,
    title,
    lines,
    width,
    height,
    description: `${what} ${title} ${lines.map((l) => l.text).join(', ')}`,
  };
}

/** Nodes the root depends on (a snapshot may hold others after it). */
function reachable(snapshot: GraphSnapshot): Set<number> {
  const byId = new Map(snapshot.nodes.map((n) => [n.id, n]));
  const seen = new Set<number>();
  const stack = [snapshot.root];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(byId.get(id)?.inputs ?? []));
  }
  return seen;
}

export function layoutInput(snapshot: GraphSnapshot): LayoutInput {
  const needed = reachable(snapshot);
  const nodes = snapshot.nodes.filter((n) => needed.has(n.id));
  const kinds = new Map(nodes.map((n) => [n.id, n.kind]));
  return {
    boxes: nodes.map((n) => boxOf(n, snapshot.root)),
    edges: nodes.flatMap((n) =>
      n.inputs.map((from, input) => ({
        from,
        to: n.id,
        input,
        carriesGrad: kinds.get(from) !== 'constant',
      })),
    ),
    root: snapshot.root,
  };
}
