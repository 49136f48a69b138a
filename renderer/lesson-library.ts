// The lessons the host offered, parsed by core/lessons: lessons that loaded, in course order,
// and every problem found (a broken file never keeps the others from loading). A built-in
// lesson whose text is unchanged comes prebuilt, its data loaded when first asked for.
import prebuilt from 'virtual:gradlab-prebuilt-lessons';
import type { Lesson, LessonProblem } from '../core/lessons/types.ts';
import { lessonTextHash } from './lesson-hash.ts';
import { courseOrder, lessonSummary, type LessonSummary } from './lesson-summary.ts';
import type { LessonSource } from './host/api.ts';
import type { LessonEntry } from './ui/sidebar.ts';

interface Loaded {
  source: LessonSource;
  summary: LessonSummary | null;
  problems: LessonProblem[];
  lesson: () => Promise<Lesson | null>;
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

  /** True when the lesson loaded (its problems, if any, did not stop it). */
  has(key: string): boolean {
    return Boolean(this.loaded.get(key)?.summary);
  }

  async lesson(key: string): Promise<Lesson | undefined> {
    return (await this.loaded.get(key)?.lesson()) ?? undefined;
  }

  /** Loads every lesson's data now, so that opening one later never waits. */
  async loadAll(): Promise<void> {
    await Promise.all([...this.loaded.values()].map((entry) => entry.lesson()));
  }

  entries(): LessonEntry[] {
    return [...this.loaded.values()]
      .flatMap(({ source, summary }) => (summary ? [{ key: source.key, summary }] : []))
      .sort((a, b) => courseOrder(a.summary, b.summary))
      .map(({ key, summary }) => ({
        key,
        title: summary.title,
        stepCount: summary.stepCount,
        itemCount: summary.itemCount,
      }));
  }

  problems(): LessonProblem[] {
    return [...this.loaded.values()].flatMap((entry) => entry.problems);
  }
}

/** A built-in lesson as parsed at build time when its text is unchanged, else parsed now. */
async function load(source: LessonSource): Promise<Loaded> {
  if (source.skipped !== undefined) return unreadable(source, source.skipped);
  const ready = source.origin === 'builtin' ? prebuilt[source.fileName] : undefined;
  if (ready && ready.textHash === lessonTextHash(source.text)) {
    let data: Promise<Lesson | null> | undefined;
    return {
      source,
      summary: ready.summary,
      problems: ready.problems,
      lesson: () => (data ??= ready.load().then((module) => module.default)),
    };
  }
  try {
    const { parseLesson } = await import('../core/lessons/parse.ts');
    const { lesson, problems } = parseLesson(source.fileName, source.text);
    const summary = lesson ? lessonSummary(lesson) : null;
    return { source, summary, problems, lesson: () => Promise.resolve(lesson) };
  } catch (error) {
    return unreadable(
      source,
      `could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function unreadable(source: LessonSource, message: string): Loaded {
  return {
    source,
    summary: null,
    problems: [{ file: source.fileName, line: 1, column: 1, message }],
    lesson: () => Promise.resolve(null),
  };
}
