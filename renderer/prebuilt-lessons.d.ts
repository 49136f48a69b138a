// The built-in lessons, parsed by core/lessons when the renderer was built (see
// vite.renderer.config.mts), so no lesson needs the parser in the page. Each lesson's data is a
// chunk of its own, loaded when first needed, except the first in course order, which comes with
// the app's code so that a first visit shows it at once.
declare module 'virtual:gradlab-prebuilt-lessons' {
  import type { Lesson, LessonProblem } from '../core/lessons/types.ts';
  import type { LessonSummary } from './lesson-summary.ts';

  export interface PrebuiltLesson {
    /** lessonTextHash of the text that was parsed. */
    textHash: string;
    /** null when the lesson did not load (its problems say why). */
    summary: LessonSummary | null;
    problems: LessonProblem[];
    load: () => Promise<{ default: Lesson | null }>;
  }

  /** By file name, e.g. `01-derivatives.md`. */
  const lessons: Record<string, PrebuiltLesson>;
  export default lessons;
}
