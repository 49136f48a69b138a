// The symbolic form of a recorded autograd graph: from `y = x**2 + 2*x + 1; y.backward()`,
// y as an expression of its leaves, dy/dleaf for each leaf, and their values at the leaves
// beside autograd's `.grad`, so the UI can show dy/dx = 2x + 2 = 6 next to x.grad = 6.
// A custom Function stands for the op chain of its forward when every op is known.
import type { Expr, FunctionName } from './expr.ts';
import { FUNCTION_NAMES, int, num, renameSymbols, sym } from './expr.ts';
import { add, apply, div, exp, mul, neg, pow, simplify, sub } from './simplify.ts';
import { differentiate } from './diff.ts';
import { evaluate } from './evaluate.ts';
import { toLatex, toText } from './print.ts';
import { derivativeOperatorLatex } from './derive.ts';
import { close } from './equivalence.ts';
import { inexact, parseDecimal } from './rational.ts';
import { SymbolicLimitError, WorkBudget } from './budget.ts';

/** The fields of core/autograd's GraphSnapshot that the symbolic form reads. */
interface SnapshotNode {
  id: number;
  kind: 'leaf' | 'op' | 'constant';
  op: string | null;
  inputs: number[];
  attrs: Readonly<Record<string, unknown>>;
  numel: number;
  values: (number | 'nan' | 'inf' | '-inf')[];
  grad: (number | 'nan' | 'inf' | '-inf')[] | null;
  label: string | null;
  argument?: number;
  custom?: { name: string; forward: Snapshot };
}

export interface Snapshot {
  nodes: SnapshotNode[];
  root: number;
}

export interface LeafDerivative {
  name: string;
  /** The leaf's values (first elements of a vector). */
  values: number[];
  /** autograd's `.grad` of the leaf, or null when it has none. */
  grad: number[] | null;
  derivative: Expr;
  text: string;
  latex: string;
  /** `\frac{dy}{dx} = 2 x + 2` */
  equationLatex: string;
  /** The symbolic derivative at the leaf's values (elementwise for a vector). */
  derivativeValues: number[];
  /** Whether they match autograd's grad; null when there is no grad to compare. */
  agrees: boolean | null;
}

export type GraphSymbolic =
  | {
      ok: true;
      output: string;
      expr: Expr;
      text: string;
      /** `y = x^{2} + 2 x + 1`, or `y = \sum_{i} x_{i}^{2}` after a sum. */
      equationLatex: string;
      /** The root reduced the elementwise expression over its elements. */
      reduction: 'sum' | 'mean' | null;
      leaves: LeafDerivative[];
      /** Plain sentences for the UI, e.g. when a custom Function's backward disagrees. */
      notes: string[];
    }
  | { ok: false; reason: string };

class Unsupported extends Error {}

const UNARY: Record<string, (x: Expr, budget: WorkBudget) => Expr> = {
  neg,
  exp,
  sqrt: (x, budget) => pow(x, num(parseDecimal('0.5')), budget),
  reciprocal: (x, budget) => pow(x, int(-1), budget),
  clone: (x) => x,
  to: (x) => x,
};

const FUNCTIONS: ReadonlySet<string> = new Set(FUNCTION_NAMES);

function numberOf(v: number | 'nan' | 'inf' | '-inf'): number {
  return typeof v === 'number' ? v : v === 'nan' ? NaN : v === 'inf' ? Infinity : -Infinity;
}

/** A constant as people would write it: 2, 0.5, or a float32 value as a decimal. */
function constantExpr(value: number, budget: WorkBudget): Expr {
  const text = String(value);
  return /^-?\d*\.?\d+$/.test(text) && text.replace(/[-.]/g, '').length <= 15
    ? value < 0
      ? neg(num(parseDecimal(text.slice(1))), budget)
      : num(parseDecimal(text))
    : num(inexact(value));
}

function alpha(node: SnapshotNode, budget: WorkBudget): Expr {
  const a = node.attrs.alpha;
  return typeof a === 'number' ? constantExpr(a, budget) : int(1);
}

