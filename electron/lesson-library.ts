// The lessons the app offers: the built-in course, then the instructor's opened folder (at most
// one at a time), whose changes are pushed to the renderer as they happen.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { LessonSource } from '../renderer/host/api.ts';
import { readLessonFolder } from '../node/lesson-files.ts';
import { watchLessonFolder, type LessonWatcherOptions } from '../node/lesson-watcher.ts';

export interface LessonLibrary {
  list(): Promise<LessonSource[]>;
  /** Makes folder the opened one (watching it) and returns its lessons. */
  openFolder(folder: string): Promise<LessonSource[]>;
  close(): void;
}

export function createLessonLibrary(
  builtinFolder: string,
  onChange: (lesson: LessonSource) => void,
  watcherOptions: LessonWatcherOptions = {},
): LessonLibrary {
  let openedFolder: string | null = null;
  let stopWatching = () => {};

  // An opened folder deleted or unmounted since must not hide the built-in course.
  const folderLessons = async (): Promise<LessonSource[]> => {
    if (openedFolder === null) return [];
    try {
      return await readLessonFolder(openedFolder, 'folder');
    } catch (error) {
      console.warn(
        `gradlab: cannot read the lesson folder ${openedFolder}: ${(error as Error).message}`,
      );
      return [];
    }
  };

  return {
    async list() {
      const [builtin, opened] = await Promise.all([
        readLessonFolder(builtinFolder, 'builtin'),
        folderLessons(),
      ]);
      return [...builtin, ...opened];
    },
    async openFolder(chosen) {
      const folder = await courseFolderOf(chosen);
      const lessons = await readLessonFolder(folder, 'folder').catch((error: Error) => {
        throw new Error(`Cannot read the lesson folder ${folder}: ${error.message}`);
      });
      stopWatching();
      openedFolder = folder;
      stopWatching = watchLessonFolder(folder, onChange, watcherOptions);
      return lessons;
    },
    close() {
      stopWatching();
      stopWatching = () => {};
    },
  };
}

/** A site made by `gradlab build` holds its course folder in course/, beside its page. */
async function courseFolderOf(folder: string): Promise<string> {
  const [page, course] = await Promise.all(
    ['index.html', 'course'].map((name) => stat(path.join(folder, name)).catch(() => null)),
  );
  return page?.isFile() && course?.isDirectory() ? path.join(folder, 'course') : folder;
}
