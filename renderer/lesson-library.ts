// The lessons the host offered, parsed by core/lessons: lessons that loaded, in course order,
// and every problem found (a broken file never keeps the others from loading). A built-in
// lesson whose text is unchanged comes prebuilt, its data loaded when first asked for.
// A folder's course.yaml (offered like a lesson file) gives the course's title, and which of
// the folder's lessons it holds, in which order. Other lessons are parsed in a worker
// (lesson-parser/), so that reading them never holds up the page.
import prebuilt from 'virtual:gradlab-prebuilt-lessons';
import type { Lesson, LessonProblem } from '../core/lessons/types.ts';
import { lessonTextHash } from '../core/lessons/text-hash.ts';
import { courseOrder, lessonSummary, type LessonSummary } from './lesson-summary.ts';
import type { LessonSource } from './host/api.ts';
import type { LessonEntry } from './ui/sidebar.ts';
import { LessonParser } from './lesson-parser/lesson-parser.ts';

interface Loaded {
  source: LessonSource;
  summary: LessonSummary | null;
  problems: LessonProblem[];
  lesson: () => Promise<Lesson | null>;
}

interface Arrangement {
  title?: string;
  problems: LessonProblem[];
  /** Place in its course.yaml of each lesson it lists. */
  positions: Map<string, number>;
  /** Lessons of a folder whose course.yaml leaves them out. */
  hidden: Set<string>;
}

export class LessonLibrary {
  private readonly parser = new LessonParser();
  private loaded = new Map<string, Loaded>();
  /** The files being parsed now. */
  private readonly reading = new Set<string>();
  private readonly readingListeners = new Set<(files: readonly string[]) => void>();
  private courseFiles = new Map<string, LessonSource>();
  private arrangement: Arrangement = { problems: [], positions: new Map(), hidden: new Set() };

  async replace(sources: LessonSource[]): Promise<void> {
    const lessons = sources.filter((source) => !isCourseYaml(source));
    const loaded = await Promise.all(lessons.map((source) => this.load(source)));
    this.loaded = new Map(loaded.map((entry) => [entry.source.key, entry]));
    this.courseFiles = new Map(
      sources.filter(isCourseYaml).map((source) => [source.key, source] as const),
    );
    await this.arrange();
  }

  /**
   * Takes a changed file; resolves to true when its lesson must be shown afresh. A lesson that
   * no longer loads keeps its last version that did, beside the new problems.
   */
  async update(source: LessonSource): Promise<boolean> {
    let changed = false;
    if (isCourseYaml(source)) this.courseFiles.set(source.key, source);
    else {
      const fresh = await this.load(source);
      const previous = this.loaded.get(source.key);
      changed = fresh.summary !== null;
      this.loaded.set(
        source.key,
        changed || !previous?.summary ? fresh : { ...previous, source, problems: fresh.problems },
      );
    }
    await this.arrange();
    return changed;
  }

  /** True when the lesson loaded (its problems, if any, did not stop it) and is in the course. */
  has(key: string): boolean {
    return Boolean(this.loaded.get(key)?.summary) && !this.arrangement.hidden.has(key);
  }

  async lesson(key: string): Promise<Lesson | undefined> {
    return (await this.loaded.get(key)?.lesson()) ?? undefined;
  }

  /** Loads every lesson's data now, so that opening one later never waits. */
  async loadAll(): Promise<void> {
    await Promise.all([...this.loaded.values()].map((entry) => entry.lesson()));
  }

  /** Calls `listener` with the files being parsed whenever that list changes. */
  onReading(listener: (files: readonly string[]) => void): void {
    this.readingListeners.add(listener);
  }

  /** A built-in lesson as parsed at build time when its text is unchanged, else parsed now. */
  private async load(source: LessonSource): Promise<Loaded> {
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
    this.setReading(source.fileName, true);
    try {
      const { lesson, problems } = await this.parser.parse(source.fileName, source.text);
      const summary = lesson ? lessonSummary(lesson) : null;
      return { source, summary, problems, lesson: () => Promise.resolve(lesson) };
    } catch (error) {
      return unreadable(
        source,
        `could not be read: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      this.setReading(source.fileName, false);
    }
  }

  private setReading(fileName: string, reading: boolean): void {
    if (reading) this.reading.add(fileName);
    else this.reading.delete(fileName);
    for (const listener of this.readingListeners) listener([...this.reading]);
  }

  /** The title a course.yaml gives, if any. */
  title(): string | undefined {
    return this.arrangement.title;
  }

  /** The course's lessons in order: the built-in course first, then the folder's. */
  entries(): LessonEntry[] {
    const { positions } = this.arrangement;
    const place = (key: string) => positions.get(key) ?? Number.POSITIVE_INFINITY;
    return [...this.loaded.values()]
      .flatMap(({ source, summary }) =>
        summary && this.has(source.key) ? [{ source, summary }] : [],
      )
      .sort(
        (a, b) =>
          Number(a.source.origin !== 'builtin') - Number(b.source.origin !== 'builtin') ||
          place(a.source.key) - place(b.source.key) ||
          courseOrder(a.summary, b.summary),
      )
      .map(({ source, summary }) => ({
        key: source.key,
        id: summary.id,
        title: summary.title,
        stepCount: summary.stepCount,
        cellCount: summary.cellCount,
        itemCount: summary.itemCount,
      }));
  }

  /** The hash of a lesson's current text, as a submission records it. */
  textHash(key: string): string | null {
    const source = this.loaded.get(key)?.source;
    return source ? lessonTextHash(source.text) : null;
  }

  problems(): LessonProblem[] {
    const lessons = [...this.loaded.values()].filter(
      (entry) => !this.arrangement.hidden.has(entry.source.key),
    );
    return [...this.arrangement.problems, ...lessons.flatMap((entry) => entry.problems)];
  }

  /** Applies each folder's course.yaml to the lessons of that folder. */
  private async arrange(): Promise<void> {
    const arrangement: Arrangement = { problems: [], positions: new Map(), hidden: new Set() };
    if (this.courseFiles.size > 0) {
      const { courseLessons, readCourseFile } = await import('../core/lessons/course-file.ts');
      for (const courseFile of this.courseFiles.values()) {
        const folder = folderOf(courseFile.key);
        const sources = [...this.loaded.values()]
          .map((entry) => entry.source)
          .filter((source) => source.origin === 'folder' && folderOf(source.key) === folder);
        const { outline, problems } = readCourseFile(
          courseFile.fileName,
          courseFile.text,
          sources.map((source) => source.fileName),
        );
        arrangement.title ??= outline.title;
        arrangement.problems.push(...problems);
        if (!outline.lessons) continue;
        const chosen = courseLessons(sources, outline);
        chosen.forEach((source, index) => arrangement.positions.set(source.key, index));
        for (const source of sources)
          if (!chosen.includes(source)) arrangement.hidden.add(source.key);
      }
    }
    this.arrangement = arrangement;
  }
}

function isCourseYaml(source: LessonSource): boolean {
  return source.origin === 'folder' && /(^|[\\/:])course\.yaml$/i.test(source.key);
}

/** The folder part of a key: an absolute path's folder, or `course:` for a web course. */
function folderOf(key: string): string {
  return key.slice(0, Math.max(key.lastIndexOf('/'), key.lastIndexOf('\\')) + 1);
}

function unreadable(source: LessonSource, message: string): Loaded {
  return {
    source,
    summary: null,
    problems: [{ file: source.fileName, line: 1, column: 1, message }],
    lesson: () => Promise.resolve(null),
  };
}
