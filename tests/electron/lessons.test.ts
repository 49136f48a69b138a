import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LessonSource } from '../../renderer/host/api.ts';
import { createLessonLibrary, type LessonLibrary } from '../../electron/lesson-library.ts';
import { watchLessonFolder } from '../../node/lesson-watcher.ts';
import { readLessonFolder } from '../../node/lesson-files.ts';

const tempFolder = (name: string) => mkdtemp(path.join(tmpdir(), `gradlab-${name}-`));

/** Collects change events; `next()` waits for the next one. */
function changeRecorder() {
  const seen: LessonSource[] = [];
  const waiters: ((lesson: LessonSource) => void)[] = [];
  return {
    seen,
    onChange: (lesson: LessonSource) => {
      seen.push(lesson);
      waiters.shift()?.(lesson);
    },
    next: () => new Promise<LessonSource>((resolve) => waiters.push(resolve)),
  };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('lesson folder watching', () => {
  let stop = () => {};
  afterEach(() => stop());

  it('reports a lesson file written in the folder, with its new text', async () => {
    const folder = await tempFolder('watch');
    const recorder = changeRecorder();
    stop = watchLessonFolder(folder, recorder.onChange, { debounceMs: 50 });
    const changed = recorder.next();
    await writeFile(path.join(folder, 'chain-rule.md'), '# The chain rule\n');
    await expect(changed).resolves.toEqual({
      key: path.join(folder, 'chain-rule.md'),
      fileName: 'chain-rule.md',
      text: '# The chain rule\n',
      origin: 'folder',
    });
  });

  it('reports a burst of writes once, and an editor-style save (temp file, rename)', async () => {
    const folder = await tempFolder('watch');
    const recorder = changeRecorder();
    stop = watchLessonFolder(folder, recorder.onChange, { debounceMs: 300 });
    const file = path.join(folder, 'limits.md');
    const first = recorder.next();
    for (const text of ['#', '# Lim', '# Limits\n']) await writeFile(file, text);
    await expect(first).resolves.toMatchObject({ fileName: 'limits.md', text: '# Limits\n' });
    await settle(600);
    expect(recorder.seen).toHaveLength(1);

    const second = recorder.next();
    await writeFile(path.join(folder, '.limits.md.swp'), '# Limits, edited\n');
    await rename(path.join(folder, '.limits.md.swp'), file);
    await expect(second).resolves.toMatchObject({ text: '# Limits, edited\n' });
  });

  it('ignores files that are not lessons, and deleted files', async () => {
    const folder = await tempFolder('watch');
    const recorder = changeRecorder();
    stop = watchLessonFolder(folder, recorder.onChange, { debounceMs: 50 });
    await writeFile(path.join(folder, 'notes.docx'), 'x');
    await writeFile(path.join(folder, 'gone.md'), '# soon deleted');
    await rm(path.join(folder, 'gone.md'));
    await settle(400);
    expect(recorder.seen).toEqual([]);
  });
});

describe('files in a lesson folder that are not read', () => {
  let stop = () => {};
  afterEach(() => stop());

  /** A folder with a link out of it (to a secret file), a FIFO and a link to a file inside. */
  async function awkwardFolder(): Promise<{ folder: string; secret: string }> {
    const folder = await tempFolder('awkward');
    const secret = path.join(await tempFolder('outside'), 'passwd');
    await writeFile(secret, 'root:x:0:0\n');
    await symlink(secret, path.join(folder, 'secret.md'));
    execFileSync('mkfifo', [path.join(folder, 'pipe.md')]);
    await writeFile(path.join(folder, 'real.md'), '# Real\n');
    await symlink(path.join(folder, 'real.md'), path.join(folder, 'alias.md'));
    return { folder, secret };
  }

  it('lists a link out of the folder and a FIFO with the reason, never their content', async () => {
    const { folder, secret } = await awkwardFolder();
    const lessons = await readLessonFolder(folder, 'folder');
    expect(lessons.map(({ fileName, text, skipped }) => ({ fileName, text, skipped }))).toEqual([
      { fileName: 'alias.md', text: '# Real\n', skipped: undefined },
      {
        fileName: 'pipe.md',
        text: '',
        skipped: 'not read: it is a named pipe (FIFO), not a file',
      },
      { fileName: 'real.md', text: '# Real\n', skipped: undefined },
      {
        fileName: 'secret.md',
        text: '',
        skipped: `not read: it links to ${await realpath(secret)}, outside the lesson folder`,
      },
    ]);
  });

  it('reports a FIFO appearing in a watched folder without blocking, then later files', async () => {
    const folder = await tempFolder('watch');
    const recorder = changeRecorder();
    stop = watchLessonFolder(folder, recorder.onChange, { debounceMs: 50 });
    const fifo = recorder.next();
    execFileSync('mkfifo', [path.join(folder, 'pipe.md')]);
    await expect(fifo).resolves.toMatchObject({
      fileName: 'pipe.md',
      text: '',
      skipped: expect.stringMatching(/FIFO/),
    });
    const later = recorder.next();
    await writeFile(path.join(folder, 'after.md'), '# After\n');
    await expect(later).resolves.toMatchObject({ fileName: 'after.md', text: '# After\n' });
  });
});

describe('lesson library', () => {
  let library: LessonLibrary | undefined;
  afterEach(() => library?.close());

  it('lists the built-in course, then the opened folder, and watches that folder', async () => {
    const builtin = await tempFolder('builtin');
    await writeFile(path.join(builtin, '02-partials.md'), '# Partials');
    await writeFile(path.join(builtin, '01-derivatives.md'), '# Derivatives');
    await writeFile(path.join(builtin, 'README.md'), '# How to write lessons');
    await mkdir(path.join(builtin, 'images'));
    const mine = await tempFolder('instructor');
    await writeFile(path.join(mine, 'extra.ipynb'), '{"cells": []}');

    const recorder = changeRecorder();
    library = createLessonLibrary(builtin, recorder.onChange, { debounceMs: 50 });
    expect((await library.list()).map((lesson) => lesson.key)).toEqual([
      'builtin:01-derivatives.md',
      'builtin:02-partials.md',
    ]);

    expect(await library.openFolder(mine)).toEqual([
      {
        key: path.join(mine, 'extra.ipynb'),
        fileName: 'extra.ipynb',
        text: '{"cells": []}',
        origin: 'folder',
      },
    ]);
    expect((await library.list()).map((lesson) => lesson.origin)).toEqual([
      'builtin',
      'builtin',
      'folder',
    ]);

    const changed = recorder.next();
    await writeFile(path.join(mine, 'extra.ipynb'), '{"cells": [], "nbformat": 4}');
    await expect(changed).resolves.toMatchObject({ text: '{"cells": [], "nbformat": 4}' });
  });

  it('stops watching the previous folder when another is opened', async () => {
    const builtin = await tempFolder('builtin');
    const first = await tempFolder('first');
    const second = await tempFolder('second');
    const recorder = changeRecorder();
    library = createLessonLibrary(builtin, recorder.onChange, { debounceMs: 50 });
    await library.openFolder(first);
    await library.openFolder(second);
    await writeFile(path.join(first, 'old.md'), '# old');
    const changed = recorder.next();
    await writeFile(path.join(second, 'new.md'), '# new');
    await expect(changed).resolves.toMatchObject({ fileName: 'new.md' });
    await settle(300);
    expect(recorder.seen.map((lesson) => lesson.fileName)).toEqual(['new.md']);
  });

  it('still lists the built-in course when the opened folder has gone', async () => {
    const builtin = await tempFolder('builtin');
    await writeFile(path.join(builtin, '01-derivatives.md'), '# Derivatives');
    const usb = await tempFolder('usb-stick');
    library = createLessonLibrary(builtin, () => {});
    await library.openFolder(usb);
    await rm(usb, { recursive: true });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await library.list()).map((lesson) => lesson.fileName)).toEqual(['01-derivatives.md']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(usb));
  });

  it('opens a course folder with its course.yaml, and a built site as its course folder', async () => {
    const builtin = await tempFolder('builtin');
    const site = await tempFolder('site');
    await writeFile(path.join(site, 'index.html'), '<!doctype html>');
    const course = path.join(site, 'course');
    await mkdir(course);
    await writeFile(path.join(course, 'course.yaml'), 'title: Calculus\n');
    await writeFile(path.join(course, 'intro.md'), '# Intro');
    library = createLessonLibrary(builtin, () => {});
    const fromSite = await library.openFolder(site);
    expect(fromSite.map((lesson) => lesson.key)).toEqual([
      path.join(course, 'course.yaml'),
      path.join(course, 'intro.md'),
    ]);
    expect(await library.openFolder(course)).toEqual(fromSite);
  });

  it('says which folder cannot be opened', async () => {
    library = createLessonLibrary(await tempFolder('builtin'), () => {});
    await expect(library.openFolder('/nonexistent/lessons')).rejects.toThrow(
      'Cannot read the lesson folder /nonexistent/lessons',
    );
  });
});
