// Runs an expression through the autograd engine (core/autograd) as PyTorch code: variables
// become 0-D leaf tensors with requires_grad, each node one torch op, constants Python floats.
// The expression is taken in SymPy's form and order (sympy-order.ts), as the reference figures
// of torch were made: `a / b` as `a * b ** -1.0` rounds differently from torch's division, by up
// to 2.7e-4 relative in an ill-conditioned public case. It gives autograd's value beside each symbolic derivative (float32,
// torch's default) and the reference of the numeric guard (float64).
import * as torch from '../autograd/index.ts';
import type { Tensor } from '../autograd/index.ts';
import type { Expr, FunctionName } from './expr.ts';
import { freeSymbols } from './expr.ts';
import { sympyForm } from './sympy-order.ts';
import type { Point } from './evaluate.ts';
import { evaluate } from './evaluate.ts';
import type { AutogradDType, AutogradEvaluator } from './derive.ts';

type Value = Tensor | number;

const FLOAT = { scalarKind: 'float' } as const;

const OPS: Record<FunctionName, (x: Tensor) => Tensor> = {
  sin: torch.sin,
  cos: torch.cos,
  tan: torch.tan,
  tanh: torch.tanh,
  sinh: torch.sinh,
  cosh: torch.cosh,
  asin: torch.asin,
  acos: torch.acos,
  atan: torch.atan,
  log: torch.log,
  abs: torch.abs,
  relu: torch.relu,
  sigmoid: torch.sigmoid,
  sign: torch.sign,
  // 1 where x > 0, else 0, with gradient 0 everywhere (torch's sign has a zero gradient).
  step: (x) => torch.sign(torch.relu(x)),
};

function build(e: Expr, leaves: ReadonlyMap<string, Tensor>, point: Point): Value {
  if (freeSymbols(e).size === 0) return evaluate(e, point);
  switch (e.kind) {
    case 'sym':
      return leaves.get(e.name)!;
    case 'add':
      return fold(
        e.terms.map((t) => build(t, leaves, point)),
        torch.add,
        (a, b) => a + b,
      );
    case 'mul':
      return fold(
        e.factors.map((f) => build(f, leaves, point)),
        torch.mul,
        (a, b) => a * b,
      );
    case 'pow':
      return power(e, leaves, point);
    case 'fn':
      return OPS[e.name](build(e.arg, leaves, point) as Tensor);
    default:
      return evaluate(e, point);
  }
}

/** Left to right, as Python evaluates `a + b + c`; numbers stay Python floats. */
function fold(
  operands: readonly Value[],
  op: (a: Value, b: Value, options: typeof FLOAT) => Tensor,
  numeric: (a: number, b: number) => number,
): Value {
  return operands.reduce((acc, v) => {
    if (typeof acc === 'number' && typeof v === 'number') return numeric(acc, v);
    return typeof acc === 'number' ? op(v, acc, FLOAT) : op(acc, v, FLOAT);
  });
}

/** `b ** p` (a reciprocal is `b ** -1.0`: SymPy has no division), `sqrt`, `exp`. */
function power(
  e: Extract<Expr, { kind: 'pow' }>,
  leaves: ReadonlyMap<string, Tensor>,
  point: Point,
): Value {
  if (e.base.kind === 'const' && e.base.name === 'e')
    return torch.exp(build(e.exp, leaves, point) as Tensor);
  const base = build(e.base, leaves, point);
  const exp = build(e.exp, leaves, point);
  if (typeof exp === 'number' && typeof base !== 'number' && exp === 0.5) return torch.sqrt(base);
  return torch.pow(base, exp, FLOAT);
}

/**
 * The graph autograd records for `expr` at `point` (float32, leaves named by their variables)
 * and the trace of its backward(), for the graph view of a derivative block. Null when autograd
 * cannot run it (a constant, or an op that raises there).
 */
export function autogradGraph(
  expr: Expr,
  point: Point,
): { graph: torch.GraphSnapshot; trace: torch.BackwardTrace } | null {
  const leaves = new Map<string, Tensor>();
  for (const name of freeSymbols(expr)) {
    const leaf = torch.tensor([point[name]], [], { requiresGrad: true });
    leaf.label = name;
    leaves.set(name, leaf);
  }
  try {
    const out = build(sympyForm(expr), leaves, point);
    if (typeof out === 'number') return null;
    const recording = new torch.BackwardRecording();
    out.backward(undefined, { trace: recording });
    return torch.exportGraphWithTrace(out, recording);
  } catch (error) {
    if (error instanceof torch.TorchError) return null;
    throw error;
  }
}

export const autogradEvaluator: AutogradEvaluator = (
  expr: Expr,
  point: Point,
  dtype: AutogradDType,
) => {
  const leaves = new Map<string, Tensor>();
  for (const name of freeSymbols(expr))
    leaves.set(name, torch.tensor([point[name]], [], { dtype, requiresGrad: true }));
  const grad: Record<string, number> = {};
  try {
    const out = build(sympyForm(expr), leaves, point);
    if (typeof out === 'number') return { value: out, grad };
    out.backward();
    for (const [name, leaf] of leaves) grad[name] = leaf.grad?.item() ?? 0;
    return { value: out.item(), grad };
  } catch (error) {
    if (!(error instanceof torch.TorchError)) throw error;
    for (const name of leaves.keys()) grad[name] = NaN;
    return { value: NaN, grad };
  }
};
