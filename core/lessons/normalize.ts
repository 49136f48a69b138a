// Turns schema-valid YAML of a block into the types of types.ts: defaults filled in, and the
// rules a schema cannot say (value XOR from, ranges in order, feedback matching the answer
// type) checked with positions.
import type {
  CodeAnswer,
  CodeCheck,
  CompositionTest,
  DerivativeBlock,
  FeedbackRule,
  PracticeAnswer,
  PracticeItem,
  Tolerance,
} from './types.ts';
import type { DerivativeInput, PracticeInput } from './schema.ts';
import type { PositionedMessage, YamlBlock, YamlPath } from './yaml-block.ts';
import { renderMarkdown } from './html.ts';

const DEFAULT_TOLERANCE: Tolerance = { absolute: 1e-9, relative: 1e-6 };
const DEFAULT_PLOT_RANGE: [number, number] = [-5, 5];
const DEFAULT_GRADCHECK_INPUTS: number[][] = [[0.5, -1.25, 2.0]];
const DEFAULT_SETUP = 'import torch';

type Problems = PositionedMessage[];

function problemAt(
  yaml: YamlBlock<unknown>,
  problems: Problems,
  path: YamlPath,
  message: string,
): void {
  problems.push({ ...yaml.locate(path), message });
}

function tolerance(given: { absolute?: number; relative?: number } | undefined): Tolerance {
  return {
    absolute: given?.absolute ?? DEFAULT_TOLERANCE.absolute,
    relative: given?.relative ?? DEFAULT_TOLERANCE.relative,
  };
}

export function normalizeDerivative(
  input: DerivativeInput,
  fenceLine: number,
  yaml: YamlBlock<unknown>,
  problems: Problems,
): DerivativeBlock | null {
  const before = problems.length;
  const wrt = typeof input.wrt === 'string' ? [input.wrt] : input.wrt;
  if (input.at) checkPointCovers(input.at, wrt, ['at'], yaml, problems, 'derivative');
  let plot: DerivativeBlock['plot'] = null;
  if (input.plot !== false) {
    const given = typeof input.plot === 'object' ? input.plot : {};
    plot = { variable: given.variable ?? wrt[0], range: given.range ?? DEFAULT_PLOT_RANGE };
    if (plot.range[0] >= plot.range[1])
      problemAt(
        yaml,
        problems,
        ['plot', 'range'],
        'derivative: plot range must go from low to high',
      );
  }
  if (problems.length > before) return null;
  const block: DerivativeBlock = { kind: 'derivative', line: fenceLine, f: input.f, wrt, plot };
  if (input.at) block.at = input.at;
  if (input.graph === true) {
    if (input.at) block.graph = true;
    else problemAt(yaml, problems, ['graph'], 'derivative: graph needs a point (at) to run f at');
  }
  if (input.caption !== undefined) {
    const caption = renderMarkdown(input.caption);
    block.captionHtml = caption.html;
  }
  return block;
}

function checkPointCovers(
  point: Record<string, number>,
  variables: string[],
  path: YamlPath,
  yaml: YamlBlock<unknown>,
  problems: Problems,
  what: string,
): void {
  for (const variable of variables)
    if (!(variable in point))
      problemAt(
        yaml,
        problems,
        path,
        `${what}: '${path.join('.')}' has no value for '${variable}'`,
      );
}

export function normalizePractice(
  input: PracticeInput,
  fenceLine: number,
  yaml: YamlBlock<unknown>,
  problems: Problems,
): PracticeItem | null {
  const before = problems.length;
  const solution = input.solution === undefined ? undefined : String(input.solution);
  const answer = normalizeAnswer(input.answer, solution !== undefined, yaml, problems);
  const feedback = (input.feedback ?? []).map((rule, index) =>
    feedbackRule(rule, answer?.type, index, yaml, problems),
  );
  if (problems.length > before || !answer) return null;
  const item: PracticeItem = {
    id: input.id,
    prompt: input.prompt,
    points: input.points ?? 1,
    penalty: input.penalty ?? 0.1,
    answer,
    hints: input.hints ?? [],
    feedback: feedback.filter((rule): rule is FeedbackRule => rule !== null),
    line: fenceLine,
  };
  if (solution !== undefined) item.solution = solution;
  if (input.explanation !== undefined) item.explanation = input.explanation;
  return item;
}

function exactlyOneOf(
  hasValue: boolean,
  hasFrom: boolean,
  path: YamlPath,
  yaml: YamlBlock<unknown>,
  problems: Problems,
): boolean {
  if (hasValue !== hasFrom) return true;
  problemAt(
    yaml,
    problems,
    path,
    hasValue
      ? `practice: '${path.join('.')}' has both 'value' and 'from': keep one`
      : `practice: '${path.join('.')}' needs the expected answer: 'value' or 'from'`,
  );
  return false;
}

