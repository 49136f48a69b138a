// The two ways an expression is shown: canonical text (what our parser reads back, SymPy-like:
// `6*x^2 + 1`) and textbook LaTeX for KaTeX (`6 x^{2} + 1`, `\frac{1}{\cos^{2}\left(x\right)}`).
import type { Expr, FunctionName } from './expr.ts';
import type { FractionLayout } from './fraction.ts';
import { fractionLayout, isProductLike, reciprocalOf } from './fraction.ts';

const ADD = 1;
const MUL = 2;
const POW = 3;
const ATOM = 4;

function precedence(e: Expr): number {
  if (e.kind === 'add') return ADD;
  if (isProductLike(e)) return MUL;
  if (e.kind === 'pow' && !isHalf(e.exp) && !isEulerPower(e)) return POW;
  return ATOM;
}

function isHalf(e: Expr): boolean {
  return e.kind === 'num' && e.value.exact && e.value.n === 1 && e.value.d === 2;
}

function isEulerPower(e: Extract<Expr, { kind: 'pow' }>): boolean {
  return e.base.kind === 'const' && e.base.name === 'e';
}

function isNegativeTerm(e: Expr): boolean {
  return isProductLike(e) && fractionLayout(e).negative;
}

interface Style {
  number(n: number, d: number, exact: boolean): string;
  symbol(name: string): string;
  constant(name: 'e' | 'pi'): string;
  group(inner: string): string;
  join(factors: string[]): string;
  fraction(numerator: string, denominator: string, denominatorCount: number): string;
  power(base: string, exp: string): string;
  sqrt(inner: string): string;
  exp(inner: string): string;
  call(name: FunctionName, arg: string): string;
  /** `sin(x)^2` as `\sin^{2}(x)`, or undefined where that form is not used. */
  calledPower?(name: FunctionName, arg: string, exp: string): string | undefined;
  /** True when a fraction's bar groups each side, so a lone sum needs no parentheses. */
  fractionIsGrouping: boolean;
}

function render(e: Expr, s: Style): string {
  switch (e.kind) {
    case 'num':
      return e.value.n < 0 || (e.value.exact && e.value.d !== 1)
        ? renderProduct(fractionLayout(e), s)
        : s.number(e.value.n, e.value.d, e.value.exact);
    case 'sym':
      return s.symbol(e.name);
    case 'const':
      return s.constant(e.name);
    case 'add':
      return readingOrder(e.terms)
        .map((t, i) => {
          if (i === 0) return render(t, s);
          if (!isNegativeTerm(t)) return ` + ${render(t, s)}`;
          return ` - ${renderProduct({ ...fractionLayout(t), negative: false }, s)}`;
        })
        .join('');
    case 'mul':
      return renderProduct(fractionLayout(e), s);
    case 'pow':
      return renderPower(e, s);
    case 'fn':
      return s.call(e.name, render(e.arg, s));
  }
}

/** `-x + 1` reads better as `1 - x`. */
function readingOrder(terms: readonly Expr[]): readonly Expr[] {
  return terms.length === 2 && isNegativeTerm(terms[0]) && !isNegativeTerm(terms[1])
    ? [terms[1], terms[0]]
    : terms;
}

function operand(e: Expr, s: Style, minimum: number): string {
  const text = render(e, s);
  return precedence(e) < minimum ? s.group(text) : text;
}

function renderPower(e: Extract<Expr, { kind: 'pow' }>, s: Style): string {
  if (reciprocalOf(e)) return renderProduct(fractionLayout(e), s);
  if (isEulerPower(e)) return s.exp(render(e.exp, s));
  if (isHalf(e.exp)) return s.sqrt(render(e.base, s));
  if (e.base.kind === 'fn' && s.calledPower) {
    const called = s.calledPower(e.base.name, render(e.base.arg, s), render(e.exp, s));
    if (called !== undefined) return called;
  }
  const base = e.base.kind === 'pow' ? s.group(render(e.base, s)) : operand(e.base, s, ATOM);
  return s.power(base, render(e.exp, s));
}

