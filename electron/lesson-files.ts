// Reads lesson files from a folder: the built-in course shipped with the app, or an instructor's
// course folder (the desktop app, `gradlab preview` and `gradlab build` read it alike). Only the
// folder's own files are read (not subfolders); README.md is the authoring guide, not a lesson;
// course.yaml (the course's title and order) is read with the lessons.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LessonSource } from '../renderer/host/api.ts';

const LESSON_EXTENSIONS = new Set(['.md', '.markdown', '.ipynb', '.txt']);
const COURSE_FILE = 'course.yaml';

export type LessonOrigin = LessonSource['origin'];

export function isLessonFileName(name: string): boolean {
  if (name.startsWith('.') || name.toLowerCase() === 'readme.md') return false;
  return name === COURSE_FILE || LESSON_EXTENSIONS.has(path.extname(name).toLowerCase());
}

export function lessonKey(filePath: string, origin: LessonOrigin): string {
  return origin === 'builtin' ? `builtin:${path.basename(filePath)}` : path.resolve(filePath);
}

export async function readLessonFile(
  filePath: string,
  origin: LessonOrigin,
): Promise<LessonSource> {
  return {
    key: lessonKey(filePath, origin),
    fileName: path.basename(filePath),
    text: await readFile(filePath, 'utf8'),
    origin,
  };
}

/** The folder's lesson files in name order; a file that vanished meanwhile is left out. */
export async function readLessonFolder(
  folder: string,
  origin: LessonOrigin,
): Promise<LessonSource[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && isLessonFileName(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const lessons = await Promise.allSettled(
    files.map((name) => readLessonFile(path.join(folder, name), origin)),
  );
  return lessons.flatMap((lesson) => (lesson.status === 'fulfilled' ? [lesson.value] : []));
}
