// The student's progress: which steps of each lesson were seen, and each practice item's
// attempts and score. Stored through the host as one JSON document; read back defensively.
import type { ItemProgress, LessonProgress, ProgressDocument } from './progress-schema.ts';
import type { HostApi } from '../host/api.ts';
import { mergeProgressInto } from './merge.ts';
import { emptyItem } from './empty-item.ts';

export type { ItemProgress, LessonProgress, ProgressDocument } from './progress-schema.ts';

function emptyDocument(): ProgressDocument {
  return { version: 1, currentLesson: null, lessons: {}, student: null };
}

const SAVE_RETRY_MS = 5000;

/** Only stored progress needs the schema (and zod): a first visit never loads them. */
async function readStored(data: unknown) {
  const { readProgress } = await import('./progress-schema.ts');
  return readProgress(data, new Date());
}

export class Progress {
  private doc: ProgressDocument = emptyDocument();
  private readonly listeners = new Set<() => void>();
  private saving: Promise<void> = Promise.resolve();
  private readonly host: HostApi;
  private readonly saveListeners = new Set<(problem: string | null) => void>();
  private saveFailed = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  /** After a reset, the next save replaces what is stored instead of merging with it. */
  private replaceStored = false;

  constructor(host: HostApi) {
    this.host = host;
  }

  /** Loads the stored document; returns a sentence for the student if something was wrong. */
  async load(): Promise<string | undefined> {
    this.host.onProgressSavedElsewhere?.((data) => {
      this.saving = this.saving.then(() => this.mergeFromElsewhere(data));
    });
    const stored = await this.host.loadProgress();
    if (stored.data === null) return stored.notice;
    const { document, damaged } = await readStored(stored.data);
    this.doc = document;
    if (damaged.length === 0) return stored.notice;
    this.changed();
    return [
      stored.notice,
      `Part of your saved progress could not be read (${damaged.join('; ')}): the rest was ` +
        'kept, and a copy of the record as it was is kept with your progress.',
    ]
      .filter(Boolean)
      .join(' ');
  }

  /** Called with a sentence whenever a save fails (the save is tried again), or null once one succeeds. */
  onSaveProblem(listener: (problem: string | null) => void): void {
    this.saveListeners.add(listener);
  }

  get document(): Readonly<ProgressDocument> {
    return this.doc;
  }

  lesson(key: string, title: string, stepCount: number): LessonProgress {
    let lesson = this.doc.lessons[key];
    if (!lesson) {
      lesson = { title, step: 0, stepsSeen: [], cellsRun: [], stepCount, items: {} };
      this.doc.lessons[key] = lesson;
    }
    lesson.title = title;
    lesson.stepCount = stepCount;
    return lesson;
  }

  item(lessonKey: string, itemId: string): ItemProgress {
    const lesson = this.doc.lessons[lessonKey];
    if (!lesson) throw new Error(`No progress for lesson ${lessonKey}`);
    lesson.items[itemId] ??= emptyItem();
    return lesson.items[itemId];
  }

  setCurrentLesson(key: string): void {
    if (this.doc.currentLesson === key) return;
    this.doc.currentLesson = key;
    this.changed();
  }

  markStep(lesson: LessonProgress, step: number): void {
    lesson.step = step;
    if (!lesson.stepsSeen.includes(step)) lesson.stepsSeen.push(step);
    this.changed();
  }

  markCellRun(lesson: LessonProgress, cell: number): void {
    if (lesson.cellsRun.includes(cell)) return;
    lesson.cellsRun.push(cell);
    this.changed();
  }

  setStudent(student: { name: string; id: string }): void {
    this.doc.student = student;
    this.changed();
  }

  /** Forgets steps, attempts and scores; the student's name and id stay. */
  reset(): void {
    this.doc = { ...emptyDocument(), student: this.doc.student };
    this.replaceStored = true;
    this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Saves (in order, one write at a time) and tells listeners. */
  changed(): void {
    this.saving = this.saving.then(() => this.save());
    for (const listener of this.listeners) listener();
  }

  /**
   * Writes the document; where other tabs share the storage, what they saved meanwhile is merged
   * in, in the same step as the write. A failed save (storage full) is reported and tried again
   * a little later.
   */
  private async save(): Promise<void> {
    clearTimeout(this.retry);
    try {
      if (this.host.updateProgress && !this.replaceStored) {
        const { readProgress } = await import('./progress-schema.ts');
        await this.host.updateProgress((stored) => {
          if (stored !== null)
            mergeProgressInto(this.doc, readProgress(stored, new Date()).document);
          return structuredClone(this.doc);
        });
      } else await this.host.saveProgress(structuredClone(this.doc));
      this.replaceStored = false;
      if (this.saveFailed) for (const listener of this.saveListeners) listener(null);
      this.saveFailed = false;
    } catch (error) {
      this.saveFailed = true;
      const reason = error instanceof Error ? error.message : String(error);
      const problem = `Your progress could not be saved (${reason}). Gradlab will try again in a few seconds; until then, "Export grades" keeps a copy.`;
      for (const listener of this.saveListeners) listener(problem);
      this.retry = setTimeout(() => {
        this.saving = this.saving.then(() => this.save());
      }, SAVE_RETRY_MS);
    }
  }

  private async mergeFromElsewhere(data: unknown): Promise<void> {
    mergeProgressInto(this.doc, (await readStored(data)).document);
    for (const listener of this.listeners) listener();
  }

  /** Resolves when every save started so far has finished. */
  flushed(): Promise<void> {
    return this.saving;
  }
}
