// The one interface between the renderer and its host: the Electron preload (window.gradlab)
// or the web build's own implementation. The renderer never talks to the host any other way.

/** A lesson file as the host found it; the renderer parses it with core/lessons. A folder's
 *  course.yaml (title and order of its lessons) is offered the same way. */
export interface LessonSource {
  /** Stable key: `builtin:<file name>`, the absolute path of an instructor's file, or
   *  `course:<file name>` for the course a web page carries. */
  key: string;
  /** File name shown in error messages (`file:line:col`). */
  fileName: string;
  text: string;
  origin: 'builtin' | 'folder';
  /** Why the host did not read the file (a link out of the folder, a FIFO); `text` is empty. */
  skipped?: string;
}

/** What the host found in its progress store. */
export interface StoredProgress {
  /** The renderer's own progress document (opaque to the host), or null if there is none yet. */
  data: unknown;
  /** A sentence for the student when something was recovered, e.g. a corrupt file moved aside. */
  notice?: string;
}

/** A command the host's own menu asks the renderer to carry out (File ▸ Open lesson folder…). */
export type MenuCommand = 'open-lesson-folder' | 'export-grades' | 'export-submission';

export interface HostApi {
  readonly kind: 'electron' | 'web';
  /** Built-in lessons, then those of the instructor's opened folder (if any). */
  listLessons(): Promise<LessonSource[]>;
  /** Asks for a folder of lesson files; resolves to its lessons, or null if cancelled. */
  openLessonFolder(): Promise<LessonSource[] | null>;
  /** Called with each lesson file that changed on disk; returns an unsubscribe function. */
  onLessonChanged(listener: (lesson: LessonSource) => void): () => void;
  loadProgress(): Promise<StoredProgress>;
  saveProgress(data: unknown): Promise<void>;
  /**
   * Where other windows share the progress storage (the web build's tabs): saves by reading what
   * is stored and writing `update(stored)` in one step, so a save never erases another's.
   */
  updateProgress?(update: (stored: unknown) => unknown): Promise<void>;
  /** With updateProgress: called with the progress another window saved, to show it here. */
  onProgressSavedElsewhere?(listener: (data: unknown) => void): void;
  /** Offers the CSV to the user (save dialog or download); resolves to where it went, or null. */
  exportGrades(csv: string, suggestedName: string): Promise<string | null>;
  /** Offers the submission file (JSON) the same way; resolves to where it went, or null. */
  exportSubmission(json: string, suggestedName: string): Promise<string | null>;
  /** Opens an http(s) link the user clicked in the system browser. */
  openExternal(url: string): Promise<void>;
  /**
   * Called when the user picks a command from the host's menu (Electron only: a web host has no
   * menu and leaves this out); the renderer runs it as if its own button was pressed.
   */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
}
