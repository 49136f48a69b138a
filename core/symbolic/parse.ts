// The parser of maths as students type it (`2x^3 + x`, `2*x**3+x`, `x(x+1)` a product,
// `sin^2(x)`, `e^x`, `ln x`, `|x|`), giving a tree that keeps what was typed, so the canonical
// text and LaTeX show the person how the input was read. Input size and nesting are bounded so
// that pathological input is refused at once.
import type { Expr } from './expr.ts';
import { constant, fn, int, num, rawAdd, rawMul, rawPow, sym } from './expr.ts';
import type { FunctionName } from './expr.ts';
import type { NameOptions, Token } from './tokens.ts';
import { CONSTANT_ALIASES, FUNCTION_ALIASES, tokenize } from './tokens.ts';
import { ParseFailure } from './parse-failure.ts';
import { parseDecimal, rational } from './rational.ts';
import * as Q from './rational.ts';
import { toLatex, toText } from './print.ts';

export const MAX_INPUT_LENGTH = 1000;
const MAX_NESTING = 100;

/** Functions that may take a second argument: log's base, max's other operand. */
const TWO_ARGUMENTS: ReadonlySet<string> = new Set(['log', 'max']);

function isZero(e: Expr): boolean {
  return e.kind === 'num' && e.value.n === 0;
}

export type ParseOptions = NameOptions;

export type ParseResult =
  | { ok: true; expr: Expr; text: string; latex: string }
  | { ok: false; message: string; column: number };

export function parseMath(input: string, options: ParseOptions = {}): ParseResult {
  try {
    const expr = parseExpr(input, options);
    return { ok: true, expr, text: toText(expr), latex: toLatex(expr) };
  } catch (error) {
    if (error instanceof ParseFailure)
      return { ok: false, message: error.message, column: error.column };
    throw error;
  }
}

/** Parses or throws ParseFailure. */
export function parseExpr(input: string, options: ParseOptions = {}): Expr {
  if (input.length > MAX_INPUT_LENGTH)
    throw new ParseFailure(
      `The input is ${input.length} characters long; the limit is ${MAX_INPUT_LENGTH}`,
      MAX_INPUT_LENGTH + 1,
    );
  if (input.trim() === '')
    throw new ParseFailure('The input is empty: type an expression such as 2*x + 1', 1);
  return new Parser(tokenize(input, options)).parseAll();
}

function negate(e: Expr): Expr {
  return e.kind === 'num' ? num(rational(-e.value.n, e.value.d)) : rawMul([int(-1), e]);
}

function describe(token: Token): string {
  return token.type === 'end' ? 'the input ends' : `found '${token.text}'`;
}

class Parser {
  private position = 0;
  private depth = 0;
  private openBars = 0;
  private readonly tokens: Token[];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  parseAll(): Expr {
    const e = this.sum();
    const next = this.peek();
    if (next.type !== 'end') {
      if (next.type === ')')
        throw new ParseFailure(`There is a ')' with no '(' to close`, next.column);
      throw new ParseFailure(`Unexpected '${next.text}'`, next.column);
    }
    return e;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.position + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    return this.tokens[this.position++];
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.text === text;
  }

  private enter(column: number): void {
    if (++this.depth > MAX_NESTING)
      throw new ParseFailure(`The expression nests more than ${MAX_NESTING} levels deep`, column);
  }

  private sum(): Expr {
    const terms = [this.unary()];
    while (this.isOp('+') || this.isOp('-')) {
      const sign = this.next().text;
      const term = this.unary();
      terms.push(sign === '-' ? negate(term) : term);
    }
    return rawAdd(terms);
  }

  private unary(): Expr {
    return this.signed(() => this.product());
  }

  private product(): Expr {
    const factors = [this.power()];
    for (;;) {
      if (this.isOp('*') || this.isOp('/')) {
        const op = this.next().text;
        const factor = this.signedPower();
        const last = factors[factors.length - 1];
        // `3/2` between numbers is read as the number 3/2, as people read it.
        if (op === '/' && last.kind === 'num' && factor.kind === 'num' && factor.value.n !== 0)
          factors[factors.length - 1] = num(
            Q.mul(last.value, Q.rational(factor.value.d, factor.value.n)),
          );
        else factors.push(op === '/' ? rawPow(factor, int(-1)) : factor);
      } else if (this.startsImplicitFactor()) {
        factors.push(this.power());
      } else break;
    }
    return rawMul(factors);
  }

  /** After `*`, `/` or `^`, a sign may come first: `2*-3`, `x/-2`, `x^-2`. */
  private signedPower(): Expr {
    return this.signed(() => this.power());
  }

  /** Leading signs, then the operand (`-x^2` is -(x^2), as in maths). */
  private signed(operand: () => Expr): Expr {
    const t = this.peek();
    if (t.type !== 'op' || (t.text !== '-' && t.text !== '+')) return operand();
    this.enter(t.column);
    this.next();
    const inner = this.signed(operand);
    this.depth--;
    return t.text === '-' ? negate(inner) : inner;
  }

