// `gradlab build DIR --out SITE [--title TEXT] [--with-builtin]`: the course in DIR as a static
// website: the same app as the desktop, with the course in its page. The course is checked first
// as `gradlab check` checks it; any problem is listed, nothing is written and the exit status
// is 1. Bad arguments exit with 2.
import {
  chmod,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { COURSE_FILE } from '../../core/lessons/course-file.ts';
import { pageWithCourse, type CourseFile } from '../../renderer/host/published-course.ts';
import { checkCourse, problemLine, readCourseFiles, withTitle } from '../course.ts';
import { headersFile, siteReadme } from '../site/hosting-notes.ts';
import { parseCourseFolderArgs } from '../arguments.ts';
import { UsageError } from '../errors.ts';
import { nodeLessonServices } from './check.ts';
import { PythonSandbox } from '../sandbox/sandbox.ts';
import { PYTHON_LIMITS } from '../../core/python/limits.ts';

const USAGE = 'usage: gradlab build DIR --out SITE [--title TEXT] [--with-builtin]';

export async function main(args: string[]): Promise<number> {
  const started = performance.now();
  const { values, folder } = parseCourseFolderArgs('build', USAGE, args, {
    out: { type: 'string' },
    title: { type: 'string' },
    'with-builtin': { type: 'boolean', default: false },
  });
  if (!values.out) throw new UsageError(`build: no --out SITE given (${USAGE})`);
  const site = resolve(values.out);
  await refuseToOverwrite(site, folder);
  let files = await readCourseFiles(folder);
  if (values.title !== undefined) files = withTitle(files, values.title);
  const python = new PythonSandbox({ cellSeconds: PYTHON_LIMITS.cellSeconds });
  let course;
  try {
    course = await checkCourse(folder, files, nodeLessonServices(python));
  } finally {
    python.close();
  }
  if (course.problems.length > 0) {
    for (const problem of course.problems) process.stdout.write(problemLine(problem) + '\n');
    const count = course.problems.length;
    process.stderr.write(`${count} problem${count === 1 ? '' : 's'}; nothing was written\n`);
    return 1;
  }
  const courseFile = files.find((file) => file.fileName === COURSE_FILE);
  const published = courseFile ? [...course.lessons, courseFile] : course.lessons;
  const title = course.title ?? basename(resolve(folder));
  await writeSite(site, title, published, values['with-builtin']);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const size = await folderSize(site);
  const lessons = `${course.lessons.length} lesson${course.lessons.length === 1 ? '' : 's'}`;
  process.stdout.write(
    `Built "${title}" (${lessons}) into ${values.out} in ${seconds} s, ` +
      `${(size / 1e6).toFixed(1)} MB. Publish it with the headers in _headers (see its README.md).\n`,
  );
  return 0;
}

/** SITE may be new, empty, or a site built before (replaced); never the course or other files. */
async function refuseToOverwrite(site: string, folder: string): Promise<void> {
  if (site === resolve(folder))
    throw new UsageError(`build: --out must not be the course folder itself (${USAGE})`);
  const entries = await readdir(site).catch(() => null);
  if (entries === null || entries.length === 0) return;
  if (entries.includes('index.html') && entries.includes('course')) return;
  throw new UsageError(
    `build: ${site} already holds other files; choose a new or empty folder for --out`,
  );
}

/** Builds the site beside SITE, then puts it in SITE's place: a failed build leaves SITE be. */
async function writeSite(
  site: string,
  title: string,
  files: CourseFile[],
  withBuiltin: boolean,
): Promise<void> {
  await mkdir(dirname(site), { recursive: true });
  const staging = await mkdtemp(join(dirname(site), `.${basename(site)}-building-`));
  try {
    await chmod(staging, 0o755); // mkdtemp's folder is private; a web server must read it

    const { buildWeb } = await import('../../scripts/web.ts');
    await buildWeb(staging);
    const pagePath = join(staging, 'index.html');
    const page = await readFile(pagePath, 'utf8');
    await writeFile(pagePath, pageWithCourse(page, { withBuiltin, files, live: false }));
    await mkdir(join(staging, 'course'));
    for (const file of files) await writeFile(join(staging, 'course', file.fileName), file.text);
    await writeFile(join(staging, '_headers'), headersFile());
    await writeFile(join(staging, 'README.md'), siteReadme(title));
    await rm(site, { recursive: true, force: true });
    await rename(staging, site);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function folderSize(folder: string): Promise<number> {
  const names = await readdir(folder, { recursive: true });
  const sizes = await Promise.all(names.map(async (name) => (await stat(join(folder, name))).size));
  return sizes.reduce((total, size) => total + size, 0);
}
