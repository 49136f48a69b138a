// 100,000 generated and mutated inputs into the parser and the grader: no exception escapes,
// every input is either read or refused with a column, and pathological inputs are refused or
// stay bounded (checked by behaviour, not by time).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import katex from 'katex';
import { parseMath, MAX_INPUT_LENGTH } from '../../core/symbolic/parse.ts';
import { derive } from '../../core/symbolic/derive.ts';
import { equivalent } from '../../core/symbolic/equivalence.ts';
import { gradeExpression, gradeNumber } from '../../core/grading/math-answer.ts';
import type { ExpressionAnswer, NumberAnswer, PracticeItem } from '../../core/lessons/types.ts';
import { readSharedJson } from '../support/shared.ts';
import { practiceItems } from './support.ts';

const items = practiceItems('seed-practice.md');
const numberItem = items.get('partial-u') as PracticeItem & { answer: NumberAnswer };
const expressionItem = items.get('chain') as PracticeItem & { answer: ExpressionAnswer };

/** A safety net for a loaded machine (2 cores shared); speed is the benchmark's business. */
const PROPERTY_TIMEOUT = 600_000;

const TOKENS = [
  'x',
  'u',
  'v',
  'y',
  'e',
  'pi',
  '2',
  '3',
  '0',
  '.5',
  '10',
  '1e',
  '+',
  '-',
  '*',
  '/',
  '^',
  '**',
  '(',
  ')',
  '|',
  ',',
  ' ',
  'sin',
  'cos',
  'tan',
  'tanh',
  'exp',
  'ln',
  'log',
  'sqrt',
  'relu',
  'abs',
  'sigmoid',
  'sign',
  'step',
  '·',
  '×',
  '−',
  '²',
  '³',
  '⁻',
  '√',
  'π',
  '=',
  '!',
  '[',
  'é',
  '\u0000',
];

const goldenExpressions = readSharedJson<{ cases: { expr: string }[] }>(
  'golden/derivatives-public.json',
).cases.map((c) => c.expr);

const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join(''));

/** A golden expression with characters inserted, deleted or replaced. */
const mutated = fc
  .tuple(
    fc.constantFrom(...goldenExpressions),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('insert', 'delete', 'replace'),
        fc.constantFrom(...TOKENS),
      ),
      { maxLength: 4 },
    ),
  )
  .map(([expr, edits]) =>
    edits.reduce((text, [at, kind, token]) => {
      const i = at % (text.length + 1);
      if (kind === 'insert') return text.slice(0, i) + token + text.slice(i);
      if (kind === 'delete') return text.slice(0, i) + text.slice(i + 1);
      return text.slice(0, i) + token + text.slice(i + 1);
    }, expr),
  );

const anyInput = fc.oneof(
  tokenSoup,
  mutated,
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

function checkParse(input: string): void {
  const result = parseMath(input);
  if (result.ok) {
    // What was read is shown back, and reads again as the same function.
    const again = parseMath(result.text);
    if (!again.ok) throw new Error(`${result.text}: ${again.message}`);
    expect(equivalent(again.expr, result.expr).equal).not.toBe(false);
    // The live preview of the answer box renders how it was read.
    katex.renderToString(result.latex, { throwOnError: true });
  } else {
    expect(result.message.length).toBeGreaterThan(0);
    expect(result.column).toBeGreaterThanOrEqual(1);
    expect(result.column).toBeLessThanOrEqual(input.length + 1);
  }
}

function checkGrades(input: string): void {
  for (const outcome of [gradeNumber(numberItem, input), gradeExpression(expressionItem, input)]) {
    expect(outcome.score).toBeGreaterThanOrEqual(0);
    expect(outcome.score).toBeLessThanOrEqual(1);
    expect(outcome.feedback.length).toBeGreaterThan(0);
    if (outcome.valid) expect(outcome.parsed).not.toBeNull();
  }
}

describe('robustness of the parser and the grader', () => {
  it(
    'reads or refuses 50,000 generated inputs, which the grader then grades',
    () => {
      fc.assert(
        fc.property(anyInput, (input) => {
          checkParse(input);
          checkGrades(input);
        }),
        { numRuns: 50_000, seed: 3 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'reads or refuses 50,000 more, mutated from the golden expressions',
    () => {
      fc.assert(
        fc.property(mutated, (input) => {
          checkParse(input);
          checkGrades(input);
        }),
        { numRuns: 50_000, seed: 4 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it('refuses 100 KB strings and 10,000 nested parentheses', () => {
    const huge = 'x+'.repeat(50_000) + 'x';
    expect(parseMath(huge)).toMatchObject({ ok: false, column: MAX_INPUT_LENGTH + 1 });
    expect(gradeNumber(numberItem, huge)).toMatchObject({ valid: false, correct: false });
    const nested = '('.repeat(10_000) + 'x' + ')'.repeat(10_000);
    expect(parseMath(nested)).toMatchObject({ ok: false });
    expect(gradeExpression(expressionItem, nested).valid).toBe(false);
    const deepButShort = '('.repeat(200) + 'x' + ')'.repeat(200);
    expect(parseMath(deepButShort)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/nests more than 100/),
    });
  });

  it('keeps huge powers symbolic instead of expanding them', () => {
    const big = derive('x^99999999', ['x'], { at: { x: 1 } });
    expect(big.ok && big.derivation.derivatives.x).toMatchObject({
      text: '99999999*x^99999998',
      value: 99999999,
    });
    const binomial = derive('(x+1)^1000', ['x']);
    expect(binomial.ok && binomial.derivation.derivatives.x.text).toBe('1000*(x + 1)^999');
    expect(gradeExpression(expressionItem, '(x+1)^1000')).toMatchObject({
      valid: true,
      correct: false,
    });
    expect(gradeNumber(numberItem, '2^99999999')).toMatchObject({ valid: false });
  });
});
