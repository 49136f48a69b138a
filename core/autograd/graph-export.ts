// A JSON-ready picture of the graph behind a tensor, for the symbolic engine and the UI.
import type { DType } from './dtype.ts';
import { headValues, jsonNumber, type JsonNumber } from './json-values.ts';
import {
  toBackwardTrace,
  type BackwardRecording,
  type BackwardTrace,
  type GraphIds,
} from './backward-trace.ts';
import type { Attrs, Node } from './node.ts';
import type { ForwardTrace, TraceEntry } from './ops/record.ts';
import type { Tensor } from './tensor.ts';

export interface GraphNode {
  id: number;
  /** leaf: requires grad, no grad_fn; op: made by an op; constant: anything else (incl. Python scalars). */
  kind: 'leaf' | 'op' | 'constant';
  /** Engine op name ('add', 'mul', 'pow', 'rsub', 'sin', 'sum', 'mv', 'custom', ...), null otherwise. */
  op: string | null;
  /** torch's grad_fn name ('PowBackward0'...), null for leaves and constants. */
  gradFn: string | null;
  /** Operand ids in the order the expression reads: `1 - x` is rsub with inputs [1, x]. */
  inputs: number[];
  attrs: Attrs;
  shape: number[];
  dtype: DType;
  numel: number;
  /** The first (up to 64) values, row-major. */
  values: JsonNumber[];
  /** Leaves: their `.grad` (first 64 values), or null. */
  grad: JsonNumber[] | null;
  label: string | null;
  /** Which output of a multi-output op (custom Functions) this is. */
  outputNr: number;
  /** In a custom Function's forward trace: the position of the forward argument this stands for. */
  argument?: number;
  /** Custom Functions: the class name and the ops its forward ran, over `argument` placeholders. */
  custom?: { name: string; forward: GraphSnapshot };
}

export interface GraphSnapshot {
  /** Topological order: every node's inputs come before it. */
  nodes: GraphNode[];
  /** Id of the tensor the export started from. */
  root: number;
}

interface Source {
  op: string;
  gradFn: string | null;
  operands: readonly (Tensor | number)[];
  attrs: Attrs;
  trace: ForwardTrace | null;
  /** The graph node, whose edges say what each operand was when the op ran. */
  node: Node | null;
}

/**
 * Where a value came from. Graph values are told apart by the node that made them: an in-place
 * op gives the same Tensor object a new grad_fn, and earlier ops must still see the old one.
 */
interface Origin {
  /** The source of `t` as made by `maker` (a value's maker; undefined: `t` as it is now). */
  of(t: Tensor, maker: Node | null | undefined): Source | null;
  /** The maker of `operand` when `source`'s op ran. */
  makerOf(source: Source, operand: Tensor): Node | null | undefined;
}

function sourceOf(node: Node): Source {
  return {
    op: node.op,
    gradFn: node.name,
    operands: node.operands,
    attrs: node.attrs,
    trace: node.trace,
    node,
  };
}

const fromGraph: Origin = {
  of: (t, maker) => {
    const node = maker === undefined ? t.gradFn : maker;
    return node === null ? null : sourceOf(node);
  },
  makerOf: (source, operand) => {
    const node = source.node;
    const index = node === null ? -1 : node.inputs.indexOf(operand);
    if (node === null || index < 0) return undefined;
    const next = node.nextFunctions[index][0];
    // Leaves hang on AccumulateGrad nodes; they are values, not ops.
    return next === null || next.op === 'accumulate' ? null : next;
  },
};

function fromTrace(entries: ReadonlyMap<Tensor, TraceEntry>): Origin {
  return {
    of: (t) => {
      const entry = entries.get(t);
      return entry === undefined ? null : { ...entry, gradFn: null, trace: null, node: null };
    },
    makerOf: () => undefined,
  };
}