function renderProduct(layout: FractionLayout, s: Style): string {
  const fraction = layout.denominator.length > 0;
  const side = (factors: readonly Expr[]) =>
    fraction && s.fractionIsGrouping && factors.length === 1
      ? render(factors[0], s)
      : s.join(factors.map((f) => operand(f, s, POW)));
  const numerator = layout.numerator.length === 0 ? s.number(1, 1, true) : side(layout.numerator);
  const body =
    layout.denominator.length === 0
      ? numerator
      : s.fraction(numerator, side(layout.denominator), layout.denominator.length);
  return layout.negative ? `-${body}` : body;
}

const textStyle: Style = {
  number: (n, d, exact) => (exact && d !== 1 ? `${n}/${d}` : String(n)),
  symbol: (name) => name,
  constant: (name) => name,
  group: (inner) => `(${inner})`,
  join: (factors) => factors.join('*'),
  fraction: (numerator, denominator, count) =>
    `${numerator}/${count > 1 ? `(${denominator})` : denominator}`,
  power: (base, exp) => `${base}^${/^[\w.]+$/.test(exp) ? exp : `(${exp})`}`,
  sqrt: (inner) => `sqrt(${inner})`,
  exp: (inner) => `exp(${inner})`,
  call: (name, arg) => `${name}(${arg})`,
  fractionIsGrouping: false,
};

const LATEX_FUNCTIONS: Record<FunctionName, string> = {
  sin: '\\sin',
  cos: '\\cos',
  tan: '\\tan',
  tanh: '\\tanh',
  sinh: '\\sinh',
  cosh: '\\cosh',
  asin: '\\arcsin',
  acos: '\\arccos',
  atan: '\\arctan',
  log: '\\ln',
  abs: '',
  relu: '\\operatorname{relu}',
  sigmoid: '\\sigma',
  sign: '\\operatorname{sgn}',
  step: '\\operatorname{step}',
};

/** Functions whose powers textbooks write as `\sin^{2}(x)`. */
const POWER_ON_NAME: ReadonlySet<string> = new Set(['sin', 'cos', 'tan', 'tanh', 'sinh', 'cosh']);

const latexStyle: Style = {
  number: (n, d, exact) => (exact && d !== 1 ? `\\frac{${n}}{${d}}` : latexDecimal(n)),
  symbol: (name) => {
    const [base, index] = name.split('_', 2);
    const shown = base.length === 1 ? base : `\\mathrm{${base}}`;
    return index ? `${shown}_{${index}}` : shown;
  },
  constant: (name) => (name === 'e' ? 'e' : '\\pi'),
  group: (inner) => `\\left(${inner}\\right)`,
  join: (factors) =>
    factors.reduce(
      (text, f, i) => (i === 0 ? f : `${text}${/^[\d.]/.test(f) ? ' \\cdot ' : ' '}${f}`),
      '',
    ),
  fraction: (numerator, denominator) => `\\frac{${numerator}}{${denominator}}`,
  power: (base, exp) => `${base}^{${exp}}`,
  sqrt: (inner) => `\\sqrt{${inner}}`,
  exp: (inner) => `e^{${inner}}`,
  call: (name, arg) =>
    name === 'abs' ? `\\left|${arg}\\right|` : `${LATEX_FUNCTIONS[name]}\\left(${arg}\\right)`,
  calledPower: (name, arg, exp) =>
    POWER_ON_NAME.has(name) ? `${LATEX_FUNCTIONS[name]}^{${exp}}\\left(${arg}\\right)` : undefined,
  fractionIsGrouping: true,
};

function latexDecimal(n: number): string {
  const text = String(n);
  const match = /^(-?[\d.]+)e([+-]\d+)$/.exec(text);
  return match ? `${match[1]} \\cdot 10^{${Number(match[2])}}` : text;
}

export function toText(e: Expr): string {
  return render(e, textStyle);
}

export function toLatex(e: Expr): string {
  return render(e, latexStyle);
}
