// One derivative case (the shape of ../shared/golden/derivatives-public.json and of
// tests/fixtures/derivative-probes.json) checked the way the product is judged: it parses, its
// value and every partial agree with SymPy at every point, autograd agrees with torch in float32
// and float64, every LaTeX renders in KaTeX, and SymPy's derivative typed as an answer is read and
// found equivalent to ours. Used by the golden and probe tests and tools/derivative-probes/check.ts.
import katex from 'katex';
import { derive } from '../../core/symbolic/derive.ts';
import type { Derivation } from '../../core/symbolic/derive.ts';
import { autogradEvaluator } from '../../core/symbolic/autograd.ts';
import { equivalent } from '../../core/symbolic/equivalence.ts';
import { parseMath } from '../../core/symbolic/parse.ts';

interface TorchResult {
  value: number;
  grad: Record<string, number>;
}

interface CasePoint {
  at: Record<string, number>;
  value: number;
  grad: Record<string, number>;
  torch_f32: TorchResult;
  torch_f64?: TorchResult;
}

export interface DerivativeCase {
  expr: string;
  vars: string[];
  derivative: Record<string, string>;
  points: CasePoint[];
  source?: string;
}

export type ProblemKind =
  'parse' | 'value' | 'derivative' | 'withheld' | 'float32' | 'float64' | 'latex' | 'sympy-answer';

export interface Problem {
  kind: ProblemKind;
  detail: string;
}

/** Exact derivatives agree with SymPy's values to float64 rounding of the formula. */
function closeToSympy(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= Math.max(1e-12, 1e-9 * Math.abs(expected));
}

/**
 * Float32 results agree up to rounding: the engine's op order and backward formulas may round
 * differently from torch's, and ill-conditioned cases amplify that (the worst public case is 28
 * ulps), so the bound is 2^-18 relative (32 ulps) with a floor near zero.
 */
function closeToTorchF32(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= Math.max(2 ** -18 * Math.abs(expected), 1e-6);
}

/**
 * Float64 the same way, 2^-47 relative (64 ulps) with a floor near zero, or at least as close
 * to SymPy's exact value as torch is: where an expression is ill-conditioned (`log(u^3 + 4)` near
 * u = -1.587) both round far from each other, and neither is the reference.
 */
function closeToTorchF64(actual: number, expected: number, exact: number): boolean {
  return (
    Math.abs(actual - expected) <= Math.max(2 ** -47 * Math.abs(expected), 1e-13) ||
    Math.abs(actual - exact) <= Math.abs(expected - exact)
  );
}

function rendersInKatex(latex: string | null): boolean {
  if (latex === null) return false;
  try {
    katex.renderToString(latex, { throwOnError: true });
    return true;
  } catch {
    return false;
  }
}

function checkPoint(c: DerivativeCase, point: CasePoint, problems: Problem[]): Derivation | null {
  const at = JSON.stringify(point.at);
  const outcome = derive(c.expr, c.vars, { at: point.at, autograd: autogradEvaluator });
  if (!outcome.ok) {
    problems.push({ kind: 'parse', detail: outcome.message });
    return null;
  }
  const { derivation } = outcome;
  if (!closeToSympy(derivation.value!, point.value))
    problems.push({ kind: 'value', detail: `${at}: ${derivation.value} vs ${point.value}` });
  const f64 = autogradEvaluator(derivation.expr, point.at, 'float64');
  const f32 = autogradEvaluator(derivation.expr, point.at, 'float32');
  if (!closeToTorchF32(f32.value, point.torch_f32.value))
    problems.push({
      kind: 'float32',
      detail: `${at} value ${f32.value} vs ${point.torch_f32.value}`,
    });
  if (point.torch_f64 && !closeToTorchF64(f64.value, point.torch_f64.value, point.value))
    problems.push({
      kind: 'float64',
      detail: `${at} value ${f64.value} vs ${point.torch_f64.value}`,
    });
  for (const v of c.vars) {
    const d = derivation.derivatives[v];
    if (!d.verified) problems.push({ kind: 'withheld', detail: `∂/∂${v}: ${d.note}` });
    if (d.value === undefined || !closeToSympy(d.value, point.grad[v]))
      problems.push({
        kind: 'derivative',
        detail: `∂/∂${v} ${at}: ${d.value} vs ${point.grad[v]}`,
      });
    if (d.autograd === undefined || !closeToTorchF32(d.autograd, point.torch_f32.grad[v]))
      problems.push({
        kind: 'float32',
        detail: `∂/∂${v} ${at}: ${d.autograd} vs ${point.torch_f32.grad[v]}`,
      });
    const grad64 = f64.grad[v] ?? 0;
    if (point.torch_f64 && !closeToTorchF64(grad64, point.torch_f64.grad[v], point.grad[v]))
      problems.push({
        kind: 'float64',
        detail: `∂/∂${v} ${at}: ${grad64} vs ${point.torch_f64.grad[v]}`,
      });
    for (const latex of [d.latex, d.equationLatex])
      if (!rendersInKatex(latex)) problems.push({ kind: 'latex', detail: `∂/∂${v}: ${latex}` });
  }
  if (!rendersInKatex(derivation.latex)) problems.push({ kind: 'latex', detail: derivation.latex });
  return derivation;
}

/** SymPy's derivative as a student would type it (Heaviside is our step). */
function checkSympyAnswers(c: DerivativeCase, ours: Derivation, problems: Problem[]): void {
  for (const v of c.vars) {
    const typed = parseMath(c.derivative[v].replace(/Heaviside/g, 'step'), {
      variables: c.vars,
    });
    if (!typed.ok) {
      problems.push({ kind: 'sympy-answer', detail: `${c.derivative[v]}: ${typed.message}` });
      continue;
    }
    const derivative = ours.derivatives[v].derivative;
    if (!derivative) continue; // reported as withheld
    const result = equivalent(typed.expr, derivative);
    if (result.equal !== true)
      problems.push({
        kind: 'sympy-answer',
        detail: `∂/∂${v}: ${c.derivative[v]} vs ${ours.derivatives[v].text}: ${JSON.stringify(result)}`,
      });
  }
}

/** Every way the engine departs from the case's references (empty when it conforms). */
export function checkCase(c: DerivativeCase): Problem[] {
  const problems: Problem[] = [];
  let derivation: Derivation | null = null;
  for (const point of c.points) derivation = checkPoint(c, point, problems) ?? derivation;
  if (derivation) checkSympyAnswers(c, derivation, problems);
  return problems;
}
