// The checks of a parsed lesson that need other parts of Gradlab: maths that must parse, Python
// that must compile, answer keys that must derive, solutions that must earn full marks and
// derivative panels whose symbolic and autograd values must agree. Each goes through an
// injected service (services.ts); a service that throws becomes a problem, never a crash.
import type { DerivativeBlock, LessonProblem, PracticeItem, SourcePosition } from './types.ts';
import type { LessonServices, TextProblem } from './services.ts';
import type { ParsedLesson } from './parse.ts';
import type { YamlBlock, YamlPath } from './yaml-block.ts';
import { remapProblem } from './converted.ts';

export async function validateLesson(
  parsed: ParsedLesson,
  services: LessonServices,
): Promise<LessonProblem[]> {
  const { lesson } = parsed;
  if (!lesson) return [];
  const problems: LessonProblem[] = [];
  const report = (where: SourcePosition, message: string) =>
    problems.push({ file: lesson.file, line: where.line, column: where.column, message });

  for (const step of lesson.steps)
    for (const block of step.blocks) {
      try {
        if (block.kind === 'python') {
          const problem = await services.checkPython?.(block.code);
          if (problem)
            report(
              { line: block.line + problem.line - 1, column: problem.column },
              `python: ${problem.message}`,
            );
        } else if (block.kind === 'derivative') {
          const yaml = parsed.yamlOf.get(block);
          if (yaml) await checkDerivative(block, yaml, services, report);
        } else if (block.kind === 'practice') {
          const yaml = parsed.yamlOf.get(block.item);
          if (yaml) await checkPractice(block.item, yaml, services, report, lesson);
        }
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        report({ line: block.line, column: 1 }, `could not check this block: ${reason}`);
      }
    }
  const { origins } = parsed;
  const located = origins ? problems.map((problem) => remapProblem(problem, origins)) : problems;
  return located.sort((a, b) => a.line - b.line || a.column - b.column);
}

type Report = (where: SourcePosition, message: string) => void;

function checkMaths(
  text: string,
  path: YamlPath,
  yaml: YamlBlock<unknown>,
  services: LessonServices,
  report: Report,
  what: string,
): boolean {
  const problem = services.checkExpression?.(text);
  if (!problem) return true;
  report(yaml.locateInside(path, problem.line, problem.column), `${what}: ${problem.message}`);
  return false;
}

async function checkDerivative(
  block: DerivativeBlock,
  yaml: YamlBlock<unknown>,
  services: LessonServices,
  report: Report,
): Promise<void> {
  if (!checkMaths(block.f, ['f'], yaml, services, report, "derivative: 'f' does not parse")) return;
  const disagreement = await services.checkDerivative?.(block);
  if (disagreement) report(yaml.locate(['f']), `derivative: ${disagreement}`);
}

async function checkPractice(
  item: PracticeItem,
  yaml: YamlBlock<unknown>,
  services: LessonServices,
  report: Report,
  lesson: NonNullable<ParsedLesson['lesson']>,
): Promise<void> {
  let sound = true;
  const maths = (text: string, path: YamlPath, what: string) => {
    if (!checkMaths(text, path, yaml, services, report, `practice: ${what} does not parse`))
      sound = false;
  };
  const python = async (code: string, path: YamlPath, what: string) => {
    const problem: TextProblem | null = (await services.checkPython?.(code)) ?? null;
    if (!problem) return;
    sound = false;
    report(
      yaml.locateInside(path, problem.line, problem.column),
      `practice: ${what}: ${problem.message}`,
    );
  };

  const { answer } = item;
  if (answer.type === 'expression' && answer.value !== undefined)
    maths(answer.value, ['answer', 'value'], "'answer.value'");
  if (answer.type !== 'code' && answer.from)
    maths(answer.from.f, ['answer', 'from', 'f'], "'answer.from.f'");
  if (answer.type === 'expression')
    item.feedback.forEach((rule, index) => {
      if (rule.answer !== undefined)
        maths(rule.answer, ['feedback', index, 'answer'], `'feedback[${index}].answer'`);
    });
  if (answer.type === 'code') {
    for (const [index, check] of answer.checks.entries()) {
      await python(
        check.expr,
        ['answer', 'checks', index, 'expr'],
        `'answer.checks[${index}].expr'`,
      );
      if (check.from)
        maths(
          check.from.f,
          ['answer', 'checks', index, 'from', 'f'],
          `'answer.checks[${index}].from.f'`,
        );
    }
    for (const [index, test] of answer.compose.entries()) {
      await python(
        test.call,
        ['answer', 'compose', index, 'call'],
        `'answer.compose[${index}].call'`,
      );
      if (test.f) maths(test.f, ['answer', 'compose', index, 'f'], `'answer.compose[${index}].f'`);
    }
    await python(answer.setup, ['answer', 'setup'], "'answer.setup'");
    if (answer.tests !== undefined)
      await python(answer.tests, ['answer', 'tests'], "'answer.tests'");
    for (const [index, rule] of item.feedback.entries())
      if (rule.when !== undefined)
        await python(rule.when, ['feedback', index, 'when'], `'feedback[${index}].when'`);
    if (item.solution !== undefined) await python(item.solution, ['solution'], 'the solution');
  }
  if (!sound) return;

  const underivable = await services.deriveKey?.(item);
  if (underivable) {
    const where = answer.type !== 'code' && answer.from ? ['answer', 'from'] : ['answer'];
    report(yaml.locate(where), `practice: the expected answer cannot be derived: ${underivable}`);
    return;
  }
  if (item.solution === undefined || !services.gradeSolution) return;
  const grade = await services.gradeSolution(item, lesson);
  if (grade.score < 1)
    report(
      yaml.locate(['solution']),
      `practice: the solution does not earn full marks (score ${round(grade.score)}): ${grade.feedback}`,
    );
}

function round(score: number): string {
  return String(Math.round(score * 1000) / 1000);
}
