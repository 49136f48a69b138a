// What the lesson list needs to know of a lesson without holding the lesson itself, and the
// course order. Used by the page and by the build (which ships each built-in lesson apart).
import type { Lesson } from '../core/lessons/types.ts';

export interface LessonSummary {
  /** The lesson's id, which names it in addresses (`#/<id>`). */
  id: string;
  title: string;
  order?: number;
  stepCount: number;
  cellCount: number;
  itemCount: number;
}

export function lessonSummary(lesson: Lesson): LessonSummary {
  const { id, title, order } = lesson.meta;
  return {
    id,
    title,
    ...(order === undefined ? {} : { order }),
    stepCount: lesson.steps.length,
    cellCount: lesson.steps
      .flatMap((step) => step.blocks)
      .filter((block) => block.kind === 'python').length,
    itemCount: lesson.steps
      .flatMap((step) => step.blocks)
      .filter((block) => block.kind === 'practice').length,
  };
}

/** Lessons with an `order` first (ascending), then the rest by title. */
export function courseOrder(a: LessonSummary, b: LessonSummary): number {
  const orderA = a.order ?? Number.POSITIVE_INFINITY;
  const orderB = b.order ?? Number.POSITIVE_INFINITY;
  return orderA !== orderB ? orderA - orderB : a.title.localeCompare(b.title);
}
