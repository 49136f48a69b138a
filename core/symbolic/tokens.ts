// The tokenizer of maths as people type it: `**` for `^`, the Unicode signs `·` `×` `−` `÷`
// `√` `π`, superscript powers `x²`, and runs of letters split into names (`sinx` → sin x,
// `uv` → u v) using the functions, constants and variables we know.
import { ParseFailure } from './parse-failure.ts';

export type Token =
  | { type: 'num'; text: string; column: number }
  | { type: 'name'; text: string; column: number }
  | { type: 'op'; text: '+' | '-' | '*' | '/' | '^'; column: number }
  | { type: '(' | ')' | '|' | ','; text: string; column: number }
  | { type: 'sup'; text: string; exponent: number; column: number }
  | { type: 'end'; text: ''; column: number };

/** Names of functions as people type them, mapped to what they mean. */
export const FUNCTION_ALIASES: Record<string, string> = {
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  tanh: 'tanh',
  sinh: 'sinh',
  cosh: 'cosh',
  asin: 'asin',
  acos: 'acos',
  atan: 'atan',
  arcsin: 'asin',
  arccos: 'acos',
  arctan: 'atan',
  exp: 'exp',
  ln: 'log',
  log: 'log',
  sqrt: 'sqrt',
  abs: 'abs',
  Abs: 'abs',
  relu: 'relu',
  sigmoid: 'sigmoid',
  sign: 'sign',
  sgn: 'sign',
  step: 'step',
  heaviside: 'step',
  Heaviside: 'step',
  max: 'max',
  Max: 'max',
  log2: 'log2',
  log10: 'log10',
};

const KNOWN_FUNCTIONS = Object.keys(FUNCTION_ALIASES).join(', ');

export const CONSTANT_ALIASES: Record<string, 'e' | 'pi'> = { e: 'e', E: 'e', pi: 'pi', π: 'pi' };

const OPERATORS: Record<string, '+' | '-' | '*' | '/' | '^'> = {
  '+': '+',
  '-': '-',
  '−': '-',
  '–': '-',
  '*': '*',
  '·': '*',
  '⋅': '*',
  '×': '*',
  '∙': '*',
  '∗': '*',
  '/': '/',
  '÷': '/',
  '^': '^',
};

const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
};

const MAX_NUMBER_DIGITS = 15;

/** Digits that carry value: `0.500000000000000` (SymPy's Float 1/2) has one. */
function significantDigits(literal: string): number {
  const [whole, fraction = ''] = literal.split('.');
  return (whole.replace(/^0+/, '') + fraction.replace(/0+$/, '')).length;
}

export interface NameOptions {
  /** When given, the only symbols allowed; other names are refused. */
  variables?: readonly string[];
}

function isLetter(ch: string): boolean {
  return /^[A-Za-zπ]$/.test(ch);
}

export function tokenize(input: string, options: NameOptions): Token[] {
  refuseEquation(input);
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    const column = i + 1;
    if (/\s/.test(ch)) {
      i++;
    } else if (/[\d.]/.test(ch)) {
      const match = /^\d*\.?\d*/.exec(input.slice(i))![0];
      if (match === '.') throw new ParseFailure(`A '.' must be part of a number`, column);
      if (input[i + match.length] === '.')
        throw new ParseFailure(`A number has a second decimal point`, i + match.length + 1);
      if (significantDigits(match) > MAX_NUMBER_DIGITS)
        throw new ParseFailure(`Numbers may have at most ${MAX_NUMBER_DIGITS} digits`, column);
      tokens.push({ type: 'num', text: match, column });
      i += match.length;
    } else if (isLetter(ch)) {
      let end = i;
      while (end < input.length && isLetter(input[end])) end++;
      // log2(x) and log10(x) are names of their own.
      const base = /^(2|10)(?=\s*\()/.exec(input.slice(end));
      if (base && input.slice(i, end).endsWith('log')) end += base[1].length;
      tokens.push(...splitNames(input.slice(i, end), column, options, input[end] === '('));
      i = end;
    } else if (ch === '*' && input[i + 1] === '*') {
      tokens.push({ type: 'op', text: '^', column });
      i += 2;
    } else if (OPERATORS[ch]) {
      tokens.push({ type: 'op', text: OPERATORS[ch], column });
      i++;
    } else if (ch === '(' || ch === ')' || ch === '|' || ch === ',') {
      tokens.push({ type: ch, text: ch, column });
      i++;
    } else if (SUPERSCRIPTS[ch]) {
      let text = '';
      while (i < input.length && SUPERSCRIPTS[input[i]]) text += SUPERSCRIPTS[input[i++]];
      if (!/^-?\d+$/.test(text))
        throw new ParseFailure(`The superscript '${text}' is not a whole number`, column);
      tokens.push({ type: 'sup', text, exponent: Number(text), column });
    } else if (ch === '√') {
      tokens.push({ type: 'name', text: 'sqrt', column });
      i++;
    } else {
      throw new ParseFailure(unexpectedCharacter(ch), column);
    }
  }
  tokens.push({ type: 'end', text: '', column: input.length + 1 });
  return tokens;
}

