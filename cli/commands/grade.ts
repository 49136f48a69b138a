// `gradlab grade LESSON PRACTICE_ID (--answer TEXT | --answer-file FILE) [--json]`: grades one
// answer to one practice item (DESIGN.md). Exit status 0 for a right answer, 1 for a wrong or
// unreadable one, 2 for bad arguments or a lesson whose item cannot be graded.
import { readFileSync } from 'node:fs';
import { loadLesson } from '../../core/lessons/load.ts';
import type { PracticeItem } from '../../core/lessons/types.ts';
import { gradeAnswer } from '../../core/grading/grade.ts';
import type { IsolatedPython } from '../../core/grading/code-answer.ts';
import { LessonKeyError } from '../../core/grading/outcome.ts';
import { autogradEvaluator } from '../../core/symbolic/autograd.ts';
import { UsageError } from '../errors.ts';

const USAGE =
  'usage: gradlab grade LESSON PRACTICE_ID (--answer TEXT | --answer-file FILE) [--json]';

interface GradeArguments {
  lesson: string;
  id: string;
  answer: string;
  json: boolean;
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`grade: cannot read the ${what} ${file} (${code})`);
  }
}

function parseArguments(args: string[]): GradeArguments {
  const positional: string[] = [];
  let answer: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (arg === '--answer' || arg === '--answer-file') {
      if (answer !== undefined) throw new UsageError(`grade: give one answer only (${USAGE})`);
      const value = args[++i];
      if (value === undefined) throw new UsageError(`grade: ${arg} needs a value (${USAGE})`);
      answer = arg === '--answer' ? value : readText(value, 'answer file');
    } else if (arg.startsWith('--'))
      throw new UsageError(`grade: unknown option '${arg}' (${USAGE})`);
    else positional.push(arg);
  }
  if (positional.length !== 2)
    throw new UsageError(
      `grade: expected LESSON and PRACTICE_ID, got ${positional.length} argument(s) (${USAGE})`,
    );
  if (answer === undefined)
    throw new UsageError(`grade: --answer or --answer-file is missing (${USAGE})`);
  return { lesson: positional[0], id: positional[1], answer, json };
}

function findItem(file: string, id: string): PracticeItem {
  const parsed = loadLesson(file, readText(file, 'lesson'));
  if (!parsed.lesson) {
    const first = parsed.problems[0];
    throw new UsageError(
      `grade: ${file}${first ? `:${first.line}:${first.column}: ${first.message}` : ' is not a lesson'}`,
    );
  }
  const items = parsed.lesson.steps.flatMap((step) =>
    step.blocks.flatMap((block) => (block.kind === 'practice' ? [block.item] : [])),
  );
  const item = items.find((candidate) => candidate.id === id);
  if (item) return item;
  const known = items.map((candidate) => candidate.id).join(', ') || 'none';
  throw new UsageError(`grade: ${file} has no practice item '${id}' (its items: ${known})`);
}

/** The Node Python kernel, started only for code answers (it takes seconds). */
async function nodePython(): Promise<IsolatedPython> {
  const { startNodeKernel } = await import('../python-node.ts');
  const kernel = await startNodeKernel();
  return {
    async run(cells) {
      kernel.reset();
      return cells.map((code) => kernel.runCell(code));
    },
  };
}

export async function main(args: string[]): Promise<number> {
  const options = parseArguments(args);
  const item = findItem(options.lesson, options.id);
  const python = item.answer.type === 'code' ? await nodePython() : undefined;
  let graded;
  try {
    graded = await gradeAnswer(item, options.answer, {
      autograd: autogradEvaluator,
      ...(python ? { python } : {}),
    });
  } catch (error) {
    if (error instanceof LessonKeyError)
      throw new UsageError(`grade: ${options.lesson}: item '${item.id}': ${error.message}`);
    throw error;
  }
  const { correct, score, feedback, parsed, parsedLatex } = graded.outcome;
  if (options.json)
    process.stdout.write(
      JSON.stringify({ correct, score, feedback, parsed, parsedLatex }, null, 2) + '\n',
    );
  else {
    const reading = parsed === null ? [] : [`read as: ${parsed}`];
    const verdict = `${correct ? 'right' : 'wrong'} (score ${score} of 1): ${feedback}`;
    process.stdout.write([...reading, verdict].join('\n') + '\n');
  }
  return correct ? 0 : 1;
}