/** Expressions for the nodes of a snapshot; `argumentExprs` stand for a forward's inputs. */
function translate(
  snapshot: Snapshot,
  nameOf: (node: SnapshotNode) => string,
  budget: WorkBudget,
  argumentExprs?: readonly Expr[],
  exprs = new Map<number, Expr>(),
): Expr {
  const needed = reachable(snapshot);
  for (const node of snapshot.nodes) {
    if (!needed.has(node.id)) continue;
    const ins = node.inputs.map((id) => exprs.get(id)!);
    exprs.set(node.id, nodeExpr(node, ins, nameOf, budget, argumentExprs));
  }
  return exprs.get(snapshot.root)!;
}

/** Ids of the nodes the root depends on (nodes after it in the list may not). */
function reachable(snapshot: Snapshot): Set<number> {
  const byId = new Map(snapshot.nodes.map((n) => [n.id, n]));
  const seen = new Set<number>();
  const stack = [snapshot.root];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(byId.get(id)?.inputs ?? []));
  }
  return seen;
}

function nodeExpr(
  node: SnapshotNode,
  ins: Expr[],
  nameOf: (node: SnapshotNode) => string,
  budget: WorkBudget,
  argumentExprs: readonly Expr[] | undefined,
): Expr {
  if (node.argument !== undefined && argumentExprs) return argumentExprs[node.argument];
  if (node.kind === 'leaf') return sym(nameOf(node));
  if (node.kind === 'constant') {
    if (node.numel !== 1) throw new Unsupported('a constant tensor with several values takes part');
    return constantExpr(numberOf(node.values[0]), budget);
  }
  const op = node.op ?? '';
  const [a, b] = ins;
  switch (op) {
    case 'add':
      return add([a, mul([alpha(node, budget), b], budget)], budget);
    case 'sub':
      return sub(a, mul([alpha(node, budget), b], budget), budget);
    case 'rsub':
      return sub(a, mul([alpha(node, budget), b], budget), budget);
    case 'mul':
      return mul([a, b], budget);
    case 'div':
      return div(a, b, budget);
    case 'pow':
      return pow(a, b, budget);
    case 'custom': {
      if (!node.custom) throw new Unsupported('a custom Function was recorded without its forward');
      try {
        return translate(node.custom.forward, nameOf, budget, ins);
      } catch (error) {
        if (error instanceof Unsupported)
          throw new Unsupported(
            `the forward of the custom Function ${node.custom.name} has no symbolic form: ${error.message}`,
          );
        throw error;
      }
    }
    default:
      if (UNARY[op]) return UNARY[op](a, budget);
      if (FUNCTIONS.has(op)) return apply(op as FunctionName, a, budget);
      throw new Unsupported(`the op '${op}' has no symbolic form here`);
  }
}

function leafName(node: SnapshotNode): string {
  return node.label && IDENTIFIER.test(node.label) ? node.label : `t${node.id}`;
}

/** Values of a leaf at element i (a scalar broadcasts). */
function at(values: number[], i: number): number {
  return values.length === 1 ? values[0] : values[i];
}

export interface GraphOptions {
  /** The output's name (the Python variable backward() was called on); default its label or y. */
  output?: string;
}

export function graphToSymbolic(snapshot: Snapshot, options: GraphOptions = {}): GraphSymbolic {
  try {
    return symbolicForm(snapshot, options, new WorkBudget());
  } catch (error) {
    if (error instanceof Unsupported || error instanceof SymbolicLimitError)
      return { ok: false, reason: `No symbolic form: ${error.message}.` };
    throw error;
  }
}

const IDENTIFIER = /^[A-Za-z]\w*$/;

/**
 * Each node's expression of the leaves (a sum or mean at the root left out), for tying the
 * steps of a derivative to the graph nodes they stand for; null when the graph has no
 * symbolic form.
 */
export function nodeExpressions(snapshot: Snapshot): Map<number, Expr> | null {
  const exprs = new Map<number, Expr>();
  try {
    translate(reducedBody(snapshot), leafName, new WorkBudget(), undefined, exprs);
    return exprs;
  } catch (error) {
    if (error instanceof Unsupported || error instanceof SymbolicLimitError) return null;
    throw error;
  }
}

/** The snapshot without a sum or mean at its root (the elementwise expression it reduces). */
function reducedBody(snapshot: Snapshot): Snapshot {
  const rootNode = snapshot.nodes.find((n) => n.id === snapshot.root)!;
  const reduction = rootNode.op === 'sum' || rootNode.op === 'mean';
  return reduction ? { nodes: snapshot.nodes, root: rootNode.inputs[0] } : snapshot;
}

