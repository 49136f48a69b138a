// Watches an instructor's lesson folder and reports each lesson file that changed, once per
// burst of writes (editors save in several steps: truncate, write, rename).
import { watch } from 'node:fs';
import path from 'node:path';
import type { LessonSource } from '../renderer/host/api.ts';
import { isLessonFileName, readLessonFile } from './lesson-files.ts';

const DEFAULT_DEBOUNCE_MS = 150;

export interface LessonWatcherOptions {
  debounceMs?: number;
  onError?: (error: Error) => void;
}

/** Starts watching; returns a function that stops it. */
export function watchLessonFolder(
  folder: string,
  onChange: (lesson: LessonSource) => void,
  { debounceMs = DEFAULT_DEBOUNCE_MS, onError = reportWatchError }: LessonWatcherOptions = {},
): () => void {
  const timers = new Map<string, NodeJS.Timeout>();

  const readAndReport = async (name: string) => {
    timers.delete(name);
    try {
      onChange(await readLessonFile(path.join(folder, name), 'folder'));
    } catch (error) {
      // A file deleted or renamed away has nothing to report.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onError(error as Error);
    }
  };

  const watcher = watch(folder, (_event, name) => {
    if (name === null || !isLessonFileName(name)) return;
    clearTimeout(timers.get(name));
    timers.set(
      name,
      setTimeout(() => void readAndReport(name), debounceMs),
    );
  });
  watcher.on('error', onError);

  return () => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    watcher.close();
  };
}

function reportWatchError(error: Error): void {
  console.warn(`gradlab: watching the lesson folder failed: ${error.message}`);
}
