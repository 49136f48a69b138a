// The lessons the host offered, parsed by core/lessons: lessons that loaded, in course order,
// and every problem found (a broken file never keeps the others from loading).
import prebuilt from 'virtual:gradlab-prebuilt-lessons';
import type { Lesson, LessonProblem } from '../core/lessons/types.ts';
import { lessonTextHash } from './lesson-hash.ts';
import type { LessonSource } from './host/api.ts';
import type { LessonEntry } from './ui/sidebar.ts';

interface Loaded {
  source: LessonSource;
  lesson: Lesson | null;
  problems: LessonProblem[];
}

export class LessonLibrary {
  private loaded = new Map<string, Loaded>();

  async replace(sources: LessonSource[]): Promise<void> {
    const loaded = await Promise.all(sources.map(load));
    this.loaded = new Map(loaded.map((entry) => [entry.source.key, entry]));
  }

  async update(source: LessonSource): Promise<void> {
    this.loaded.set(source.key, await load(source));
  }

  lesson(key: string): Lesson | undefined {
    return this.loaded.get(key)?.lesson ?? undefined;
  }

  entries(): LessonEntry[] {
    return [...this.loaded.values()]
      .flatMap(({ source, lesson }) => (lesson ? [{ source, lesson }] : []))
      .sort((a, b) => courseOrder(a.lesson, b.lesson))
      .map(({ source, lesson }) => ({
        key: source.key,
        title: lesson.meta.title,
        stepCount: lesson.steps.length,
        itemCount: lesson.steps
          .flatMap((step) => step.blocks)
          .filter((block) => block.kind === 'practice').length,
      }));
  }

  problems(): LessonProblem[] {
    return [...this.loaded.values()].flatMap((entry) => entry.problems);
  }
}

/** A built-in lesson as parsed at build time when its text is unchanged, else parsed now. */
async function load(source: LessonSource): Promise<Loaded> {
  const ready = source.origin === 'builtin' ? prebuilt[source.fileName] : undefined;
  if (ready && ready.textHash === lessonTextHash(source.text)) {
    return { source, lesson: ready.lesson, problems: ready.problems };
  }
  try {
    const { parseLesson } = await import('../core/lessons/parse.ts');
    const { lesson, problems } = parseLesson(source.fileName, source.text);
    return { source, lesson, problems };
  } catch (error) {
    const message = `could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return {
      source,
      lesson: null,
      problems: [{ file: source.fileName, line: 1, column: 1, message }],
    };
  }
}

/** Lessons with an `order` first (ascending), then the rest by title. */
function courseOrder(a: Lesson, b: Lesson): number {
  const orderA = a.meta.order ?? Number.POSITIVE_INFINITY;
  const orderB = b.meta.order ?? Number.POSITIVE_INFINITY;
  return orderA !== orderB ? orderA - orderB : a.meta.title.localeCompare(b.meta.title);
}
