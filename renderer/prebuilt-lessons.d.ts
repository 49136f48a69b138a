// The built-in lessons, parsed by core/lessons when the renderer was built (see
// vite.renderer.config.mts), so the first lesson shows without loading the parser.
declare module 'virtual:gradlab-prebuilt-lessons' {
  import type { Lesson, LessonProblem } from '../core/lessons/types.ts';

  export interface PrebuiltLesson {
    /** lessonTextHash of the text that was parsed. */
    textHash: string;
    lesson: Lesson | null;
    problems: LessonProblem[];
  }

  /** By file name, e.g. `01-derivatives.md`. */
  const lessons: Record<string, PrebuiltLesson>;
  export default lessons;
}
