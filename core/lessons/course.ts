// Checks across the lessons of one course (a folder): progress and grades are keyed by lesson
// id, so two lessons must never share one.
import type { LessonProblem } from './types.ts';
import type { ParsedLesson } from './parse.ts';

export function duplicateLessonIds(course: readonly ParsedLesson[]): LessonProblem[] {
  const firstFile = new Map<string, string>();
  const problems: LessonProblem[] = [];
  for (const { lesson, idAt } of course) {
    if (!lesson) continue;
    const { id } = lesson.meta;
    const first = firstFile.get(id);
    if (first === undefined) firstFile.set(id, lesson.file);
    else
      problems.push({
        file: lesson.file,
        ...idAt,
        message: `lesson id '${id}' is already used by ${first}: progress would be mixed up`,
      });
  }
  return problems;
}
