// The usual mistakes in differentiation, recognised from a wrong answer: the function's value
// instead of its derivative, the other partial, the chain rule's inner derivative left out, a
// sign error, a constant factor off.
import type { Expr } from '../symbolic/expr.ts';
import { symbolsOf } from '../symbolic/expr.ts';
import { differentiate } from '../symbolic/diff.ts';
import type { Point } from '../symbolic/evaluate.ts';
import { evaluate } from '../symbolic/evaluate.ts';
import type { EquivalenceOptions } from '../symbolic/equivalence.ts';
import { close, equivalent } from '../symbolic/equivalence.ts';
import { neg } from '../symbolic/simplify.ts';
import { WorkBudget } from '../symbolic/budget.ts';
import { toText } from '../symbolic/print.ts';
import { seededRandom } from '../symbolic/random.ts';
import type { DerivedKey, DerivedNumberKey } from './keys.ts';
import type { MistakeKind } from './outcome.ts';

export interface Mistake {
  kind: MistakeKind;
  say: string;
}

export interface NumberTest {
  relative: number;
  absolute: number;
}

export function formatNumber(x: number): string {
  return String(Number(x.toPrecision(6)));
}

export function formatPoint(at: Point, variables: readonly string[]): string {
  return variables.map((v) => `${v} = ${formatNumber(at[v])}`).join(', ');
}

function pointArguments(at: Point, variables: readonly string[]): string {
  return variables.map((v) => formatNumber(at[v])).join(', ');
}

/** `df/dx` for one variable, `∂f/∂u` for a partial. */
export function derivativeName(key: DerivedKey, variable = key.wrt): string {
  return key.variables.length > 1 ? `∂f/∂${variable}` : `df/d${variable}`;
}

const CHAIN_RULE_SAY =
  'You seem to have left out the inner derivative of the chain rule: multiply by the derivative of the inside function.';
const SIGN_SAY = 'The sign is wrong: your answer is the negative of the right one.';

function factorSay(ratio: number): string {
  return `Your answer is off by a constant factor: it is ${formatNumber(ratio)} times the right one.`;
}

/** A ratio people get by a slip (2, 3, 1/2, a power's exponent), not a coincidence. */
function isSimpleRatio(r: number): boolean {
  const size = Math.abs(r);
  if (!Number.isFinite(size) || size === 0 || close(size, 1, 1e-9, 0)) return false;
  const whole = (x: number) =>
    Math.round(x) >= 2 && Math.round(x) <= 12 && close(x, Math.round(x), 1e-9, 0);
  return whole(size) || whole(1 / size);
}

/** Why a number differs from the expected one, when it is a usual mistake. */
export function numberMistake(
  given: number,
  expected: number,
  key: DerivedNumberKey | undefined,
  test: NumberTest,
): Mistake | undefined {
  const near = (x: number) => Number.isFinite(x) && close(given, x, test.relative, test.absolute);
  const differs = (x: number) => !close(x, expected, test.relative, test.absolute);
  if (key) {
    if (near(key.fValue) && differs(key.fValue))
      return {
        kind: 'function-value',
        say: `That is the value of the function, f(${pointArguments(key.at, key.variables)}) = ${formatNumber(key.fValue)}, not of its derivative: differentiate first, then substitute.`,
      };
    for (const v of key.variables) {
      if (v === key.wrt) continue;
      const other = evaluate(key.partials[v], key.at);
      if (near(other) && differs(other))
        return {
          kind: 'wrong-variable',
          say: `That is ${derivativeName(key, v)} at the point; the question asks for ${derivativeName(key)}.`,
        };
    }
    const forgetful = evaluate(differentiate(key.f, key.wrt, { chainRule: false }), key.at);
    if (near(forgetful) && differs(forgetful)) return { kind: 'chain-rule', say: CHAIN_RULE_SAY };
  }
  if (expected !== 0 && near(-expected)) return { kind: 'sign', say: SIGN_SAY };
  if (expected !== 0 && isSimpleRatio(given / expected))
    return { kind: 'constant-factor', say: factorSay(given / expected) };
  return undefined;
}

/** Why an expression differs from the expected one, when it is a usual mistake. */
export function expressionMistake(
  given: Expr,
  expected: Expr,
  key: DerivedKey | undefined,
  options: EquivalenceOptions,
): Mistake | undefined {
  const same = (a: Expr, b: Expr) => equivalent(a, b, options).equal === true;
  if (key) {
    if (same(given, key.f) && !same(key.f, expected))
      return {
        kind: 'function-value',
        say: `That is f itself, ${toText(key.f)}, not its derivative.`,
      };
    for (const v of key.variables) {
      if (v !== key.wrt && same(given, key.partials[v]) && !same(key.partials[v], expected))
        return {
          kind: 'wrong-variable',
          say: `That is ${derivativeName(key, v)}; the question asks for ${derivativeName(key)}.`,
        };
    }
    const forgetful = differentiate(key.f, key.wrt, { chainRule: false });
    if (same(given, forgetful) && !same(forgetful, expected))
      return { kind: 'chain-rule', say: CHAIN_RULE_SAY };
  }
  if (same(given, neg(expected, new WorkBudget()))) return { kind: 'sign', say: SIGN_SAY };
  const ratio = constantRelation(given, expected, options, (a, b) =>
    Math.abs(b) > 1e-9 ? a / b : undefined,
  );
  if (ratio !== undefined && isSimpleRatio(ratio))
    return { kind: 'constant-factor', say: factorSay(ratio) };
  const offset = constantRelation(given, expected, options, (a, b) => a - b);
  if (offset !== undefined && !close(offset, 0, 1e-9, 1e-12))
    return {
      kind: 'constant-offset',
      say: `Your answer differs from the right one by a constant (${formatNumber(offset)}): check the constant terms (the derivative of a constant is 0; of a·x it is a).`,
    };
  return undefined;
}

/** `combine(given, expected)` when it is the same at several sample points (a ratio, a difference). */
function constantRelation(
  given: Expr,
  expected: Expr,
  options: EquivalenceOptions,
  combine: (a: number, b: number) => number | undefined,
): number | undefined {
  const random = seededRandom(options.seed ?? 7);
  const variables = [...new Set([...symbolsOf(given), ...symbolsOf(expected)])];
  const values: number[] = [];
  for (let draw = 0; draw < 60 && values.length < 5; draw++) {
    const point = Object.fromEntries(
      variables.map((v) => {
        const [low, high] = options.limits?.[v] ?? options.defaultLimits ?? [-2, 2];
        return [v, low + (high - low) * random()];
      }),
    );
    const a = evaluate(given, point);
    const b = evaluate(expected, point);
    const value = Number.isFinite(a) && Number.isFinite(b) ? combine(a, b) : undefined;
    if (value !== undefined) values.push(value);
  }
  if (values.length < 3 || values.some((r) => !close(r, values[0], 1e-9, 1e-12))) return undefined;
  return values[0];
}
