// Grading of `code` answers: the student's Python runs in a new namespace (after the item's
// setup), then the item's checks run in that namespace: named values against expected ones,
// backward really used, hidden tests, gradcheck of a custom Function, and compositions such as
// `3 * F.apply(x)` that catch a backward ignoring grad_output.
import type { CodeAnswer, CodeCheck, CompositionTest, PracticeItem } from '../lessons/types.ts';
import type { AutogradEvaluator } from '../symbolic/derive.ts';
import { derive } from '../symbolic/derive.ts';
import { close } from '../symbolic/equivalence.ts';
import { DerivedKeys } from './keys.ts';
import type { GradeOutcome, MistakeKind } from './outcome.ts';
import { LessonKeyError, invalid } from './outcome.ts';
import { formatNumber, numberMistake } from './mistakes.ts';
import { beginnerAdvice, syntaxErrorWhere } from './python-errors.ts';

/** What the grader needs of one cell's run (core/python's CellResult has these fields). */
interface PythonCellResult {
  stdout: string;
  error: string | null;
  /** The traceback of that error (a syntax error's shows the line and a caret). */
  traceback?: string | null;
  /** "Category: message" of each warning the cell gave. */
  warnings?: readonly string[];
  /** The autograd graphs of the backward() calls the cell made. */
  graphs: readonly unknown[];
}

/** Runs cells in order in one new namespace, leaving the student's notebook untouched. */
export interface IsolatedPython {
  run(cells: readonly string[]): Promise<PythonCellResult[]>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Turns a check's value into JSON (tensors by tolist(); nan and inf as strings). */
const JSON_HELPER = `
def _gradlab_json(value):
    import json, math
    def plain(v):
        if isinstance(v, float) and not math.isfinite(v):
            return repr(v)
        if v is None or isinstance(v, (bool, int, float, str)):
            return v
        if hasattr(v, 'tolist'):
            return plain(v.tolist())
        if isinstance(v, (list, tuple)):
            return [plain(x) for x in v]
        if isinstance(v, dict):
            return {str(k): plain(x) for k, x in v.items()}
        return repr(v)
    return json.dumps(plain(value))
`;

/** Python errors can run over lines (gradcheck prints matrices): feedback keeps the first. */
function firstLine(text: string): string {
  return text.split('\n')[0].replace(/[,:]$/, '');
}

const SYNTAX_ERRORS = /^(SyntaxError|IndentationError|TabError)\b/;

function parseJson(stdout: string): Json | undefined {
  const line = stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Json;
  } catch {
    return undefined;
  }
}

function asNumbers(value: Json | undefined): number[] | undefined {
  const toNumber = (v: Json): number | undefined =>
    typeof v === 'number'
      ? v
      : v === 'nan'
        ? NaN
        : v === 'inf'
          ? Infinity
          : v === '-inf'
            ? -Infinity
            : undefined;
  const flat: Json[] = [];
  const walk = (v: Json) => (Array.isArray(v) ? v.forEach(walk) : flat.push(v));
  if (value === undefined) return undefined;
  walk(value);
  const numbers = flat.map(toNumber);
  return numbers.every((n) => n !== undefined) ? (numbers as number[]) : undefined;
}

function describeJson(value: Json | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'None';
  const numbers = asNumbers(value);
  if (numbers)
    return numbers.length === 1 && !Array.isArray(value)
      ? formatNumber(numbers[0])
      : `[${numbers.map(formatNumber).join(', ')}]`;
  return JSON.stringify(value);
}

function pythonTensor(value: number | number[]): string {
  return `torch.tensor(${JSON.stringify(value)}, dtype=torch.float64, requires_grad=True)`;
}

/** A batch of cells whose results are read back by name. */
class Batch {
  readonly cells: string[] = [];
  readonly names: string[] = [];
  add(name: string, code: string): void {
    this.names.push(name);
    this.cells.push(code);
  }
}

interface Failure {
  say: string;
  mistake?: MistakeKind;
  /** The value the check expected, for the lesson's author (never shown to the student). */
  key?: string;
}

