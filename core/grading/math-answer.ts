// Grading of `number` and `expression` answers: read the answer as maths (an unreadable one
// costs nothing), compare it by the item's test, then explain a wrong one by the instructor's
// rules or by the usual mistakes.
import type {
  ExpressionAnswer,
  FeedbackRule,
  NumberAnswer,
  PracticeItem,
} from '../lessons/types.ts';
import type { Expr } from '../symbolic/expr.ts';
import { freeSymbols, symbolsOf } from '../symbolic/expr.ts';
import type { AutogradEvaluator } from '../symbolic/derive.ts';
import { parseMath } from '../symbolic/parse.ts';
import { readTypedAnswer } from './typed-answer.ts';
import { evaluate } from '../symbolic/evaluate.ts';
import { simplify } from '../symbolic/simplify.ts';
import type { EquivalenceOptions } from '../symbolic/equivalence.ts';
import { close, equivalent } from '../symbolic/equivalence.ts';
import { SymbolicLimitError } from '../symbolic/budget.ts';
import type { DerivedKey, DerivedNumberKey } from './keys.ts';
import { DerivedKeys } from './keys.ts';
import type { GradeOutcome } from './outcome.ts';
import { LessonKeyError, invalid } from './outcome.ts';
import type { Mistake } from './mistakes.ts';
import {
  derivativeName,
  expressionMistake,
  formatNumber,
  formatPoint,
  numberMistake,
} from './mistakes.ts';

const CORRECT = 'Correct.';

interface Reading {
  expr: Expr;
  parsed: string;
  parsedLatex: string;
}

type ReadResult = { ok: true; reading: Reading } | { ok: false; outcome: GradeOutcome };

const UNREAD = { parsed: null, parsedLatex: null };

function read(text: string, variables?: readonly string[]): ReadResult {
  const result = readTypedAnswer(text, variables ? { variables } : {});
  if (!result.ok)
    return { ok: false, outcome: invalid(`${result.message} (column ${result.column}).`, UNREAD) };
  try {
    const expr = simplify(result.expr);
    return { ok: true, reading: { expr, parsed: result.text, parsedLatex: result.latex } };
  } catch (error) {
    if (error instanceof SymbolicLimitError)
      return {
        ok: false,
        outcome: invalid(`The answer is too large to check: ${error.message}.`, UNREAD),
      };
    throw error;
  }
}

function verdict(
  reading: Reading,
  correct: boolean,
  feedback: string,
  method: string,
  mistake?: Mistake,
): GradeOutcome {
  return {
    correct,
    score: correct ? 1 : 0,
    feedback: mistake ? mistake.say : feedback,
    parsed: reading.parsed,
    parsedLatex: reading.parsedLatex,
    valid: true,
    method,
    ...(mistake ? { mistake: mistake.kind } : {}),
  };
}

/** The first instructor rule whose answer the given one matches. */
function ruleFor(
  rules: readonly FeedbackRule[],
  matches: (answer: string) => boolean,
): Mistake | undefined {
  const rule = rules.find((r) => r.answer !== undefined && matches(r.answer));
  return rule ? { kind: 'instructor-rule', say: rule.say } : undefined;
}

export function gradeNumber(
  item: PracticeItem & { answer: NumberAnswer },
  text: string,
  autograd?: AutogradEvaluator,
  keys = new DerivedKeys(),
): GradeOutcome {
  const answer = item.answer;
  const key = answer.from ? keys.number(answer.from, autograd) : undefined;
  const expected = answer.value ?? key!.value;
  const r = read(text);
  if (!r.ok) return r.outcome;
  const { reading } = r;
  const symbols = [...freeSymbols(reading.expr)];
  if (symbols.length) return expressionForNumber(reading, key, symbols);
  const given = evaluate(reading.expr, {});
  if (!Number.isFinite(given))
    return invalid(`The answer does not evaluate to a finite number (${given}).`, reading);
  const test = answer.tolerance;
  if (close(given, expected, test.relative, test.absolute))
    return verdict(reading, true, CORRECT, 'tolerance');
  const rule = ruleFor(item.feedback, (ruleAnswer) => {
    const ruleReading = read(ruleAnswer);
    return (
      ruleReading.ok &&
      close(given, evaluate(ruleReading.reading.expr, {}), test.relative, test.absolute)
    );
  });
  const mistake = rule ?? numberMistake(given, expected, key, test);
  return verdict(
    reading,
    false,
    'Not right yet: check your derivative and the point you evaluate it at.',
    'tolerance',
    mistake,
  );
}

function expressionForNumber(
  reading: Reading,
  key: DerivedNumberKey | undefined,
  symbols: string[],
): GradeOutcome {
  if (key && equivalent(reading.expr, key.derivative).equal === true)
    return invalid(
      `The question asks for a number, the value of ${derivativeName(key)} at ${formatPoint(key.at, key.variables)}; you gave the derivative as a formula, ${reading.parsed}. Substitute the point.`,
      reading,
      'expression-for-number',
    );
  return invalid(
    `The answer should be a number, without variables (it uses ${symbols.join(', ')}).`,
    reading,
  );
}

export function gradeExpression(
  item: PracticeItem & { answer: ExpressionAnswer },
  text: string,
  autograd?: AutogradEvaluator,
  keys = new DerivedKeys(),
): GradeOutcome {
  const answer = item.answer;
  const key: DerivedKey | undefined = answer.from
    ? keys.expression(answer.from, autograd, answer.vars)
    : undefined;
  const expected = key ? key.derivative : expectedExpression(answer.value!);
  const variables = answer.vars.length
    ? answer.vars
    : [...new Set([...(key?.variables ?? []), ...symbolsOf(expected)])];
  const r = read(text, variables);
  if (!r.ok) return r.outcome;
  const { reading } = r;
  if (freeSymbols(reading.expr).size === 0 && freeSymbols(expected).size > 0)
    return invalid(
      `The question asks for ${key ? derivativeName(key) : 'the answer'} as an expression in ${[...freeSymbols(expected)].join(', ')}, not a number (you gave ${reading.parsed}).`,
      reading,
      'number-for-expression',
    );
  const options: EquivalenceOptions = {
    limits: answer.limits,
    relativeTolerance: answer.tolerance.relative,
    absoluteTolerance: answer.tolerance.absolute,
  };
  const result = equivalent(reading.expr, expected, options);
  if (result.equal === null)
    return invalid(
      `Your answer could not be compared with the expected one (${result.reason}).`,
      reading,
    );
  if (result.equal) return verdict(reading, true, CORRECT, result.method);
  const rule = ruleFor(item.feedback, (ruleAnswer) => {
    const ruleReading = read(ruleAnswer, variables);
    return (
      ruleReading.ok && equivalent(reading.expr, ruleReading.reading.expr, options).equal === true
    );
  });
  const counterexample = `At ${formatPoint(result.counterexample, Object.keys(result.counterexample))} your answer is ${formatNumber(result.values[0])}, the right one ${formatNumber(result.values[1])}.`;
  const mistake = rule ?? expressionMistake(reading.expr, expected, key, options);
  return verdict(reading, false, `Not right yet. ${counterexample}`, result.method, mistake);
}

function expectedExpression(value: string): Expr {
  const parsed = parseMath(value);
  if (!parsed.ok)
    throw new LessonKeyError(
      `the expected answer '${value}' does not parse: ${parsed.message} (column ${parsed.column})`,
    );
  return simplify(parsed.expr);
}
