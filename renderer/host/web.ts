// The web build's host: built-in lessons bundled into the page, or the course the page carries
// (a site made by `gradlab build`, or `gradlab preview`, whose saved files arrive as events),
// progress in localStorage, grades exported as a download, lesson folders opened with the
// browser's folder picker.
import type { HostApi, LessonSource, StoredProgress } from './api.ts';
import {
  COURSE_EVENTS_PATH,
  isCourseFile,
  readPublishedCourse,
  type CourseFile,
} from './published-course.ts';

const builtinProgressKey = 'gradlab.progress.v1';
const lessonFilePattern = /\.(md|ipynb)$/i;
const folderPollMs = 2000;

const builtinFiles = import.meta.glob<string>(['/lessons/*.md', '!/lessons/README.md'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function builtinLessons(): LessonSource[] {
  return (
    Object.entries(builtinFiles)
      .map(([path, text]) => {
        const fileName = path.replace(/^.*\//, '');
        return { key: `builtin:${fileName}`, fileName, text, origin: 'builtin' as const };
      })
      // By code unit: a locale's collation would cost its set-up (milliseconds) at start-up.
      .sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0))
  );
}

const STORAGE_DENIED =
  'This browser does not let Gradlab store anything (private browsing or a policy), so your ' +
  'progress lasts only while this tab is open. Use "Export grades" to keep a copy.';

/** The page's localStorage, or null where the browser denies it (reading it throws). */
function localStorageIfAllowed(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

interface WatchedFile {
  handle: FileSystemFileHandle;
  lastModified: number;
  path: string;
}

/** The File System Access API's picker, where the browser has it (Chromium); not in lib.dom. */
type DirectoryPicker = () => Promise<FileSystemDirectoryHandle>;

export class WebHost implements HostApi {
  readonly kind = 'web' as const;
  private readonly published = readPublishedCourse(document);
  private courseLessons = this.published?.files.map(courseLesson) ?? [];
  private folderLessons: LessonSource[] = [];
  /** Sites on one origin (user.github.io/course-a/, …/course-b/) share localStorage: a course's
   *  progress is stored under its page's folder so that two courses never mix. */
  private readonly progressKey = this.published
    ? `${builtinProgressKey}:${location.pathname.replace(/[^/]*$/, '')}`
    : builtinProgressKey;
  private readonly listeners = new Set<(lesson: LessonSource) => void>();
  private watched: WatchedFile[] = [];
  private pollTimer: ReturnType<typeof setInterval> | undefined;

  async listLessons(): Promise<LessonSource[]> {
    const builtin = this.published?.withBuiltin === false ? [] : builtinLessons();
    return [...builtin, ...this.courseLessons, ...this.folderLessons];
  }

  async openLessonFolder(): Promise<LessonSource[] | null> {
    const picker = (window as unknown as { showDirectoryPicker?: DirectoryPicker })
      .showDirectoryPicker;
    const lessons = picker ? await this.pickWithHandle(picker) : await this.pickWithInput();
    if (lessons === null) return null;
    this.folderLessons = lessons;
    return lessons;
  }

  onLessonChanged(listener: (lesson: LessonSource) => void): () => void {
    if (this.published?.live && this.listeners.size === 0) this.listenToPreview();
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `gradlab preview` sends each saved file of the course; EventSource reconnects by itself. */
  private listenToPreview(): void {
    const events = new EventSource(new URL(COURSE_EVENTS_PATH, document.baseURI));
    events.addEventListener('message', (event: MessageEvent<string>) => {
      const file = JSON.parse(event.data) as unknown;
      if (!isCourseFile(file)) return;
      const lesson = courseLesson(file);
      this.courseLessons = [
        ...this.courseLessons.filter((known) => known.key !== lesson.key),
        lesson,
      ];
      for (const listener of this.listeners) listener(lesson);
    });
  }

  async loadProgress(): Promise<StoredProgress> {
    const storage = localStorageIfAllowed();
    if (storage === null) return { data: null, notice: STORAGE_DENIED };
    const text = storage.getItem(this.progressKey);
    if (text === null) return { data: null };
    try {
      return { data: JSON.parse(text) as unknown };
    } catch {
      storage.setItem(`${this.progressKey}.corrupt-${Date.now()}`, text);
      storage.removeItem(this.progressKey);
      return {
        data: null,
        notice: 'Saved progress could not be read; it was set aside and a fresh record started.',
      };
    }
  }

  /** Without storage (said once, when loading) progress lasts as long as the tab. */
  async saveProgress(data: unknown): Promise<void> {
    localStorageIfAllowed()?.setItem(this.progressKey, JSON.stringify(data));
  }

  /** Read and write in one task: no other tab of this browser runs in between. */
  async updateProgress(update: (stored: unknown) => unknown): Promise<void> {
    const storage = localStorageIfAllowed();
    if (storage === null) return;
    const text = storage.getItem(this.progressKey);
    let stored: unknown = null;
    try {
      stored = text === null ? null : (JSON.parse(text) as unknown);
    } catch {
      // Unreadable: loadProgress set it aside when the page started; this save replaces it.
    }
    storage.setItem(this.progressKey, JSON.stringify(update(stored)));
  }

  onProgressSavedElsewhere(listener: (data: unknown) => void): void {
    if (localStorageIfAllowed() === null) return;
    window.addEventListener('storage', (event) => {
      if (event.key !== this.progressKey || event.newValue === null) return;
      try {
        listener(JSON.parse(event.newValue) as unknown);
      } catch {
        // Another tab wrote something unreadable: this tab's next load sets it aside.
      }
    });
  }

  async exportGrades(csv: string, suggestedName: string): Promise<string | null> {
    return download(csv, 'text/csv', suggestedName);
  }

  async exportSubmission(json: string, suggestedName: string): Promise<string | null> {
    return download(json, 'application/json', suggestedName);
  }

  async openExternal(url: string): Promise<void> {
    if (!/^https?:\/\//i.test(url)) return;
    window.open(url, '_blank', 'noopener,noreferrer');
  }

  private async pickWithHandle(picker: DirectoryPicker): Promise<LessonSource[] | null> {
    let directory: FileSystemDirectoryHandle;
    try {
      directory = await picker();
    } catch {
      return null; // cancelled
    }
    const watched: WatchedFile[] = [];
    for await (const handle of directory.values()) {
      if (handle.kind !== 'file' || !lessonFilePattern.test(handle.name)) continue;
      const file = await handle.getFile();
      watched.push({
        handle,
        lastModified: file.lastModified,
        path: `${directory.name}/${file.name}`,
      });
    }
    this.watch(watched);
    return Promise.all(watched.map(async (w) => folderLesson(w.path, await w.handle.getFile())));
  }

  private pickWithInput(): Promise<LessonSource[] | null> {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.webkitdirectory = true;
      input.multiple = true;
      input.addEventListener('cancel', () => resolve(null));
      input.addEventListener('change', () => {
        const files = [...(input.files ?? [])].filter((f) => lessonFilePattern.test(f.name));
        void Promise.all(files.map((f) => folderLesson(f.webkitRelativePath || f.name, f))).then(
          resolve,
        );
      });
      input.click();
    });
  }

  /** The web has no file watching: poll the picked files' modification times instead. */
  private watch(files: WatchedFile[]): void {
    clearInterval(this.pollTimer);
    this.watched = files;
    if (files.length === 0) return;
    this.pollTimer = setInterval(() => void this.pollChanges(), folderPollMs);
  }

  private async pollChanges(): Promise<void> {
    for (const watched of this.watched) {
      const file = await watched.handle.getFile().catch(() => null);
      if (!file || file.lastModified === watched.lastModified) continue;
      watched.lastModified = file.lastModified;
      const lesson = await folderLesson(watched.path, file);
      this.folderLessons = this.folderLessons.map((l) => (l.key === lesson.key ? lesson : l));
      for (const listener of this.listeners) listener(lesson);
    }
  }
}

/** Offers text as a download (the browser's own save or downloads folder). */
function download(text: string, type: string, suggestedName: string): string {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return suggestedName;
}

async function folderLesson(path: string, file: File): Promise<LessonSource> {
  return { key: `folder:${path}`, fileName: path, text: await file.text(), origin: 'folder' };
}

function courseLesson(file: CourseFile): LessonSource {
  return {
    key: `course:${file.fileName}`,
    fileName: file.fileName,
    text: file.text,
    origin: 'folder',
  };
}