const failureOutcome = (f: Failure, output: string): GradeOutcome => ({
  correct: false,
  score: 0,
  feedback: f.say,
  parsed: null,
  parsedLatex: null,
  valid: true,
  method: 'checks',
  output,
  ...(f.mistake ? { mistake: f.mistake } : {}),
  ...(f.key !== undefined ? { key: f.key } : {}),
});

/** "Your code raised …", with what to change when it is a usual autograd mistake. */
function raised(error: string): string {
  const advice = beginnerAdvice(error);
  return advice
    ? `${advice} (Your code raised ${firstLine(error)}.)`
    : `Your code raised ${firstLine(error)}.`;
}

export async function gradeCode(
  item: PracticeItem & { answer: CodeAnswer },
  code: string,
  python: IsolatedPython,
  autograd?: AutogradEvaluator,
  keys = new DerivedKeys(),
): Promise<GradeOutcome> {
  const answer = item.answer;
  const expectedValues = await expectedCheckValues(item, python, autograd, keys);
  const batch = new Batch();
  batch.add('setup', answer.setup);
  batch.add('student', code);
  batch.add('helper', JSON_HELPER);
  answer.checks.forEach((check, i) =>
    batch.add(`check${i}`, `print(_gradlab_json(${check.expr}))`),
  );
  item.feedback.forEach((rule, i) => {
    if (rule.when !== undefined) batch.add(`rule${i}`, `print(_gradlab_json(bool(${rule.when})))`);
  });
  if (answer.tests) batch.add('tests', answer.tests);
  if (answer.gradcheck)
    batch.add('gradcheck', gradcheckCell(answer.gradcheck.function, answer.gradcheck.inputs));
  answer.compose.forEach((test, i) => {
    batch.add(`compose${i}`, compositionCell(test.call, test.at));
    const fn = functionName(test, answer);
    if (fn)
      batch.add(
        `bare${i}`,
        compositionCell(`${fn}.apply(${Object.keys(test.at).join(', ')})`, test.at),
      );
  });
  const results = await python.run(batch.cells);
  const result = (name: string) => results[batch.names.indexOf(name)];

  const student = result('student');
  if (student.error && SYNTAX_ERRORS.test(student.error))
    return {
      ...invalid(
        `Python cannot read your code, at ${syntaxErrorWhere(student.error, student.traceback)}`,
        { parsed: null, parsedLatex: null },
      ),
      output: student.stdout,
    };
  const failure = firstFailure(item, result, expectedValues, autograd, keys);
  if (!failure)
    return {
      correct: true,
      score: 1,
      feedback: 'Correct: every check passes.',
      parsed: null,
      parsedLatex: null,
      valid: true,
      method: 'checks',
      output: student.stdout,
    };
  const ruleIndex = item.feedback.findIndex(
    (rule, i) => rule.when !== undefined && parseJson(result(`rule${i}`).stdout) === true,
  );
  return failureOutcome(
    ruleIndex >= 0 ? { say: item.feedback[ruleIndex].say, mistake: 'instructor-rule' } : failure,
    student.stdout,
  );
}

function firstFailure(
  item: PracticeItem & { answer: CodeAnswer },
  result: (name: string) => PythonCellResult,
  expectedValues: (Json | undefined)[],
  autograd: AutogradEvaluator | undefined,
  keys: DerivedKeys,
): Failure | undefined {
  const answer = item.answer;
  const student = result('student');
  if (student.error) return { say: raised(student.error) };
  for (const [i, check] of answer.checks.entries()) {
    const failure = checkFailure(
      check,
      result(`check${i}`),
      expectedValues[i],
      student,
      autograd,
      keys,
    );
    if (failure) return failure;
  }
  if (
    answer.requireBackward &&
    student.graphs.length === 0 &&
    /\.grad\b/.test(answer.checks.map((c) => c.expr).join(' '))
  )
    return {
      say: 'The gradient must come from autograd: call backward() on the result instead of setting .grad yourself.',
      mistake: 'no-backward',
    };
  if (answer.tests) {
    const tests = result('tests');
    if (tests.error) return { say: `A hidden test failed: ${firstLine(tests.error)}.` };
  }
  for (const [i, test] of answer.compose.entries()) {
    const failure = compositionFailure(test, i, result, answer, autograd);
    if (failure) return failure;
  }
  if (answer.gradcheck) {
    const gradcheck = result('gradcheck');
    if (gradcheck.error || parseJson(gradcheck.stdout) !== true)
      return {
        say: `torch.autograd.gradcheck rejects ${answer.gradcheck.function}: ${gradcheck.error ? firstLine(gradcheck.error) : 'its backward does not match finite differences'}.`,
      };
  }
  return undefined;
}

