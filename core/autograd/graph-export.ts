// A JSON-ready picture of the graph behind a tensor, for the symbolic engine and the UI.
import type { DType } from './dtype.ts';
import type { Attrs } from './node.ts';
import type { ForwardTrace, TraceEntry } from './ops/record.ts';
import type { Tensor } from './tensor.ts';

/** A float as JSON can carry it: non-finite values become 'nan', 'inf' or '-inf'. */
export type JsonNumber = number | 'nan' | 'inf' | '-inf';

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

const VALUE_LIMIT = 64;

function json(v: number): JsonNumber {
  return Number.isFinite(v) ? v : Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
}

function head(t: Tensor): JsonNumber[] {
  return Array.from(t.data.subarray(0, VALUE_LIMIT), json);
}

interface Source {
  op: string;
  gradFn: string | null;
  operands: readonly (Tensor | number)[];
  attrs: Attrs;
  trace: ForwardTrace | null;
}

/** Where a tensor came from: its grad_fn, or (inside a trace) the op that produced it. */
type Origin = (t: Tensor) => Source | null;

const fromGraph: Origin = (t) =>
  t.gradFn === null
    ? null
    : {
        op: t.gradFn.op,
        gradFn: t.gradFn.name,
        operands: t.gradFn.operands,
        attrs: t.gradFn.attrs,
        trace: t.gradFn.trace,
      };

function fromTrace(entries: ReadonlyMap<Tensor, TraceEntry>): Origin {
  return (t) => {
    const entry = entries.get(t);
    return entry === undefined ? null : { ...entry, gradFn: null, trace: null };
  };
}

function snapshot(
  root: Tensor,
  origin: Origin,
  argumentOf: (t: Tensor) => number | undefined,
): GraphSnapshot {
  const nodes: GraphNode[] = [];
  const ids = new Map<Tensor, number>();
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
      values: [json(value)],
      grad: null,
      label: null,
      outputNr: 0,
    });
    return id;
  };
  // Iterative post-order walk: deep graphs (100k ops) must not overflow the stack.
  const stack: { t: Tensor; expanded: boolean }[] = [{ t: root, expanded: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (ids.has(top.t)) {
      stack.pop();
      continue;
    }
    const source = argumentOf(top.t) === undefined ? origin(top.t) : null;
    if (!top.expanded && source !== null) {
      top.expanded = true;
      // Reversed, so operands come out in the order the expression reads.
      for (const operand of [...source.operands].reverse())
        if (typeof operand !== 'number' && !ids.has(operand))
          stack.push({ t: operand, expanded: false });
      continue;
    }
    stack.pop();
    const t = top.t;
    const inputs =
      source === null
        ? []
        : source.operands.map((o) =>
            typeof o === 'number' ? emitScalar(o) : (ids.get(o) as number),
          );
    const id = nodes.length;
    ids.set(t, id);
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
      values: head(t),
      grad: kind === 'leaf' && t.grad !== null ? head(t.grad) : null,
      label: t.label ?? t.gradFn?.label ?? null,
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
  return { nodes, root: ids.get(root) as number };
}

function traceSnapshot(trace: ForwardTrace, outputNr: number): GraphSnapshot {
  const argumentOf = (t: Tensor): number | undefined => {
    const i = trace.inputs.indexOf(t);
    return i < 0 ? undefined : i;
  };
  return snapshot(trace.outputs[outputNr], fromTrace(trace.entries), argumentOf);
}

/** The graph that produced `root`, leaves and constants included. */
export function exportGraph(root: Tensor): GraphSnapshot {
  return snapshot(root, fromGraph, () => undefined);
}
