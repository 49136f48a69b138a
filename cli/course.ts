// A course folder as `gradlab build` and `gradlab preview` read it: the lesson files and
// course.yaml the desktop app reads (node/lesson-files.ts), checked as `gradlab check` does.
import { join } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { readLessonFolder } from '../node/lesson-files.ts';
import { COURSE_FILE, courseLessons, readCourseFile } from '../core/lessons/course-file.ts';
import { duplicateLessonIds } from '../core/lessons/course.ts';
import type { ParsedLesson } from '../core/lessons/parse.ts';
import type { LessonProblem } from '../core/lessons/types.ts';
import type { LessonServices } from '../core/lessons/services.ts';
import type { CourseFile } from '../renderer/host/published-course.ts';
import { loadLesson } from '../core/lessons/load.ts';
import { validateLesson } from '../core/lessons/validate.ts';
import { UsageError } from './errors.ts';

/** The folder's lesson files and course.yaml, by name. */
export async function readCourseFiles(folder: string): Promise<CourseFile[]> {
  try {
    const sources = await readLessonFolder(folder, 'folder');
    return sources.map(({ fileName, text }) => ({ fileName, text }));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`${folder}: cannot read this course folder (${code})`);
  }
}

/** The files with course.yaml's title set to `title` (course.yaml written if there was none). */
export function withTitle(files: CourseFile[], title: string): CourseFile[] {
  const existing = files.find((file) => file.fileName === COURSE_FILE);
  const document = parseDocument(existing?.text ?? '');
  if (!isMap(document.contents))
    return [...files, { fileName: COURSE_FILE, text: titleOnly(title) }];
  document.set('title', title);
  const courseFile = { fileName: COURSE_FILE, text: String(document) };
  return existing
    ? files.map((file) => (file === existing ? courseFile : file))
    : [...files, courseFile];
}

function titleOnly(title: string): string {
  return `title: ${JSON.stringify(title)}\n`;
}

/** What the course holds: the lessons course.yaml names (all without one), in its order. */
export function courseOutline(
  folder: string,
  files: CourseFile[],
): { lessons: CourseFile[]; title?: string; problems: LessonProblem[] } {
  const courseFile = files.find((file) => file.fileName === COURSE_FILE);
  const lessonFiles = files.filter((file) => file !== courseFile);
  if (!courseFile) return { lessons: lessonFiles, problems: [] };
  const { outline, problems } = readCourseFile(
    join(folder, COURSE_FILE),
    courseFile.text,
    lessonFiles.map((file) => file.fileName),
  );
  return { lessons: courseLessons(lessonFiles, outline), title: outline.title, problems };
}

/** Every problem of the course, as `gradlab check` finds them, each naming its file in folder. */
export async function checkCourse(
  folder: string,
  files: CourseFile[],
  services: LessonServices,
): Promise<{ lessons: CourseFile[]; title?: string; problems: LessonProblem[] }> {
  const outline = courseOutline(folder, files);
  const problems = [...outline.problems];
  if (outline.lessons.length === 0)
    problems.push({ file: folder, line: 1, column: 1, message: 'no lesson files in this folder' });
  const parsed: ParsedLesson[] = [];
  for (const lesson of outline.lessons) {
    const checked = await checkLessonText(join(folder, lesson.fileName), lesson.text, services);
    if (checked.parsed) parsed.push(checked.parsed);
    problems.push(...checked.problems);
  }
  problems.push(...duplicateLessonIds(parsed));
  return { ...outline, problems };
}

export function problemLine(problem: LessonProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** Every problem of one lesson file's text, sorted by place; never throws. */
export async function checkLessonText(
  file: string,
  text: string,
  services: LessonServices,
): Promise<{ parsed?: ParsedLesson; problems: LessonProblem[] }> {
  try {
    const parsed = loadLesson(file, text);
    const problems = [...parsed.problems, ...(await validateLesson(parsed, services))];
    return { parsed, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `internal error while checking: ${reason}`;
    return { problems: [{ file, line: 1, column: 1, message }] };
  }
}
