// The student's progress: which steps of each lesson were seen, and each practice item's
// attempts and score. Stored through the host as one JSON document; read back defensively.
import type { ItemProgress, LessonProgress, ProgressDocument } from './progress-schema.ts';
import type { HostApi } from '../host/api.ts';

export type { ItemProgress, LessonProgress, ProgressDocument } from './progress-schema.ts';

function emptyDocument(): ProgressDocument {
  return { version: 1, currentLesson: null, lessons: {}, student: null };
}

export function emptyItem(): ItemProgress {
  return {
    attempts: 0,
    score: 0,
    correct: false,
    hintsShown: 0,
    solutionShown: false,
    lastAnswer: '',
    time: '',
    history: [],
  };
}

export class Progress {
  private doc: ProgressDocument = emptyDocument();
  private readonly listeners = new Set<() => void>();
  private saving: Promise<void> = Promise.resolve();
  private readonly host: HostApi;

  constructor(host: HostApi) {
    this.host = host;
  }

  /** Loads the stored document; returns a sentence for the student if something was wrong. */
  async load(): Promise<string | undefined> {
    const stored = await this.host.loadProgress();
    if (stored.data === null) return stored.notice;
    // Only stored progress needs the schema (and zod): a first visit never loads them.
    const { progressSchema } = await import('./progress-schema.ts');
    const parsed = progressSchema.safeParse(stored.data);
    if (parsed.success) {
      this.doc = parsed.data;
      return stored.notice;
    }
    return (
      (stored.notice ? stored.notice + ' ' : '') +
      'Saved progress was in an unknown format and was not used; it will be replaced on the next save.'
    );
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
    this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Saves (in order, one write at a time) and tells listeners. */
  changed(): void {
    const snapshot = structuredClone(this.doc);
    this.saving = this.saving.then(() => this.host.saveProgress(snapshot)).catch(() => undefined);
    for (const listener of this.listeners) listener();
  }

  /** Resolves when every save started so far has finished. */
  flushed(): Promise<void> {
    return this.saving;
  }
}