function symbolicForm(
  snapshot: Snapshot,
  options: GraphOptions,
  budget: WorkBudget,
): GraphSymbolic {
  const rootNode = snapshot.nodes.find((n) => n.id === snapshot.root)!;
  const reduction = rootNode.op === 'sum' || rootNode.op === 'mean' ? rootNode.op : null;
  if (reduction && Object.keys(rootNode.attrs).length > 0)
    throw new Unsupported(`a ${reduction} over some dimensions only`);
  if (!reduction && rootNode.numel !== 1)
    throw new Unsupported('the output is not a single number');
  const body = reducedBody(snapshot);
  const expr = simplify(translate(body, leafName, budget), budget);
  const elements = reduction ? snapshot.nodes.find((n) => n.id === body.root)!.numel : 1;
  const output =
    options.output ?? (rootNode.label && IDENTIFIER.test(rootNode.label) ? rootNode.label : 'y');
  const leafNodes = snapshot.nodes.filter((n) => n.kind === 'leaf');
  // After a sum, vector leaves are shown with an index: y = Σ_i x_i², ∂y/∂x_i = 2 x_i.
  const vectors = new Set(reduction ? leafNodes.filter((l) => l.numel > 1).map(leafName) : []);
  const shownName = (name: string) => (vectors.has(name) ? `${name}_i` : name);
  const shown = (e: Expr) => toLatex(renameSymbols(e, shownName));
  const context: LeafContext = {
    expr,
    scale: reduction === 'mean' ? num({ n: 1, d: elements, exact: true }) : int(1),
    count: Math.min(elements, ...leafNodes.map((l) => l.values.length)),
    point: (i) =>
      Object.fromEntries(leafNodes.map((l) => [leafName(l), at(l.values.map(numberOf), i)])),
    operator: (name) =>
      derivativeOperatorLatex(shownName(name), leafNodes.length > 1 || vectors.size > 0, output),
    shown,
    budget,
  };
  const leaves = leafNodes.map((leaf) => leafDerivative(leaf, context));
  const sum =
    reduction === null ? '' : `${reduction === 'mean' ? `\\frac{1}{${elements}}` : ''}\\sum_{i} `;
  const customs = snapshot.nodes.flatMap((n) => (n.custom ? [n.custom.name] : []));
  const disagree = leaves.some((l) => l.agrees === false);
  const notes =
    customs.length && disagree
      ? [
          `The derivative of the forward of ${[...new Set(customs)].join(', ')} disagrees with autograd: its backward is not the derivative of its forward (does it multiply by grad_output?).`,
        ]
      : [];
  return {
    ok: true,
    output,
    expr,
    text: toText(expr),
    equationLatex: `${output} = ${sum}${shown(expr)}`,
    reduction,
    leaves,
    notes,
  };
}

interface LeafContext {
  expr: Expr;
  /** 1, or 1/n after a mean. */
  scale: Expr;
  /** Elements compared with autograd. */
  count: number;
  point: (i: number) => Record<string, number>;
  operator: (name: string) => string;
  shown: (e: Expr) => string;
  budget: WorkBudget;
}

function leafDerivative(leaf: SnapshotNode, c: LeafContext): LeafDerivative {
  const name = leafName(leaf);
  const derivative = mul([c.scale, differentiate(c.expr, name, undefined, c.budget)], c.budget);
  const derivativeValues = Array.from({ length: c.count }, (_, i) =>
    evaluate(derivative, c.point(i)),
  );
  const grad = leaf.grad ? leaf.grad.map(numberOf) : null;
  const same = (v: number, g: number) =>
    close(v, g, 1e-5, 1e-6) || (Number.isNaN(v) && Number.isNaN(g));
  const latex = c.shown(derivative);
  return {
    name,
    values: leaf.values.map(numberOf),
    grad,
    derivative,
    text: toText(derivative),
    latex,
    equationLatex: `${c.operator(name)} = ${latex}`,
    derivativeValues,
    agrees: grad ? derivativeValues.every((v, i) => same(v, at(grad, i))) : null,
  };
}
