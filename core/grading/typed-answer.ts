// A typed answer as a beginner writes it, read as maths: the parts that are not the answer are
// dropped (`dy/dx = …`, `f'(x) = …`, a trailing `=`, PyTorch's `tensor(7.)` wrapper), Python's
// `1e-3` is a number, and what cannot be read is said in words a beginner can act on, with the
// 1-based column of the problem in what they typed. Decimals are shown as typed.
import type { Expr } from '../symbolic/expr.ts';
import { parseMath } from '../symbolic/parse.ts';
import { toLatex, toText } from '../symbolic/print.ts';
import { inexact } from '../symbolic/rational.ts';
import { CONSTANT_ALIASES, FUNCTION_ALIASES } from '../symbolic/tokens.ts';

export interface TypedAnswerOptions {
  /** The only symbols allowed, when the question has them. */
  variables?: readonly string[];
}

export type TypedAnswer =
  | {
      ok: true;
      expr: Expr;
      /** Canonical text and LaTeX, exact (`7.5` is 15/2), as the grader compares them. */
      text: string;
      latex: string;
      /** Text and LaTeX with decimals as typed, for "Read as". */
      shownText: string;
      shownLatex: string;
      /** What was dropped from the input, said in a few words, or '' when nothing was. */
      note: string;
    }
  | { ok: false; message: string; column: number };

/** Left-hand sides that name a derivative or a value: `y'`, `f'(x)`, `dy/dx`, `∂f/∂u`, `x.grad`. */
const ANSWER_NAME = new RegExp(
  '^(?:' +
    [
      "[A-Za-z]\\w*'+(?:\\([^()=]*\\))?",
      '[A-Za-z](?:\\([^()=]*\\))?',
      'd\\^?\\d*[A-Za-z]?\\w*\\s*/\\s*d[A-Za-z]\\w*(?:\\^\\d+)?(?:\\([^()=]*\\))?',
      '∂[A-Za-z]?\\w*\\s*/\\s*∂[A-Za-z]\\w*(?:\\([^()=]*\\))?',
      '[A-Za-z]\\w*\\.grad',
      '[A-Za-z]_[A-Za-z]\\w*(?:\\([^()=]*\\))?',
      '(?:the\\s+)?answer|ans',
    ].join('|') +
    ')$',
  'i',
);

/** PyTorch's way of printing one number: `tensor(7.)`, `tensor([7.0000], grad_fn=<…>)`. */
const TENSOR = /^(?:torch\.)?tensor\(\s*(\[?)([^,[\]()]*?)(\]?)\s*(?:,[^]*)?\)$/;

