// The student's progress as the page keeps it: two tabs sharing one storage merge item by item,
// a failed save is said and tried again, and a damaged record keeps what can be read.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostApi, StoredProgress } from '../../renderer/host/api.ts';
import { emptyItem } from '../../renderer/progress/empty-item.ts';
import { Progress, type ProgressDocument } from '../../renderer/progress/progress.ts';
import { mergeProgressInto } from '../../renderer/progress/merge.ts';
import { WebHost } from '../../renderer/host/web.ts';

/** One browser profile's storage, shared by its tabs (each tab hears the others' saves). */
class SharedStorage {
  text: string | null = null;
  readonly tabs = new Set<(data: unknown) => void>();

  tab(save = (text: string) => void (this.text = text)): HostApi {
    let hearOthers: ((data: unknown) => void) | undefined;
    const host: Partial<HostApi> = {
      loadProgress: async (): Promise<StoredProgress> => ({
        data: this.text === null ? null : (JSON.parse(this.text) as unknown),
      }),
      saveProgress: async (data) => {
        save(JSON.stringify(data));
        for (const other of this.tabs) if (other !== hearOthers) other(data);
      },
      updateProgress: async (update) => {
        const data = update(this.text === null ? null : JSON.parse(this.text));
        save(JSON.stringify(data));
        for (const other of this.tabs) if (other !== hearOthers) other(data);
      },
      onProgressSavedElsewhere: (listener) => {
        hearOthers = listener;
        this.tabs.add(listener);
      },
    };
    return host as HostApi;
  }

  get stored() {
    return JSON.parse(this.text ?? 'null') as Progress['document'];
  }
}

async function openTab(storage: SharedStorage, host = storage.tab()): Promise<Progress> {
  const progress = new Progress(host);
  await progress.load();
  return progress;
}

/** A check of a practice item's answer, as the practice panel records it. */
function attempt(progress: Progress, lesson: string, item: string, time: string): void {
  progress.lesson(lesson, lesson, 3);
  const record = progress.item(lesson, item);
  record.attempts += 1;
  record.lastAnswer = `answer at ${time}`;
  record.time = time;
  progress.changed();
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('progress in two tabs', () => {
  it("keeps both tabs' lessons", async () => {
    const storage = new SharedStorage();
    const [first, second] = [await openTab(storage), await openTab(storage)];
    first.markStep(first.lesson('derivatives', 'Derivatives', 3), 2);
    attempt(second, 'partials', 'q1', '2026-12-07T10:00:00Z');
    await Promise.all([first.flushed(), second.flushed()]);
    expect(Object.keys(storage.stored.lessons).sort()).toEqual(['derivatives', 'partials']);
    expect(storage.stored.lessons.derivatives.stepsSeen).toEqual([2]);
  });

  it('never loses an attempt made in either tab on the same item', async () => {
    const storage = new SharedStorage();
    const [first, second] = [await openTab(storage), await openTab(storage)];
    // Each tab hears the other's save (a storage event) before its student checks again.
    const bothSettled = async (saver: Progress, hearer: Progress) => {
      await saver.flushed();
      await hearer.flushed();
    };
    attempt(first, 'derivatives', 'q1', '2026-12-07T10:00:00Z');
    await bothSettled(first, second);
    attempt(second, 'derivatives', 'q1', '2026-12-07T10:01:00Z');
    await bothSettled(second, first);
    attempt(first, 'derivatives', 'q1', '2026-12-07T10:02:00Z');
    await bothSettled(first, second);
    expect(storage.stored.lessons.derivatives.items.q1).toMatchObject({
      attempts: 3,
      lastAnswer: 'answer at 2026-12-07T10:02:00Z',
    });
  });
});

describe('merging two copies of one item', () => {
  it('counts the attempts of both when each tab checked without hearing the other', () => {
    const copy = (answer: string, time: string): ProgressDocument => ({
      version: 1,
      currentLesson: null,
      student: null,
      lessons: {
        derivatives: {
          title: 'Derivatives',
          step: 0,
          stepsSeen: [],
          cellsRun: [],
          stepCount: 3,
          items: {
            q1: {
              ...emptyItem(),
              attempts: 1,
              lastAnswer: answer,
              time,
              history: [{ answer, time, lessonHash: null }],
            },
          },
        },
      },
    });
    const mine = copy('2', '2026-12-07T10:00:00Z');
    mergeProgressInto(mine, copy('3', '2026-12-07T10:01:00Z'));
    expect(mine.lessons.derivatives!.items.q1).toMatchObject({ attempts: 2, lastAnswer: '3' });
  });
});

describe('a save that fails', () => {
  it('is said, tried again, and the notice goes once a save succeeds', async () => {
    vi.useFakeTimers();
    const storage = new SharedStorage();
    let full = true;
    const host = storage.tab((text) => {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      storage.text = text;
    });
    const progress = await openTab(storage, host);
    const problems: (string | null)[] = [];
    progress.onSaveProblem((problem) => problems.push(problem));
    attempt(progress, 'derivatives', 'q1', '2026-12-07T10:00:00Z');
    await progress.flushed();
    expect(problems).toEqual([
      'Your progress could not be saved (The quota has been exceeded.). Gradlab will try again in a few seconds; until then, "Export grades" keeps a copy.',
    ]);
    full = false;
    await vi.advanceTimersByTimeAsync(5000);
    await progress.flushed();
    expect(problems.at(-1)).toBeNull();
    expect(storage.stored.lessons.derivatives.items.q1.attempts).toBe(1);
  });
});

describe('a stored record with a damaged field', () => {
  it('keeps the rest, keeps a copy of the record as it was, and says so', async () => {
    const storage = new SharedStorage();
    const damaged = {
      version: 1,
      currentLesson: 'derivatives',
      lessons: {
        derivatives: {
          title: 'Derivatives',
          step: 1,
          stepsSeen: [0, 1],
          stepCount: 3,
          items: {
            q1: {
              attempts: 3,
              score: 'high',
              correct: true,
              hintsShown: 1,
              solutionShown: false,
              lastAnswer: '3x^2',
              time: '2026-12-07T10:00:00Z',
            },
          },
        },
      },
    };
    storage.text = JSON.stringify(damaged);
    const progress = new Progress(storage.tab());
    await expect(progress.load()).resolves.toBe(
      'Part of your saved progress could not be read (lessons › derivatives › items › q1 › score): the rest was kept, and a copy of the record as it was is kept with your progress.',
    );
    await progress.flushed();
    const { lessons, setAside } = storage.stored;
    expect(lessons.derivatives).toMatchObject({ stepsSeen: [0, 1], step: 1 });
    expect(lessons.derivatives.items.q1).toMatchObject({ attempts: 3, score: 0, correct: true });
    expect(setAside?.map((copy) => JSON.parse(copy.record) as unknown)).toEqual([damaged]);
  });
});

describe('the web build without storage', () => {
  it('starts with one notice, keeps working, and offers Export grades', async () => {
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    // The built-in course's page: no published course in it.
    vi.stubGlobal('document', { getElementById: () => null });
    const progress = new Progress(new WebHost());
    await expect(progress.load()).resolves.toMatch(
      /^This browser does not let Gradlab store anything .* Use "Export grades" to keep a copy\.$/,
    );
    const problems: (string | null)[] = [];
    progress.onSaveProblem((problem) => problems.push(problem));
    attempt(progress, 'derivatives', 'q1', '2026-12-07T10:00:00Z');
    await progress.flushed();
    expect(problems).toEqual([]);
    expect(progress.document.lessons.derivatives.items.q1.attempts).toBe(1);
  });
});
