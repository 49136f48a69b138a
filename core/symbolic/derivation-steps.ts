// A derivative worked out step by step as a textbook writes it: the outermost rule first (sum,
// constant multiple, product, quotient, power, chain with its inner function, or a function's
// own rule), each step with the expression it rewrites to and the simplified result, and its
// sub-derivatives nested under it. Results come from `differentiate`, so a step can never show a
// different derivative than the one the rest of Gradlab shows.
import type { Expr, FunctionName } from './expr.ts';
import { dependsOn, rawMul, rawPow, sym } from './expr.ts';
import { differentiate } from './diff.ts';
import { toLatex, toText } from './print.ts';
import { WorkBudget } from './budget.ts';
import { MINUS_ONE_EXPR, add, mul, pow, simplify } from './simplify.ts';

type DerivationRule =
  | 'constant'
  | 'identity'
  | 'sum'
  | 'constant-multiple'
  | 'product'
  | 'quotient'
  | 'power'
  | 'exponential'
  | 'general-power'
  | 'chain'
  | FunctionName;

export interface DerivationStep {
  rule: DerivationRule;
  /** The rule as a sentence: "Chain rule with inner function u = x^2" (plain text). */
  ruleText: string;
  /** The part being differentiated. */
  expr: Expr;
  /** `\frac{d}{dx}\left(E\right) = …` with the sub-derivatives still to do written as d/dx(·). */
  rewriteLatex: string;
  /** Its derivative, simplified. */
  result: Expr;
  resultLatex: string;
  /** Chain rule: the inner function. */
  inner?: Expr;
  /** Chain rule: the outer function's own rule (power, sin, relu, ...). */
  outer?: DerivationRule;
  /** Constant multiple rule: the constant factor. */
  constant?: Expr;
  /** What PyTorch does where the function has a kink (relu, abs). */
  kink?: string;
  /** Sub-derivatives, in the order the rewrite reads. */
  steps: DerivationStep[];
}

const KINKS: Partial<Record<FunctionName, string>> = {
  relu: "relu has no derivative at 0; PyTorch uses relu'(0) = 0, so the step is 0 at 0.",
  abs: "|u| has no derivative at 0; PyTorch uses abs'(0) = sgn(0) = 0.",
  step: 'The step function is flat except at 0, where PyTorch also gives 0.',
  sign: 'sgn is flat except at 0, where PyTorch also gives 0.',
};

/** f'(u) as a textbook writes it, with u standing for the argument. */
const FUNCTION_RULES: Record<FunctionName, string> = {
  sin: "sin'(u) = cos(u)",
  cos: "cos'(u) = -sin(u)",
  tan: "tan'(u) = 1/cos²(u)",
  tanh: "tanh'(u) = 1 - tanh²(u)",
  sinh: "sinh'(u) = cosh(u)",
  cosh: "cosh'(u) = sinh(u)",
  asin: "asin'(u) = 1/√(1 - u²)",
  acos: "acos'(u) = -1/√(1 - u²)",
  atan: "atan'(u) = 1/(1 + u²)",
  log: "log'(u) = 1/u",
  abs: "abs'(u) = sgn(u)",
  relu: "relu'(u) = step(u)",
  sigmoid: "σ'(u) = σ(u)(1 - σ(u))",
  sign: "sgn'(u) = 0",
  step: "step'(u) = 0",
};

/** The steps of d expr / d variable, outermost rule first. */
export function derivationSteps(expr: Expr, variable: string): DerivationStep {
  return stepOf(expr, variable, new WorkBudget());
}

/** The steps flattened in reading order (each step before its sub-steps), with their depth. */
export function stepsInOrder(
  step: DerivationStep,
  depth = 0,
): { step: DerivationStep; depth: number }[] {
  return [{ step, depth }, ...step.steps.flatMap((s) => stepsInOrder(s, depth + 1))];
}