function checkFailure(
  check: CodeCheck,
  cell: PythonCellResult,
  expected: Json | undefined,
  student: PythonCellResult,
  autograd: AutogradEvaluator | undefined,
  keys: DerivedKeys,
): Failure | undefined {
  if (cell.error)
    return {
      say: check.message ?? `Evaluating ${check.expr} after your code raised ${cell.error}.`,
    };
  const got = parseJson(cell.stdout);
  if (typeof expected === 'boolean')
    return got === expected
      ? undefined
      : { say: check.message ?? `${check.expr} should be ${expected ? 'True' : 'False'}.` };
  const want = asNumbers(expected ?? null);
  const have = asNumbers(got ?? null);
  const t = check.tolerance;
  const same =
    !!want &&
    !!have &&
    want.length === have.length &&
    want.every((w, k) => close(have[k], w, t.relative, t.absolute));
  if (same) return undefined;
  const key = describeJson(expected);
  if (check.message) return { say: check.message, key };
  if (got === null && /\.grad$/.test(check.expr))
    return { say: emptyGrad(check.expr, [cell, student]), key };
  const say = `${check.expr} is ${describeJson(got)}, which is not the value asked for.`;
  if (check.from && have && want && have.length === 1) {
    const mistake = numberMistake(have[0], want[0], keys.number(check.from, autograd), t);
    if (mistake) return { say: `${say} ${mistake.say}`, mistake: mistake.kind, key };
  }
  return { say, key };
}

/** Why `x.grad` is None: backward() never ran, or x is not a leaf. */
function emptyGrad(expr: string, cells: readonly PythonCellResult[]): string {
  const warnings = cells.flatMap((cell) => cell.warnings ?? []);
  if (warnings.some((warning) => /not a leaf Tensor/.test(warning)))
    return `${expr} is None: .grad is filled in only for the tensors you create with requires_grad=True (the leaves), not for results computed from them.`;
  return `${expr} is None: call backward() on the result first; it is what fills in .grad.`;
}

function compositionFailure(
  test: CompositionTest,
  index: number,
  result: (name: string) => PythonCellResult,
  answer: CodeAnswer,
  autograd: AutogradEvaluator | undefined,
): Failure | undefined {
  const cell = result(`compose${index}`);
  if (cell.error) return { say: test.message ?? `${test.call} raised ${cell.error}.` };
  const expected = compositionGradients(test, autograd);
  const got = parseJson(cell.stdout);
  const gotGrads = typeof got === 'object' && got !== null && !Array.isArray(got) ? got : {};
  const leaves = Object.keys(test.at);
  const matches = (grads: { [key: string]: Json }, want: Record<string, number>) =>
    leaves.every((leaf) => {
      const g = asNumbers(grads[leaf] ?? null);
      return !!g && g.length === 1 && close(g[0], want[leaf], 1e-6, 1e-9);
    });
  if (matches(gotGrads, expected)) return undefined;
  const shown = leaves.map((leaf) => `${leaf}.grad = ${describeJson(gotGrads[leaf])}`).join(', ');
  const key = leaves.map((leaf) => `${leaf}.grad = ${formatNumber(expected[leaf])}`).join(', ');
  const at = leaves.map((leaf) => `${leaf} = ${formatNumber(test.at[leaf])}`).join(', ');
  const bare = functionName(test, answer) ? result(`bare${index}`) : undefined;
  const bareGrads = bare && !bare.error ? parseJson(bare.stdout) : undefined;
  if (
    bareGrads &&
    typeof bareGrads === 'object' &&
    !Array.isArray(bareGrads) &&
    leaves.every((leaf) => JSON.stringify(bareGrads[leaf]) === JSON.stringify(gotGrads[leaf]))
  )
    return {
      say: `${test.call} at ${at} gives ${shown}: your backward ignores grad_output. Multiply the local derivative by grad_output, so that the gradient flowing in from later operations is passed on.`,
      mistake: 'ignores-grad-output',
      key,
    };
  return {
    say: test.message ?? `${test.call} at ${at} gives ${shown}, which is not the right gradient.`,
    key,
  };
}