  /** True when the next token starts a factor multiplied without a sign (`2x`, `x(x+1)`). */
  private startsImplicitFactor(stopAtFunction = false): boolean {
    const t = this.peek();
    if (t.type === 'num') {
      const previous = this.tokens[this.position - 1];
      if (previous && previous.type !== 'op' && previous.type !== '(')
        throw new ParseFailure(
          `A number right after '${previous.text}' is ambiguous: write ${previous.text}^${t.text} or ${t.text}*${previous.text}`,
          t.column,
        );
      return true;
    }
    if (t.type === 'name') return !(stopAtFunction && t.text in FUNCTION_ALIASES);
    if (t.type === '(') return true;
    return t.type === '|' && this.openBars === 0;
  }

  private power(): Expr {
    let base = this.primary();
    while (this.peek().type === 'sup')
      base = rawPow(base, int((this.next() as { exponent: number }).exponent));
    if (!this.isOp('^')) return base;
    const caret = this.next();
    this.enter(caret.column);
    const exponent = this.signedPower();
    this.depth--;
    return rawPow(base, exponent);
  }

  private primary(): Expr {
    const t = this.peek();
    switch (t.type) {
      case 'num':
        this.next();
        return num(parseDecimal(t.text));
      case '(': {
        this.next();
        this.enter(t.column);
        if (this.peek().type === ')')
          throw new ParseFailure('The parentheses are empty', this.peek().column);
        const inner = this.sum();
        this.expectClosing(')', t);
        this.depth--;
        return inner;
      }
      case '|': {
        this.next();
        this.enter(t.column);
        this.openBars++;
        const inner = this.sum();
        this.openBars--;
        this.expectClosing('|', t);
        this.depth--;
        return fn('abs', inner);
      }
      case 'name':
        this.next();
        if (t.text in CONSTANT_ALIASES) return constant(CONSTANT_ALIASES[t.text]);
        if (t.text in FUNCTION_ALIASES) return this.call(t);
        return sym(t.text);
      default: {
        const previous = this.tokens[this.position - 1];
        const after = previous ? ` after '${previous.text}'` : '';
        throw new ParseFailure(`A value is expected${after}, but ${describe(t)}`, t.column);
      }
    }
  }

  private expectClosing(closing: ')' | '|', opening: Token): void {
    const t = this.peek();
    if (t.type === closing) {
      this.next();
      return;
    }
    if (t.type === ',')
      throw new ParseFailure('Functions here take one argument: a comma is not expected', t.column);
    const what =
      closing === ')'
        ? `a ')' to close the '(' at column ${opening.column}`
        : `a '|' to close the '|' at column ${opening.column}`;
    throw new ParseFailure(`Missing ${what}: ${describe(t)}`, t.column);
  }

  /** `sin(x)`, `sin x`, `sin 2x`, `sin^2(x)`, `sin²x`, `√x`, `log(x, 2)`, `max(0, x)`. */
  private call(name: Token): Expr {
    const meaning = FUNCTION_ALIASES[name.text];
    let power: Expr | undefined;
    const t = this.peek();
    if (t.type === 'sup') {
      this.next();
      power = int(t.exponent);
    } else if (this.isOp('^')) {
      this.next();
      this.enter(t.column);
      power = this.signedPower();
      this.depth--;
    }
    if (power && power.kind === 'num' && power.value.n < 0)
      throw new ParseFailure(
        `${name.text}^${power.value.n} would be an inverse function, which is not supported: write 1/${name.text}(x) for a reciprocal`,
        name.column,
      );
    this.enter(name.column);
    const args = this.arguments(name, meaning);
    this.depth--;
    const applied = this.applied(name, meaning, args);
    return power ? rawPow(applied, power) : applied;
  }

  /** The meaning of a call, written with our functions (`log(x, 2)` is `log(x)/log(2)`). */
  private applied(name: Token, meaning: string, [arg, second]: Expr[]): Expr {
    const logBase = (base: Expr) => rawMul([fn('log', arg), rawPow(fn('log', base), int(-1))]);
    switch (meaning) {
      case 'exp':
        return rawPow(constant('e'), arg);
      case 'sqrt':
        return rawPow(arg, num(rational(1, 2)));
      case 'log2':
        return logBase(int(2));
      case 'log10':
        return logBase(int(10));
      case 'log':
        return second ? logBase(second) : fn('log', arg);
      case 'max':
        if (second && isZero(arg)) return fn('relu', second);
        if (second && isZero(second)) return fn('relu', arg);
        throw new ParseFailure(
          `${name.text} is known with 0 as one of its two arguments: max(0, x) is relu(x)`,
          name.column,
        );
      default:
        return fn(meaning as FunctionName, arg);
    }
  }

  /** The argument, and a second one for the functions that take two (`log(x, 2)`). */
  private arguments(name: Token, meaning: string): Expr[] {
    const t = this.peek();
    if (t.type === '(') {
      this.next();
      if (this.peek().type === ')')
        throw new ParseFailure(
          `'${name.text}' needs an argument inside its parentheses`,
          this.peek().column,
        );
      const inner = [this.sum()];
      if (TWO_ARGUMENTS.has(meaning) && this.peek().type === ',') {
        this.next();
        inner.push(this.sum());
      }
      this.expectClosing(')', t);
      return inner;
    }
    if (t.type === 'num' || t.type === 'name' || t.type === '|') {
      // `sin 2x` is sin(2x); `sin x cos x` stops at the next function.
      const factors = [this.power()];
      while (this.peek().type !== '(' && this.startsImplicitFactor(true))
        factors.push(this.power());
      return [rawMul(factors)];
    }
    throw new ParseFailure(`'${name.text}' needs an argument, as in ${name.text}(x)`, t.column);
  }
}
