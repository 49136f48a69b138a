// Reads lesson files from a folder: the built-in course shipped with the app, or an instructor's
// course folder (the desktop app, `gradlab preview` and `gradlab build` read it alike). Only the
// folder's own files are read (not subfolders); README.md is the authoring guide, not a lesson;
// course.yaml (the course's title and order) is read with the lessons.
import { constants, type Stats } from 'node:fs';
import { open, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { LessonSource } from '../renderer/host/api.ts';

const LESSON_EXTENSIONS = new Set(['.md', '.markdown', '.ipynb', '.txt']);
const COURSE_FILE = 'course.yaml';

export type LessonOrigin = LessonSource['origin'];

export function isLessonFileName(name: string): boolean {
  if (name.startsWith('.') || name.toLowerCase() === 'readme.md') return false;
  return name === COURSE_FILE || LESSON_EXTENSIONS.has(path.extname(name).toLowerCase());
}

function lessonKey(filePath: string, origin: LessonOrigin): string {
  return origin === 'builtin' ? `builtin:${path.basename(filePath)}` : path.resolve(filePath);
}

/**
 * The lesson file's text, or why it was not read: a symbolic link leading out of its folder, or
 * something that is not a regular file (a FIFO would block the read, and with it every later
 * file call of the process; a device never ends). Opened non-blocking and checked once open, so
 * a file swapped for a FIFO meanwhile cannot block either.
 */
export async function readLessonFile(
  filePath: string,
  origin: LessonOrigin,
): Promise<LessonSource> {
  const source = { key: lessonKey(filePath, origin), fileName: path.basename(filePath), origin };
  const skipped = (reason: string): LessonSource => ({ ...source, text: '', skipped: reason });
  const realFile = await realpath(filePath);
  const realFolder = await realpath(path.dirname(filePath));
  const inside = path.relative(realFolder, realFile);
  if (inside.startsWith('..') || path.isAbsolute(inside))
    return skipped(`not read: it links to ${realFile}, outside the lesson folder`);
  const file = await open(realFile, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const kind = fileKind(await file.stat());
    if (kind !== 'file') return skipped(`not read: it is ${kind}, not a file`);
    return { ...source, text: await file.readFile('utf8') };
  } finally {
    await file.close();
  }
}

function fileKind(stats: Stats): string {
  if (stats.isFile()) return 'file';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'a folder';
}

/**
 * The folder's lesson files in name order, those not read with the reason; a file that vanished
 * meanwhile is left out.
 */
export async function readLessonFolder(
  folder: string,
  origin: LessonOrigin,
): Promise<LessonSource[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files = entries
    .filter((entry) => !entry.isDirectory() && isLessonFileName(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const lessons = await Promise.allSettled(
    files.map((name) => readLessonFile(path.join(folder, name), origin)),
  );
  return lessons.flatMap((lesson) => (lesson.status === 'fulfilled' ? [lesson.value] : []));
}
