// A course folder's optional `course.yaml`: the course's title, and which of the folder's lesson
// files it holds, in which order. Without it a course is every lesson file, in lesson order.
// Problems point into course.yaml as the author wrote it (file:line:col).
import { z } from 'zod';
import type { LessonProblem } from './types.ts';
import { readYamlBlock } from './yaml-block.ts';
import { didYouMean } from './suggest.ts';

export const COURSE_FILE = 'course.yaml';

const courseFileSchema = z
  .strictObject({
    title: z.string().min(1).optional().describe('Title of the course, shown above its lessons'),
    lessons: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe("The course's lesson files, in order (file names in this folder)"),
  })
  .describe('course.yaml: title and lessons of a course folder');

export interface CourseOutline {
  title?: string;
  /** Lesson file names in course order; undefined: every lesson file of the folder. */
  lessons?: string[];
}

/**
 * @param file how to name course.yaml in problems
 * @param lessonFiles the lesson file names the folder holds
 */
export function readCourseFile(
  file: string,
  text: string,
  lessonFiles: readonly string[],
): { outline: CourseOutline; problems: LessonProblem[] } {
  const block = readYamlBlock(text, { line: 1, column: 1 }, 0, courseFileSchema, COURSE_FILE);
  const problems: LessonProblem[] = block.problems.map((problem) => ({ file, ...problem }));
  const outline = block.value ?? {};
  const seen = new Set<string>();
  outline.lessons?.forEach((name, index) => {
    const where = block.locate(['lessons', index]);
    if (!lessonFiles.includes(name))
      problems.push({
        file,
        ...where,
        message: `no lesson file '${name}' in this folder${didYouMean(name, lessonFiles)}`,
      });
    else if (seen.has(name))
      problems.push({ file, ...where, message: `'${name}' is listed twice` });
    seen.add(name);
  });
  return { outline, problems };
}

/** The lessons the outline names, in its order (every one when it names none). */
export function courseLessons<T extends { fileName: string }>(
  lessons: readonly T[],
  outline: CourseOutline,
): T[] {
  if (!outline.lessons) return [...lessons];
  const byName = new Map(lessons.map((lesson) => [lesson.fileName, lesson]));
  return [...new Set(outline.lessons)].flatMap((name) => {
    const lesson = byName.get(name);
    return lesson ? [lesson] : [];
  });
}