function stepOf(expr: Expr, variable: string, budget: WorkBudget): DerivationStep {
  const d = (e: Expr) => `\\frac{d}{d${toLatex(sym(variable))}}\\left(${toLatex(e)}\\right)`;
  // As derive differentiates: the simplified expression, so the last step reads as it does.
  const result = differentiate(simplify(expr, budget), variable, undefined, budget);
  const make = (
    rule: DerivationRule,
    ruleText: string,
    rewriteLatex: string,
    steps: DerivationStep[] = [],
    extra: Partial<DerivationStep> = {},
  ): DerivationStep => ({
    rule,
    ruleText,
    expr,
    rewriteLatex: `${d(expr)} = ${rewriteLatex}`,
    result,
    resultLatex: toLatex(result),
    steps,
    ...extra,
  });
  const sub = (e: Expr) => stepOf(e, variable, budget);
  const v = toLatex(sym(variable));
  if (!dependsOn(expr, variable))
    return make('constant', `Constant rule: it does not depend on ${variable}`, '0');
  switch (expr.kind) {
    case 'sym':
      return make('identity', `The derivative of ${variable} is 1`, '1');
    case 'add': {
      const varying = expr.terms.filter((t) => dependsOn(t, variable));
      return make(
        'sum',
        'Sum rule: differentiate term by term (terms without the variable give 0)',
        varying.map(d).join(' + '),
        varying.map(sub),
      );
    }
    case 'mul':
      return productStep(expr, variable, d, sub, make);
    case 'pow':
      return powerStep(expr, variable, d, sub, make, v, budget);
    case 'fn': {
      const rule = FUNCTION_RULES[expr.name];
      const kink = KINKS[expr.name];
      if (expr.arg.kind === 'sym')
        return make(
          expr.name,
          `${ruleName(expr.name)}: ${rule}`,
          toLatex(result),
          [],
          kink ? { kink } : {},
        );
      const outerAtInner = toLatex(outerDerivative(expr, budget));
      return make(
        'chain',
        `Chain rule with inner function u = ${plain(expr.arg)} and outer ${expr.name}: ${rule}`,
        `${outerAtInner} \\cdot ${d(expr.arg)}`,
        [sub(expr.arg)],
        { inner: expr.arg, outer: expr.name, ...(kink ? { kink } : {}) },
      );
    }
    default:
      return make('constant', 'Constant rule', '0');
  }
}

type Make = (
  rule: DerivationRule,
  ruleText: string,
  rewriteLatex: string,
  steps?: DerivationStep[],
  extra?: Partial<DerivationStep>,
) => DerivationStep;

function productStep(
  expr: Extract<Expr, { kind: 'mul' }>,
  variable: string,
  d: (e: Expr) => string,
  sub: (e: Expr) => DerivationStep,
  make: Make,
): DerivationStep {
  const constants = expr.factors.filter((f) => !dependsOn(f, variable));
  const varying = expr.factors.filter((f) => dependsOn(f, variable));
  if (constants.length > 0) {
    const c = rawMul(constants);
    const rest = rawMul(varying);
    return make(
      'constant-multiple',
      `Constant multiple rule: ${plain(c)} stays as a factor`,
      `${toLatex(c)} \\cdot ${d(rest)}`,
      [sub(rest)],
      { constant: c },
    );
  }
  const denominators = varying.filter(isReciprocal);
  const numerators = varying.filter((f) => !isReciprocal(f));
  if (denominators.length > 0 && numerators.length > 0) {
    const f = rawMul(numerators);
    const g = rawMul(denominators.map(reciprocalBase));
    const [fl, gl] = [toLatex(f), toLatex(g)];
    return make(
      'quotient',
      `Quotient rule: (f/g)' = (f'g - fg')/g² with f = ${plain(f)}, g = ${plain(g)}`,
      `\\frac{${d(f)} \\cdot ${paren(gl)} - ${paren(fl)} \\cdot ${d(g)}}{${paren(gl)}^{2}}`,
      [sub(f), sub(g)],
    );
  }
  const [first, ...others] = varying;
  const rest = rawMul(others);
  return make(
    'product',
    `Product rule: (fg)' = f'g + fg' with f = ${plain(first)}, g = ${plain(rest)}`,
    `${d(first)} \\cdot ${paren(toLatex(rest))} + ${paren(toLatex(first))} \\cdot ${d(rest)}`,
    [sub(first), sub(rest)],
  );
}