function compositionGradients(
  test: CompositionTest,
  autograd: AutogradEvaluator | undefined,
): Record<string, number> {
  if (test.grad) return test.grad;
  const leaves = Object.keys(test.at);
  const outcome = derive(test.f ?? '', leaves, { at: test.at, ...(autograd ? { autograd } : {}) });
  if (!outcome.ok)
    throw new LessonKeyError(`compose.f '${test.f}' cannot be derived: ${outcome.message}`);
  const grads: Record<string, number> = {};
  for (const leaf of leaves) grads[leaf] = outcome.derivation.derivatives[leaf].value!;
  return grads;
}

/** The custom Function a composition calls (`3 * SQ.apply(x)` → SQ). */
function functionName(test: CompositionTest, answer: CodeAnswer): string | undefined {
  return /\b([A-Za-z_]\w*)\.apply\(/.exec(test.call)?.[1] ?? answer.gradcheck?.function;
}

function compositionCell(call: string, at: Record<string, number>): string {
  const leaves = Object.entries(at).map(([name, value]) => `${name} = ${pythonTensor(value)}`);
  const grads = Object.keys(at).map((name) => `${JSON.stringify(name)}: ${name}.grad`);
  return [
    ...leaves,
    `_gradlab_out = ${call}`,
    `_gradlab_out.sum().backward()`,
    `print(_gradlab_json({${grads.join(', ')}}))`,
  ].join('\n');
}

function gradcheckCell(fn: string, inputs: readonly (number | number[])[]): string {
  return `print(_gradlab_json(torch.autograd.gradcheck(${fn}.apply, (${inputs.map(pythonTensor).join(', ')},))))`;
}

/** Expected value of each check: given, derived (`from`), or computed from the solution. */
async function expectedCheckValues(
  item: PracticeItem & { answer: CodeAnswer },
  python: IsolatedPython,
  autograd: AutogradEvaluator | undefined,
  keys: DerivedKeys,
): Promise<(Json | undefined)[]> {
  const checks = item.answer.checks;
  const values: (Json | undefined)[] = checks.map((check) =>
    check.value !== undefined
      ? check.value
      : check.from
        ? keys.number(check.from, autograd).value
        : undefined,
  );
  const missing = checks.map((_, i) => i).filter((i) => values[i] === undefined);
  if (missing.length === 0) return values;
  if (!item.solution)
    throw new LessonKeyError(
      `check '${checks[missing[0]].expr}' has no value, no from: and the item has no solution`,
    );
  const results = await python.run([
    item.answer.setup,
    item.solution,
    JSON_HELPER,
    ...missing.map((i) => `print(_gradlab_json(${checks[i].expr}))`),
  ]);
  if (results[1].error) throw new LessonKeyError(`the item's solution raised ${results[1].error}`);
  missing.forEach((i, k) => {
    const cell = results[3 + k];
    if (cell.error)
      throw new LessonKeyError(`check '${checks[i].expr}' fails on the solution: ${cell.error}`);
    values[i] = parseJson(cell.stdout);
  });
  return values;
}
