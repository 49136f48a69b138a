// `gradlab preview DIR [--port N] [--with-builtin]`: serves the app with the course in DIR (after
// the built-in course with --with-builtin) on localhost, in any browser. Each file saved in DIR
// is sent to every open page at once, which shows its lesson afresh where the student was, or its
// problems (file:line:col) in the errors panel beside the last version that loaded. Runs until
// Ctrl+C; a taken port moves to the next free one. Bad arguments exit with 2.
import { mkdtemp, rm } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLesson } from '../../core/lessons/load.ts';
import { COURSE_FILE } from '../../core/lessons/course-file.ts';
import {
  COURSE_EVENTS_PATH,
  pageWithCourse,
  type CourseFile,
} from '../../renderer/host/published-course.ts';
import { watchLessonFolder } from '../../node/lesson-watcher.ts';
import { portMovedSentence } from '../../scripts/free-port.ts';
import { courseOutline, problemLine, readCourseFiles } from '../course.ts';
import { parseCourseFolderArgs } from '../arguments.ts';
import { UsageError } from '../errors.ts';

const USAGE = 'usage: gradlab preview DIR [--port N] [--with-builtin]';
const DEFAULT_PORT = 5180;
/** Editors save in bursts (truncate, write, rename): one report per burst, soon after it. */
const SAVE_SETTLE_MS = 60;

export async function main(args: string[]): Promise<number> {
  const { values, folder } = parseCourseFolderArgs('preview', USAGE, args, {
    port: { type: 'string' },
    'with-builtin': { type: 'boolean', default: false },
  });
  const port = values.port === undefined ? DEFAULT_PORT : portNumber(values.port);
  const withBuiltin = values['with-builtin'];
  let files = await readCourseFiles(folder);
  reportCourse(folder, files);

  process.stdout.write('Building the app (a few seconds)…\n');
  const root = await mkdtemp(join(tmpdir(), 'gradlab-preview-'));
  const clients = new Set<ServerResponse>();
  const { serveWebBuild } = await import('../../scripts/web.ts');
  const server = await serveWebBuild({
    port,
    root,
    // Made afresh for each load, so a reload shows the files as they are now.
    page: (built) => pageWithCourse(built, { withBuiltin, files, live: true }),
    handle: (path, request, response) => {
      if (path !== `/${COURSE_EVENTS_PATH}`) return false;
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return true;
    },
  }).catch(async (error: unknown) => {
    await rm(root, { recursive: true, force: true });
    throw error;
  });

  const stopWatching = watchLessonFolder(
    folder,
    ({ fileName, text }) => {
      const saved = { fileName, text };
      files = [...files.filter((file) => file.fileName !== fileName), saved];
      for (const client of clients) client.write(`data: ${JSON.stringify(saved)}\n\n`);
      reportSaved(folder, files, saved);
    },
    { debounceMs: SAVE_SETTLE_MS },
  );

  const moved = portMovedSentence(server.port.asked, server.port.got);
  if (moved) process.stdout.write(moved + '\n');
  process.stdout.write(
    `Previewing ${folder} at ${server.url}\n` +
      'Open it in any browser; saved files show there at once. Press Ctrl+C to stop.\n',
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  stopWatching();
  await server.close();
  await rm(root, { recursive: true, force: true });
  return 0;
}

function portNumber(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    throw new UsageError(
      `preview: --port takes a number from 0 to 65535, not '${text}' (${USAGE})`,
    );
  return port;
}

/** The course's problems that show without running anything (the page shows the same). */
function quickProblems(folder: string, files: CourseFile[], only?: CourseFile): string[] {
  const outline = courseOutline(folder, files);
  const lessons = only ? (only.fileName === COURSE_FILE ? [] : [only]) : outline.lessons;
  const problems = [
    ...(only && only.fileName !== COURSE_FILE ? [] : outline.problems),
    ...lessons.flatMap((file) => loadLesson(join(folder, file.fileName), file.text).problems),
  ];
  return problems.map(problemLine);
}

function reportCourse(folder: string, files: CourseFile[]): void {
  for (const line of quickProblems(folder, files)) process.stdout.write(line + '\n');
}

function reportSaved(folder: string, files: CourseFile[], saved: CourseFile): void {
  const problems = quickProblems(folder, files, saved);
  const verdict = problems.length === 0 ? 'no problems' : `${problems.length} problem(s):`;
  process.stdout.write([`Saved ${saved.fileName}: ${verdict}`, ...problems].join('\n') + '\n');
}
