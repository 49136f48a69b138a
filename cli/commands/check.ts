// `gradlab check PATH...`: validates lesson files and folders of them (and a folder's
// course.yaml), printing one `file:line:col: message` line per problem. Exit status 0 when all are clean, 1 when any
// problem was found, 2 for bad arguments. One broken lesson never stops the others.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { COURSE_FILE } from '../../core/lessons/course-file.ts';
import type { ParsedLesson } from '../../core/lessons/parse.ts';
import { duplicateLessonIds } from '../../core/lessons/course.ts';
import type { LessonServices } from '../../core/lessons/services.ts';
import type { LessonProblem } from '../../core/lessons/types.ts';
import { symbolicServices } from '../../core/grading/symbolic-services.ts';
import { pythonSyntaxService } from '../../core/lessons/python-syntax.ts';
import { PythonSandbox } from '../sandbox/sandbox.ts';
import { isolatedPython } from '../sandbox/isolated.ts';
import { TIMEOUT_OPTION, cellSeconds } from '../sandbox/timeout-option.ts';
import { parseCommandArgs } from '../arguments.ts';
import { terminalText } from '../terminal-text.ts';
import { readInputFile } from '../input-file.ts';
import { solutionGrader } from '../../core/grading/services.ts';
import { autogradEvaluator } from '../../core/symbolic/autograd.ts';
import { UsageError } from '../errors.ts';
import { checkLessonText, courseOutline, readCourseFiles } from '../course.ts';

const USAGE = 'usage: gradlab check PATH... [--timeout SECONDS]';
/** In folders: lesson files and notebooks, not the authoring guide or other notes. */
const FOLDER_EXTENSIONS = ['.md', '.ipynb'];
const SKIPPED_IN_FOLDERS = new Set(['README.md', 'node_modules', '.git']);

export async function main(args: string[]): Promise<number> {
  const { positionals: paths, values } = parseCommandArgs('check', USAGE, args, TIMEOUT_OPTION);
  if (paths.length === 0) throw new UsageError(`check: no PATH given (${USAGE})`);
  const files = paths.flatMap((path) => lessonFiles(path));
  const python = new PythonSandbox({ cellSeconds: cellSeconds('check', values.timeout) });
  try {
    return await checkFiles(files, paths, nodeLessonServices(python));
  } finally {
    python.close();
  }
}

async function checkFiles(
  files: string[],
  paths: string[],
  services: LessonServices,
): Promise<number> {
  let problemCount = 0;
  const report = (problems: LessonProblem[]) => {
    problemCount += problems.length;
    for (const problem of problems)
      process.stdout.write(
        terminalText(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}`) +
          '\n',
      );
  };
  const course: ParsedLesson[] = [];
  for (const file of files) {
    const checked = await checkFile(file, services);
    if (checked.parsed) course.push(checked.parsed);
    report(checked.problems);
  }
  report(duplicateLessonIds(course));
  for (const path of paths)
    if (existsSync(join(path, COURSE_FILE)))
      report(courseOutline(path, await readCourseFiles(path)).problems);
  const summary = `${files.length} lesson file${files.length === 1 ? '' : 's'} checked`;
  process.stderr.write(
    problemCount === 0
      ? `${summary}, no problems\n`
      : `${summary}, ${problemCount} problem${problemCount === 1 ? '' : 's'}\n`,
  );
  return problemCount === 0 ? 0 : 1;
}

/**
 * Every validation service, as `gradlab check` uses them: core/symbolic with the autograd
 * engine, and sandboxed Python for syntax and the grader.
 */
export function nodeLessonServices(python: PythonSandbox): LessonServices {
  return {
    ...symbolicServices(autogradEvaluator),
    ...pythonSyntaxService((code) => python.run(code, { fresh: true })),
    ...solutionGrader(autogradEvaluator, isolatedPython(python)),
  };
}

/** Every lesson file a PATH names: the file itself, or a folder's lesson files, sorted. */
export function lessonFiles(path: string, command = 'check'): string[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new UsageError(`${command}: ${path}: no such file or folder`);
  }
  if (!isFolder) return [path];
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (SKIPPED_IN_FOLDERS.has(entry.name) || entry.name.startsWith('.')) continue;
      const child = join(folder, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (FOLDER_EXTENSIONS.some((extension) => entry.name.toLowerCase().endsWith(extension)))
        found.push(child);
    }
  };
  walk(path);
  return found;
}

async function checkFile(
  file: string,
  services: LessonServices,
): Promise<{ parsed?: ParsedLesson; problems: LessonProblem[] }> {
  return checkLessonText(file, readInputFile(file, 'check'), services);
}