/**
 * Students often write the whole equation (`dy/dx = 2x + 2`, `f'(x) = ...`): say what to drop
 * before the left side's names are refused as unknown.
 */
function refuseEquation(input: string): void {
  const at = input.indexOf('=');
  if (at < 0) return;
  const left = input.slice(0, at).trim();
  const shown = left.length > 0 && left.length <= 20 ? `'${left} ='` : `'='`;
  throw new ParseFailure(`Type only the expression, without ${shown}`, at + 1);
}

function unexpectedCharacter(ch: string): string {
  if (ch === '[' || ch === ']' || ch === '{' || ch === '}')
    return `Use ( and ) for grouping, not '${ch}'`;
  const shown = /[\x20-\x7e]/.test(ch)
    ? ch
    : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `The character '${shown}' cannot be part of a maths expression`;
}

/**
 * Splits a run of letters into known names, longest first (`tanh` before `tan`, `exp` before
 * `e`); a letter that is no known name is a one-letter symbol, when symbols are free.
 */
function splitNames(
  run: string,
  column: number,
  options: NameOptions,
  calledWithParentheses: boolean,
): Token[] {
  const variables = options.variables;
  const known = [
    ...Object.keys(FUNCTION_ALIASES),
    ...Object.keys(CONSTANT_ALIASES),
    ...(variables ?? []),
  ];
  const words: { text: string; offset: number; unknown: boolean }[] = [];
  for (let i = 0; i < run.length;) {
    const word = known
      .filter((name) => run.startsWith(name, i))
      .reduce((best, name) => (name.length > best.length ? name : best), '');
    if (word) {
      words.push({ text: word, offset: i, unknown: false });
      i += word.length;
    } else {
      words.push({ text: run[i], offset: i, unknown: variables !== undefined });
      i++;
    }
  }
  if (words.some((w) => w.unknown)) {
    const allowed = variables!.length ? `: this input can use ${variables!.join(', ')}` : '';
    throw new ParseFailure(`'${run}' is not a known function or variable${allowed}`, column);
  }
  const hasFunction = words.some((w) => w.text in FUNCTION_ALIASES);
  const hasFreeLetter = variables === undefined && words.some((w) => isFreeLetter(w.text));
  // `sec(x)` or `f(x)`-like names with several letters are meant as functions we do not know.
  const looksCalled =
    calledWithParentheses && run.length > 1 && !(words[words.length - 1].text in FUNCTION_ALIASES);
  if ((hasFunction || looksCalled) && hasFreeLetter)
    throw new ParseFailure(
      calledWithParentheses
        ? `'${run}' is not a known function (known: ${KNOWN_FUNCTIONS})`
        : `'${run}' mixes a function name with letters: put the argument in parentheses, as in sin(x)`,
      column,
    );
  return words.map((w) => ({ type: 'name', text: w.text, column: column + w.offset }));
}

function isFreeLetter(word: string): boolean {
  return !(word in FUNCTION_ALIASES) && !(word in CONSTANT_ALIASES);
}