function powerStep(
  expr: Extract<Expr, { kind: 'pow' }>,
  variable: string,
  d: (e: Expr) => string,
  sub: (e: Expr) => DerivationStep,
  make: Make,
  v: string,
  budget: WorkBudget,
): DerivationStep {
  const { base, exp } = expr;
  const baseVaries = dependsOn(base, variable);
  const expVaries = dependsOn(exp, variable);
  if (baseVaries && expVaries)
    return make(
      'general-power',
      "General power rule: f^g = e^(g log f), so (f^g)' = f^g (g' log f + g f'/f)",
      `${toLatex(expr)} \\left(${d(exp)} \\log ${paren(toLatex(base))} + \\frac{${toLatex(exp)} \\cdot ${d(base)}}{${toLatex(base)}}\\right)`,
      [sub(exp), sub(base)],
    );
  if (!baseVaries) {
    const isE = base.kind === 'const' && base.name === 'e';
    const outer = isE ? toLatex(expr) : `${toLatex(expr)} \\log ${paren(toLatex(base))}`;
    const text = isE ? "(e^u)' = e^u" : "(a^u)' = a^u log a";
    if (exp.kind === 'sym') return make('exponential', `Exponential rule: ${text}`, outer);
    return make(
      'chain',
      `Chain rule with inner function u = ${plain(exp)} and outer exponential: ${text}`,
      `${outer} \\cdot ${d(exp)}`,
      [sub(exp)],
      { inner: exp, outer: 'exponential' },
    );
  }
  const power = toLatex(mul([exp, pow(base, add([exp, MINUS_ONE_EXPR], budget), budget)], budget));
  if (base.kind === 'sym')
    return make('power', `Power rule: (${v}^n)' = n ${v}^(n-1) with n = ${plain(exp)}`, power);
  return make(
    'chain',
    `Chain rule with inner function u = ${plain(base)} and outer power u^${plain(exp)}: (u^n)' = n u^(n-1)`,
    `${power} \\cdot ${d(base)}`,
    [sub(base)],
    { inner: base, outer: 'power' },
  );
}

function isReciprocal(e: Expr): boolean {
  return e.kind === 'pow' && e.exp.kind === 'num' && e.exp.value.exact && e.exp.value.n < 0;
}

/** b^(-n) as b^n. */
function reciprocalBase(e: Expr): Expr {
  if (e.kind !== 'pow' || e.exp.kind !== 'num') return e;
  const { n, d } = e.exp.value;
  return n === -1 && d === 1
    ? e.base
    : rawPow(e.base, { kind: 'num', value: { ...e.exp.value, n: -n } });
}

/** f'(u) at the inner function u, without the inner derivative. */
function outerDerivative(e: Extract<Expr, { kind: 'fn' }>, budget: WorkBudget): Expr {
  // A name no parsed expression can hold, so the substitution touches nothing else.
  const u = '\u0000u';
  const outer = differentiate({ kind: 'fn', name: e.name, arg: sym(u) }, u, undefined, budget);
  return substitute(outer, u, e.arg);
}

function substitute(e: Expr, name: string, value: Expr): Expr {
  switch (e.kind) {
    case 'sym':
      return e.name === name ? value : e;
    case 'add':
      return { kind: 'add', terms: e.terms.map((t) => substitute(t, name, value)) };
    case 'mul':
      return { kind: 'mul', factors: e.factors.map((f) => substitute(f, name, value)) };
    case 'pow':
      return {
        kind: 'pow',
        base: substitute(e.base, name, value),
        exp: substitute(e.exp, name, value),
      };
    case 'fn':
      return { kind: 'fn', name: e.name, arg: substitute(e.arg, name, value) };
    default:
      return e;
  }
}

function ruleName(name: FunctionName): string {
  return name === 'sigmoid' ? 'Sigmoid rule' : `${name} rule`.replace(/^./, (c) => c.toUpperCase());
}

/** Brackets around a sum or a negative term so that a product reads right. */
function paren(latex: string): string {
  return /[+-]/.test(latex.replace(/^-/, '').replace(/\{[^{}]*\}/g, '')) || latex.startsWith('-')
    ? `\\left(${latex}\\right)`
    : latex;
}

/** An expression as plain text, for the sentence naming a rule. */
function plain(e: Expr): string {
  return toText(e);
}