function snapshot(
  root: Tensor,
  origin: Origin,
  argumentOf: (t: Tensor) => number | undefined,
): { graph: GraphSnapshot; ids: GraphIds } {
  const nodes: GraphNode[] = [];
  // A value is its maker node (and output number), or the tensor itself when no op made it.
  const ids = new Map<object, Map<number, number>>();
  const keyOf = (t: Tensor, source: Source | null): [object, number] =>
    source?.node ? [source.node, t.outputNr] : [t, 0];
  const idOf = ([key, nr]: [object, number]): number | undefined => ids.get(key)?.get(nr);
  const emitScalar = (value: number): number => {
    const id = nodes.length;
    nodes.push({
      id,
      kind: 'constant',
      op: null,
      gradFn: null,
      inputs: [],
      attrs: {},
      shape: [],
      dtype: Number.isInteger(value) ? 'int64' : 'float64',
      numel: 1,
      values: [jsonNumber(value)],
      grad: null,
      label: null,
      outputNr: 0,
    });
    return id;
  };
  interface Item {
    t: Tensor;
    source: Source | null;
    expanded: boolean;
  }
  const item = (t: Tensor, maker: Node | null | undefined): Item => ({
    t,
    source: argumentOf(t) === undefined ? origin.of(t, maker) : null,
    expanded: false,
  });
  const operandItems = (source: Source): Item[] =>
    source.operands
      .map((o) => (typeof o === 'number' ? null : item(o, origin.makerOf(source, o))))
      .filter((i): i is Item => i !== null);
  // Iterative post-order walk: deep graphs (100k ops) must not overflow the stack.
  const stack: Item[] = [item(root, undefined)];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const key = keyOf(top.t, top.source);
    if (idOf(key) !== undefined) {
      stack.pop();
      continue;
    }
    const source = top.source;
    if (!top.expanded && source !== null) {
      top.expanded = true;
      // Reversed, so operands come out in the order the expression reads.
      for (const operand of operandItems(source).reverse())
        if (idOf(keyOf(operand.t, operand.source)) === undefined) stack.push(operand);
      continue;
    }
    stack.pop();
    const t = top.t;
    const operands = source === null ? [] : operandItems(source);
    let next = 0;
    const inputs =
      source === null
        ? []
        : source.operands.map((o) =>
            typeof o === 'number'
              ? emitScalar(o)
              : (idOf(keyOf(o, operands[next++].source)) as number),
          );
    const id = nodes.length;
    if (!ids.has(key[0])) ids.set(key[0], new Map());
    ids.get(key[0])?.set(key[1], id);
    const argument = argumentOf(t);
    const kind =
      source !== null ? 'op' : t.requiresGrad || argument !== undefined ? 'leaf' : 'constant';
    const node: GraphNode = {
      id,
      kind,
      op: source?.op ?? null,
      gradFn: source?.gradFn ?? null,
      inputs,
      attrs: source?.attrs ?? {},
      shape: [...t.shape],
      dtype: t.dtype,
      numel: t.numel,
      values: headValues(t),
      grad: kind === 'leaf' && t.grad !== null ? headValues(t.grad) : null,
      label: t.label ?? source?.node?.label ?? null,
      outputNr: t.outputNr,
    };
    if (argument !== undefined) node.argument = argument;
    if (source?.trace)
      node.custom = {
        name: String(source.attrs.function ?? 'Function'),
        forward: traceSnapshot(source.trace, t.outputNr),
      };
    nodes.push(node);
  }
  return {
    graph: { nodes, root: idOf(keyOf(root, origin.of(root, undefined))) as number },
    ids: { of: (key, nr) => idOf([key, nr]) },
  };
}

function traceSnapshot(trace: ForwardTrace, outputNr: number): GraphSnapshot {
  const argumentOf = (t: Tensor): number | undefined => {
    const i = trace.inputs.indexOf(t);
    return i < 0 ? undefined : i;
  };
  return snapshot(trace.outputs[outputNr], fromTrace(trace.entries), argumentOf).graph;
}

/** The graph that produced `root`, leaves and constants included. */
export function exportGraph(root: Tensor): GraphSnapshot {
  return snapshot(root, fromGraph, () => undefined).graph;
}

/**
 * The graph that produced `root` and, from a recording of a backward pass through it, that
 * pass's trace with this graph's node ids (steps at nodes it does not show are left out).
 */
export function exportGraphWithTrace(
  root: Tensor,
  recording: BackwardRecording,
): { graph: GraphSnapshot; trace: BackwardTrace } {
  const { graph, ids } = snapshot(root, fromGraph, () => undefined);
  return { graph, trace: toBackwardTrace(recording, ids) };
}
