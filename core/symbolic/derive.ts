// Derivatives as the product shows them: each partial as text and LaTeX, its exact value at a
// point beside autograd's, and a guard that checks every symbolic derivative against autograd
// at sample points and withholds one that disagrees.
import type { Expr } from './expr.ts';
import { sym, symbolsOf } from './expr.ts';
import type { ParseOptions } from './parse.ts';
import { parseExpr } from './parse.ts';
import { ParseFailure } from './parse-failure.ts';
import { simplify } from './simplify.ts';
import { differentiate } from './diff.ts';
import type { Point } from './evaluate.ts';
import { evaluate } from './evaluate.ts';
import { toLatex, toText } from './print.ts';
import { SymbolicLimitError, WorkBudget } from './budget.ts';
import { close } from './equivalence.ts';
import { seededRandom } from './random.ts';

export type AutogradDType = 'float32' | 'float64';

/** Value and gradient of an expression computed by the autograd engine at a point. */
export type AutogradEvaluator = (
  expr: Expr,
  point: Point,
  dtype: AutogradDType,
) => { value: number; grad: Record<string, number> };

export interface DerivativeInfo {
  variable: string;
  /** The derivative, or null when the guard withheld it (see `note`). */
  derivative: Expr | null;
  text: string | null;
  latex: string | null;
  /** `\frac{d}{dx} f = …` or `\frac{\partial f}{\partial u} = …` for display. */
  equationLatex: string | null;
  /** The exact derivative evaluated at `at` (float64). */
  value?: number;
  /** autograd's gradient at `at` (float32, as torch's default dtype). */
  autograd?: number;
  /** true when checked against autograd at sample points; false when it disagreed. */
  verified: boolean;
  note?: string;
}

export interface Derivation {
  expr: Expr;
  text: string;
  latex: string;
  /** f at `at`, when a point was given. */
  value?: number;
  derivatives: Record<string, DerivativeInfo>;
}

export type DeriveOutcome =
  { ok: true; derivation: Derivation } | { ok: false; message: string; column?: number };

export interface DeriveOptions {
  at?: Point;
  autograd?: AutogradEvaluator;
  parse?: ParseOptions;
  /** Name of the function in partial-derivative notation. */
  name?: string;
}

const GUARD_POINTS = 4;
const GUARD_DRAWS = 60;
const GUARD_RELATIVE = 1e-6;
const GUARD_ABSOLUTE = 1e-9;

export function derive(
  input: string | Expr,
  wrt: readonly string[],
  options: DeriveOptions = {},
): DeriveOutcome {
  try {
    return deriveWithin(input, wrt, options, new WorkBudget());
  } catch (error) {
    if (error instanceof ParseFailure)
      return { ok: false, message: error.message, column: error.column };
    if (error instanceof SymbolicLimitError) return { ok: false, message: error.message };
    throw error;
  }
}

function deriveWithin(
  input: string | Expr,
  wrt: readonly string[],
  options: DeriveOptions,
  budget: WorkBudget,
): DeriveOutcome {
  const parsed = typeof input === 'string' ? parseExpr(input, options.parse) : input;
  const expr = simplify(parsed, budget);
  const variables = [...new Set([...wrt, ...symbolsOf(parsed)])];
  if (options.at) {
    const missing = variables.filter((v) => options.at![v] === undefined);
    if (missing.length)
      return { ok: false, message: `No value given for ${missing.join(', ')} in the point` };
  }
  const derivatives: Record<string, DerivativeInfo> = {};
  for (const variable of wrt) {
    const derivative = differentiate(expr, variable, undefined, budget);
    // autograd runs the expression as typed, op for op, as the student's torch code would.
    derivatives[variable] = describe(parsed, derivative, variable, variables, options);
  }
  return {
    ok: true,
    derivation: {
      expr: parsed,
      text: toText(parsed),
      latex: toLatex(parsed),
      ...(options.at ? { value: evaluate(expr, options.at) } : {}),
      derivatives,
    },
  };
}

function describe(
  f: Expr,
  derivative: Expr,
  variable: string,
  variables: readonly string[],
  options: DeriveOptions,
): DerivativeInfo {
  const atPoint = options.at
    ? {
        value: evaluate(derivative, options.at),
        ...(options.autograd
          ? { autograd: options.autograd(f, options.at, 'float32').grad[variable] ?? 0 }
          : {}),
      }
    : {};
  const failure = options.autograd ? guard(f, derivative, variable, variables, options) : null;
  if (failure)
    return {
      variable,
      derivative: null,
      text: null,
      latex: null,
      equationLatex: null,
      ...atPoint,
      verified: false,
      note: `The symbolic derivative is not shown: it disagrees with autograd (${failure}).`,
    };
  const latex = toLatex(derivative);
  return {
    variable,
    derivative,
    text: toText(derivative),
    latex,
    equationLatex: `${derivativeOperatorLatex(variable, variables.length > 1, options.name)} = ${latex}`,
    ...atPoint,
    verified: options.autograd !== undefined,
    ...(options.autograd ? {} : { note: 'Not checked against autograd.' }),
  };
}

/** `\frac{d}{dx}` for one variable, `\frac{\partial f}{\partial u}` for a partial. */
export function derivativeOperatorLatex(variable: string, partial: boolean, name = 'f'): string {
  const v = toLatex(sym(variable));
  return partial ? `\\frac{\\partial ${name}}{\\partial ${v}}` : `\\frac{d${name}}{d${v}}`;
}

/** A reason when the derivative disagrees with float64 autograd at some sample point. */
function guard(
  f: Expr,
  derivative: Expr,
  variable: string,
  variables: readonly string[],
  options: DeriveOptions,
): string | null {
  const random = seededRandom(variables.length * 7919 + variable.length);
  const points: Point[] = options.at ? [options.at] : [];
  let checked = 0;
  for (let draw = 0; draw < GUARD_DRAWS && checked < GUARD_POINTS; draw++) {
    const point: Record<string, number> =
      points[draw] !== undefined
        ? { ...points[draw] }
        : Object.fromEntries(variables.map((v) => [v, -2 + 4 * random()]));
    const symbolic = evaluate(derivative, point);
    const reference = options.autograd!(f, point, 'float64').grad[variable] ?? 0;
    if (!Number.isFinite(symbolic) || !Number.isFinite(reference)) continue;
    if (!close(symbolic, reference, GUARD_RELATIVE, GUARD_ABSOLUTE))
      return `at ${formatPoint(point)} it gives ${symbolic} where autograd gives ${reference}`;
    checked++;
  }
  return null;
}

function formatPoint(point: Point): string {
  return Object.entries(point)
    .map(([k, v]) => `${k}=${Number(v.toPrecision(6))}`)
    .join(', ');
}