function normalizeAnswer(
  input: PracticeInput['answer'],
  hasSolution: boolean,
  yaml: YamlBlock<unknown>,
  problems: Problems,
): PracticeAnswer | null {
  const path = ['answer'];
  switch (input.type) {
    case 'number': {
      if (!exactlyOneOf(input.value !== undefined, input.from !== undefined, path, yaml, problems))
        return null;
      const base = { type: 'number' as const, tolerance: tolerance(input.tolerance) };
      if (input.from) {
        checkPointCovers(
          input.from.at,
          [input.from.wrt],
          ['answer', 'from', 'at'],
          yaml,
          problems,
          'practice',
        );
        return { ...base, from: input.from };
      }
      return { ...base, value: input.value as number };
    }
    case 'expression': {
      if (!exactlyOneOf(input.value !== undefined, input.from !== undefined, path, yaml, problems))
        return null;
      const limits = input.limits ?? {};
      for (const [variable, [low, high]] of Object.entries(limits))
        if (low >= high)
          problemAt(
            yaml,
            problems,
            ['answer', 'limits', variable],
            `practice: limits for '${variable}' must go from low to high`,
          );
      const base = {
        type: 'expression' as const,
        vars: input.vars ?? [],
        limits,
        tolerance: tolerance(input.tolerance),
      };
      return input.from ? { ...base, from: input.from } : { ...base, value: String(input.value) };
    }
    case 'code':
      return codeAnswer(input, hasSolution, yaml, problems);
  }
}

function codeAnswer(
  input: Extract<PracticeInput['answer'], { type: 'code' }>,
  hasSolution: boolean,
  yaml: YamlBlock<unknown>,
  problems: Problems,
): CodeAnswer {
  const checks: CodeCheck[] = (input.checks ?? []).map((check, index) => {
    const path = ['answer', 'checks', index];
    if (check.value !== undefined && check.from !== undefined)
      problemAt(
        yaml,
        problems,
        path,
        `practice: 'answer.checks[${index}]' has both 'value' and 'from': keep one`,
      );
    if (check.value === undefined && check.from === undefined && !hasSolution)
      problemAt(
        yaml,
        problems,
        path,
        `practice: 'answer.checks[${index}]' has no expected value: give 'value' or 'from', or a 'solution' to compare with`,
      );
    if (check.from)
      checkPointCovers(
        check.from.at,
        [check.from.wrt],
        [...path, 'from', 'at'],
        yaml,
        problems,
        'practice',
      );
    const normalized: CodeCheck = { expr: check.expr, tolerance: tolerance(check.tolerance) };
    if (check.value !== undefined) normalized.value = check.value;
    if (check.from) normalized.from = check.from;
    if (check.message !== undefined) normalized.message = check.message;
    return normalized;
  });
  const compose: CompositionTest[] = (input.compose ?? []).map((test, index) => {
    const path = ['answer', 'compose', index];
    if ((test.grad === undefined) === (test.f === undefined))
      problemAt(
        yaml,
        problems,
        path,
        `practice: 'answer.compose[${index}]' needs exactly one of 'grad' and 'f'`,
      );
    for (const leaf of Object.keys(test.grad ?? {}))
      if (!(leaf in test.at))
        problemAt(
          yaml,
          problems,
          [...path, 'grad', leaf],
          `practice: '${leaf}' is not a leaf given in 'at'`,
        );
    return test;
  });
  const answer: CodeAnswer = {
    type: 'code',
    starter: input.starter ?? '',
    setup: input.setup ?? DEFAULT_SETUP,
    checks,
    requireBackward: input.requireBackward ?? false,
    compose,
  };
  if (input.tests !== undefined) answer.tests = input.tests;
  if (input.gradcheck)
    answer.gradcheck = {
      function: input.gradcheck.function,
      inputs: input.gradcheck.inputs ?? DEFAULT_GRADCHECK_INPUTS,
    };
  if (checks.length === 0 && compose.length === 0 && !answer.gradcheck && !answer.tests)
    problemAt(
      yaml,
      problems,
      ['answer'],
      "practice: a code answer needs something to check: 'checks', 'tests', 'gradcheck' or 'compose'",
    );
  return answer;
}

function feedbackRule(
  rule: NonNullable<PracticeInput['feedback']>[number],
  answerType: PracticeAnswer['type'] | undefined,
  index: number,
  yaml: YamlBlock<unknown>,
  problems: Problems,
): FeedbackRule | null {
  const path = ['feedback', index];
  const wanted = answerType === 'code' ? 'when' : 'answer';
  const other = wanted === 'when' ? 'answer' : 'when';
  if (rule[other] !== undefined) {
    problemAt(
      yaml,
      problems,
      [...path, other],
      `practice: feedback for ${answerType ?? 'this'} answers uses '${wanted}', not '${other}'`,
    );
    return null;
  }
  if (rule[wanted] === undefined) {
    problemAt(yaml, problems, path, `practice: feedback rule needs '${wanted}'`);
    return null;
  }
  return wanted === 'when'
    ? { when: String(rule.when), say: rule.say }
    : { answer: String(rule.answer), say: rule.say };
}
