// Public API of core/symbolic (import from here; the rest is internal).
//
// - parseMath(text, {variables?}) → {ok, expr, text, latex} | {ok: false, message, column}:
//   maths as students type it; `text` and `latex` show how it was read (STACK's validation).
//   Also SymPy's own text: asin/acos/atan (arcsin…), log(x, b), log2, log10, Max(0, t) as
//   relu, Abs, Heaviside, Floats such as 0.500000000000000.
// - derive(text | expr, wrt, {at?, autograd?, name?}) → each partial as text, LaTeX and
//   `\frac{df}{dx} = …`, its exact value at `at` beside autograd's float32 value; with
//   `autograd`, every derivative is checked at sample points and withheld (with a note) if wrong.
// - equivalent(a, b, {limits, points, relativeTolerance, ...}) → equal true/false/null and the
//   method that decided ('symbolic' or 'numeric').
// - graphToSymbolic(snapshot, {output?}) → y as an expression of the leaves of a recorded graph,
//   dy/dleaf beside the leaves' `.grad`, or {ok: false, reason} said plainly.
// - autogradEvaluator: the core/autograd engine as derive's `autograd` option.
export type { Expr, FunctionName } from './expr.ts';
export { symbolsOf } from './expr.ts';
export { parseMath, MAX_INPUT_LENGTH, MAX_NESTING } from './parse.ts';
export type { ParseOptions, ParseResult } from './parse.ts';
export { derive, derivativeOperatorLatex } from './derive.ts';
export type {
  AutogradEvaluator,
  Derivation,
  DerivativeInfo,
  DeriveOptions,
  DeriveOutcome,
} from './derive.ts';
export { differentiate } from './diff.ts';
export { simplify } from './simplify.ts';
export { evaluate } from './evaluate.ts';
export type { Point } from './evaluate.ts';
export { toLatex, toText } from './print.ts';
export { equivalent } from './equivalence.ts';
export type { EquivalenceOptions, EquivalenceResult } from './equivalence.ts';
export { graphToSymbolic } from './graph.ts';
export type { GraphOptions, GraphSymbolic, LeafDerivative, Snapshot } from './graph.ts';
export { autogradEvaluator } from './autograd.ts';
export { SymbolicLimitError } from './budget.ts';
