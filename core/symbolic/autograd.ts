// Runs an expression through the autograd engine (core/autograd) the way a student's PyTorch
// code would: variables become 0-D leaf tensors with requires_grad, each node one torch op,
// constants Python floats. It gives autograd's value beside each symbolic derivative (float32,
// torch's default) and the reference of the numeric guard (float64).
import * as torch from '../autograd/index.ts';
import type { Tensor } from '../autograd/index.ts';
import type { Expr, FunctionName } from './expr.ts';
import { freeSymbols } from './expr.ts';
import type { Point } from './evaluate.ts';
import { evaluate } from './evaluate.ts';
import { fractionLayout, reciprocalOf } from './fraction.ts';
import type { AutogradDType, AutogradEvaluator } from './derive.ts';

type Value = Tensor | number;

const FLOAT = { scalarKind: 'float' } as const;

const OPS: Record<FunctionName, (x: Tensor) => Tensor> = {
  sin: torch.sin,
  cos: torch.cos,
  tan: torch.tan,
  tanh: torch.tanh,
  // The engine has no hyperbolic sine and cosine: (e^x ∓ e^-x) / 2, as their definition.
  sinh: (x) => torch.div(torch.sub(torch.exp(x), torch.exp(torch.neg(x))), 2, FLOAT),
  cosh: (x) => torch.div(torch.add(torch.exp(x), torch.exp(torch.neg(x))), 2, FLOAT),
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
      return product(e, leaves, point);
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

/** A product laid out as SymPy prints it for torch: `-(a*b)/(c*d)`. */
function product(e: Expr, leaves: ReadonlyMap<string, Tensor>, point: Point): Value {
  const layout = fractionLayout(e);
  const side = (factors: readonly Expr[]) =>
    factors.length === 0
      ? 1
      : fold(
          factors.map((f) => build(f, leaves, point)),
          torch.mul,
          (a, b) => a * b,
        );
  const numerator = side(layout.numerator);
  const denominator = side(layout.denominator);
  const quotient =
    layout.denominator.length === 0
      ? numerator
      : typeof numerator === 'number'
        ? torch.rdiv(denominator as Tensor, numerator, FLOAT)
        : torch.div(numerator, denominator, FLOAT);
  if (!layout.negative) return quotient;
  return typeof quotient === 'number' ? -quotient : torch.neg(quotient);
}

function power(
  e: Extract<Expr, { kind: 'pow' }>,
  leaves: ReadonlyMap<string, Tensor>,
  point: Point,
): Value {
  if (e.base.kind === 'const' && e.base.name === 'e')
    return torch.exp(build(e.exp, leaves, point) as Tensor);
  const base = build(e.base, leaves, point);
  const exp = build(e.exp, leaves, point);
  if (reciprocalOf(e)) return product(e, leaves, point);
  if (typeof exp === 'number' && typeof base !== 'number' && exp === 0.5) return torch.sqrt(base);
  return torch.pow(base, exp, FLOAT);
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
    const out = build(expr, leaves, point);
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
