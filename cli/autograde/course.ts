// The lessons an autograde run grades against: every lesson file of the instructor's folder,
// with its practice items in course order and the hash of its text today.
import { loadLesson } from '../../core/lessons/load.ts';
import { lessonTextHash } from '../../core/lessons/text-hash.ts';
import type { Lesson, PracticeItem } from '../../core/lessons/types.ts';
import { lessonFiles } from '../commands/check.ts';
import { UsageError } from '../errors.ts';
import { readInputFile } from '../input-file.ts';

interface GradedLesson {
  lesson: Lesson;
  textHash: string;
  items: PracticeItem[];
}

export interface GradingCourse {
  lessons: Map<string, GradedLesson>;
  /** One gradebook column per item: `lessonId/itemId`, in course order. */
  columns: { lessonId: string; item: PracticeItem }[];
}

export function loadCourse(folder: string): GradingCourse {
  const loaded: GradedLesson[] = [];
  for (const file of lessonFiles(folder, 'autograde')) {
    const text = readInputFile(file, 'autograde');
    const { lesson, problems } = loadLesson(file, text);
    if (!lesson) {
      const first = problems[0];
      throw new UsageError(
        `autograde: ${file}:${first?.line ?? 1}:${first?.column ?? 1}: ${first?.message ?? 'not a lesson'} (run gradlab check)`,
      );
    }
    const items = lesson.steps.flatMap((step) =>
      step.blocks.flatMap((block) => (block.kind === 'practice' ? [block.item] : [])),
    );
    loaded.push({ lesson, textHash: lessonTextHash(text), items });
  }
  loaded.sort(
    (a, b) =>
      (a.lesson.meta.order ?? Infinity) - (b.lesson.meta.order ?? Infinity) ||
      a.lesson.meta.title.localeCompare(b.lesson.meta.title),
  );
  if (loaded.length === 0) throw new UsageError(`autograde: ${folder} has no lesson files`);
  return {
    lessons: new Map(loaded.map((entry) => [entry.lesson.meta.id, entry])),
    columns: loaded.flatMap((entry) =>
      entry.items.map((item) => ({ lessonId: entry.lesson.meta.id, item })),
    ),
  };
}