/** Python's scientific notation, `1e-3` or `2.5E+4`, not followed by a power or a letter. */
const SCIENTIFIC = /(\d+\.?\d*|\.\d+)[eE]([+-]?\d+)(?![\d.^A-Za-z(])/g;

export function readTypedAnswer(input: string, options: TypedAnswerOptions = {}): TypedAnswer {
  if (input.trim() === '') return refused('The box is empty: type your answer first', 1);
  const latex = input.indexOf('\\');
  if (latex >= 0)
    return refused('LaTeX such as \\frac cannot be typed here: write 1/2, x^2, sqrt(x)', latex + 1);
  const side = answerSide(input);
  if (!side.ok) return side;
  const unwrapped = unwrapTensor(side.text, side.offset);
  if (!unwrapped.ok) return unwrapped;
  const { text, offset } = unwrapped;
  const word = firstWord(text, options.variables);
  if (word)
    return refused(
      `'${word.text}' is a word, and the answer can only be maths: type it with digits, letters for variables, and signs such as + - * / ^`,
      offset + word.index + 1,
    );
  const comma = /\d,\d/.exec(text);
  if (comma && !/\(/.test(text.slice(0, comma.index)))
    return refused(
      'A comma cannot be read here: write decimals with a point, as in 2.5, and large numbers without commas',
      offset + comma.index + 2,
    );
  const scientific = text.replace(SCIENTIFIC, (_, mantissa: string, exponent: string) =>
    scientificToDecimal(mantissa, Number(exponent)),
  );
  // Columns past a rewritten `1e-3` no longer line up, so report the start in that case.
  const shift = (column: number) => (scientific === text ? offset + column : offset + 1);
  const parsed = parseMath(scientific, options.variables ? { variables: options.variables } : {});
  if (!parsed.ok) return refused(forBeginners(parsed.message), shift(parsed.column));
  const shown = decimalsAsTyped(parsed.expr, scientific);
  return {
    ok: true,
    expr: parsed.expr,
    text: parsed.text,
    latex: parsed.latex,
    shownText: toText(shown),
    shownLatex: toLatex(shown),
    note: [side.note, unwrapped.note].filter(Boolean).join('; '),
  };
}

type Refusal = Extract<TypedAnswer, { ok: false }>;

function refused(message: string, column: number): Refusal {
  return { ok: false, message, column };
}

type Part = { ok: true; text: string; offset: number; note: string };

/** The answer part of `name = answer`, `answer =` or `= answer`. */
function answerSide(input: string): Part | Refusal {
  const parts = topLevelParts(input);
  if (parts.length === 1) return { ok: true, text: input, offset: 0, note: '' };
  const filled = parts.filter((part) => part.text.trim() !== '');
  if (filled.length > 1 && ANSWER_NAME.test(filled[0].text.trim())) filled.shift();
  if (filled.length === 0) return refused("There is only an '=' sign: type your answer", 1);
  if (filled.length > 1)
    return refused(
      `The answer has an '=' between two expressions: type only the final answer, one expression or number`,
      filled[1].offset,
    );
  const [answer] = filled;
  const dropped = input.slice(0, answer.offset).trim();
  return {
    ok: true,
    text: answer.text,
    offset: answer.offset,
    note: dropped && dropped !== '=' ? `the part after '${dropped}'` : "without the '='",
  };
}

/** The input split at each '=' outside parentheses (`tensor(7., requires_grad=True)` is one). */
function topLevelParts(input: string): { text: string; offset: number }[] {
  const parts: { text: string; offset: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= input.length; i++) {
    const ch = input[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    else if (i === input.length || (ch === '=' && depth === 0)) {
      parts.push({ text: input.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  return parts;
}

function unwrapTensor(text: string, offset: number): Part | Refusal {
  const trimmed = text.trim();
  if (/^(?:torch\.)?tensor\(\s*\[[^\]]*,/.test(trimmed))
    return refused(
      'That tensor holds several numbers; the answer is one number (or expression)',
      offset + 1,
    );
  const match = TENSOR.exec(trimmed);
  if (!match) return { ok: true, text, offset, note: '' };
  const inner = match[2];
  const innerOffset = offset + text.indexOf(trimmed) + trimmed.indexOf(inner, match[1] ? 8 : 7);
  return { ok: true, text: inner, offset: innerOffset, note: 'the number inside tensor(…)' };
}

/** A run of letters with three or more that are no function, constant or allowed variable. */
function firstWord(
  text: string,
  variables: readonly string[] | undefined,
): { text: string; index: number } | undefined {
  const known = [
    ...Object.keys(FUNCTION_ALIASES),
    ...Object.keys(CONSTANT_ALIASES),
    ...(variables ?? []),
  ].sort((a, b) => b.length - a.length);
  // A name called with parentheses is left to the parser, which names the functions it knows.
  for (const run of text.matchAll(/[A-Za-z]+(?!\s*\()/g)) {
    let unknown = 0;
    for (let i = 0; i < run[0].length;) {
      const name = known.find((candidate) => run[0].startsWith(candidate, i));
      if (name) i += name.length;
      else {
        unknown++;
        i++;
      }
    }
    if (unknown >= 3) return { text: run[0], index: run.index };
  }
  return undefined;
}

function scientificToDecimal(mantissa: string, exponent: number): string {
  const [whole, fraction = ''] = mantissa.split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The parser's messages, reworded where they use a programmer's words. */
function forBeginners(message: string): string {
  const rules: [RegExp, (...groups: string[]) => string][] = [
    [
      /^A value is expected after '(.+)', but the input ends$/,
      (op) => `Something is missing after the last '${op}'`,
    ],
    [
      /^A value is expected after '(.+)', but found '(.+)'$/,
      (op, found) =>
        `'${found}' cannot come right after '${op}': something is missing between them`,
    ],
    [
      /^A value is expected, but found '(.+)'$/,
      (found) => `The answer cannot start with '${found}'`,
    ],
    [/^Unexpected '(.+)'$/, (found) => `'${found}' is not expected there`],
    [
      /^'(.+)' is not a known function \(known: .*\)$/,
      (name) =>
        `'${name}' is not a function Gradlab knows: use one such as sin, cos, exp, ln, sqrt, relu or sigmoid`,
    ],
    [
      /^'(.+)' is not a known function or variable: this input can use (.+)$/,
      (name, allowed) => `'${name}' cannot be used in this answer: it can use ${allowed}`,
    ],
    [
      /^Missing a '(.)' to close the '.' at column (\d+): the input ends$/,
      (closing, column) =>
        `A '${closing}' is missing: the one opened at column ${column} is never closed`,
    ],
  ];
  for (const [pattern, say] of rules) {
    const match = pattern.exec(message);
    if (match) return say(...match.slice(1));
  }
  return message;
}

/** The expression with each number typed as a decimal (`7.0000001`) kept as that decimal. */
function decimalsAsTyped(expr: Expr, input: string): Expr {
  const decimals = new Map<string, number>();
  for (const literal of input.matchAll(/\d*\.\d+|\d+\.\d*/g)) {
    const value = Number(literal[0]);
    if (!Number.isInteger(value)) decimals.set(String(value), value);
  }
  if (decimals.size === 0) return expr;
  const shown = (e: Expr): Expr => {
    switch (e.kind) {
      case 'num': {
        const value = e.value.n / e.value.d;
        const typed = e.value.exact && e.value.d !== 1 && decimals.has(String(Math.abs(value)));
        return typed ? { kind: 'num', value: inexact(value) } : e;
      }
      case 'add':
        return { kind: 'add', terms: e.terms.map(shown) };
      case 'mul':
        return { kind: 'mul', factors: e.factors.map(shown) };
      case 'pow':
        return { kind: 'pow', base: shown(e.base), exp: shown(e.exp) };
      case 'fn':
        return { kind: 'fn', name: e.name, arg: shown(e.arg) };
      default:
        return e;
    }
  };
  return shown(expr);
}
