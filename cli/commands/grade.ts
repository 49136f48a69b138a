// `gradlab grade LESSON PRACTICE_ID (--answer TEXT | --answer-file FILE) [--json]`: grades one
// answer to one practice item. Exit status 0 for a right answer, 1 for a wrong or
// unreadable one, 2 for bad arguments or a lesson whose item cannot be graded.
import { loadLesson } from '../../core/lessons/load.ts';
import type { PracticeItem } from '../../core/lessons/types.ts';
import { gradeAnswer } from '../../core/grading/grade.ts';
import { LessonKeyError } from '../../core/grading/outcome.ts';
import { autogradEvaluator } from '../../core/symbolic/autograd.ts';
import { parseCommandArgs } from '../arguments.ts';
import { UsageError } from '../errors.ts';
import { readInputFile } from '../input-file.ts';
import { isolatedPython } from '../sandbox/isolated.ts';
import { PythonSandbox } from '../sandbox/sandbox.ts';
import { TIMEOUT_OPTION, cellSeconds } from '../sandbox/timeout-option.ts';
import { terminalJson, terminalText } from '../terminal-text.ts';

const USAGE =
  'usage: gradlab grade LESSON PRACTICE_ID (--answer TEXT | --answer-file FILE) [--json] [--timeout SECONDS]';

interface GradeArguments {
  lesson: string;
  id: string;
  answer: string;
  json: boolean;
  cellSeconds: number;
}

function parseArguments(args: string[]): GradeArguments {
  const { positionals, values } = parseCommandArgs('grade', USAGE, args, {
    answer: { type: 'string', multiple: true },
    'answer-file': { type: 'string', multiple: true },
    json: { type: 'boolean' },
    ...TIMEOUT_OPTION,
  });
  const answers = [...(values.answer ?? []), ...(values['answer-file'] ?? [])];
  if (answers.length > 1) throw new UsageError(`grade: give one answer only (${USAGE})`);
  if (positionals.length !== 2)
    throw new UsageError(
      `grade: expected LESSON and PRACTICE_ID, got ${positionals.length} argument(s) (${USAGE})`,
    );
  const answerFile = values['answer-file']?.[0];
  const answer =
    values.answer?.[0] ??
    (answerFile === undefined ? undefined : readInputFile(answerFile, 'grade'));
  if (answer === undefined)
    throw new UsageError(`grade: --answer or --answer-file is missing (${USAGE})`);
  return {
    lesson: positionals[0],
    id: positionals[1],
    answer,
    json: values.json === true,
    cellSeconds: cellSeconds('grade', values.timeout),
  };
}

function findItem(file: string, id: string): PracticeItem {
  const parsed = loadLesson(file, readInputFile(file, 'grade'));
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

export async function main(args: string[]): Promise<number> {
  const options = parseArguments(args);
  const item = findItem(options.lesson, options.id);
  // Started only for code answers: maths is graded without Python.
  const sandbox = item.answer.type === 'code' ? new PythonSandbox(options) : undefined;
  let graded;
  try {
    graded = await gradeAnswer(item, options.answer, {
      autograd: autogradEvaluator,
      ...(sandbox ? { python: isolatedPython(sandbox) } : {}),
    });
  } catch (error) {
    if (error instanceof LessonKeyError)
      throw new UsageError(`grade: ${options.lesson}: item '${item.id}': ${error.message}`);
    throw error;
  } finally {
    sandbox?.close();
  }
  const { correct, score, feedback, parsed, parsedLatex } = graded.outcome;
  if (options.json)
    process.stdout.write(terminalJson({ correct, score, feedback, parsed, parsedLatex }, 2) + '\n');
  else {
    const reading = parsed === null ? [] : [`read as: ${parsed}`];
    const verdict = `${correct ? 'right' : 'wrong'} (score ${score} of 1): ${feedback}`;
    process.stdout.write(terminalText([...reading, verdict].join('\n')) + '\n');
  }
  return correct ? 0 : 1;
}
