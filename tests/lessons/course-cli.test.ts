// `gradlab build` and `gradlab preview` arguments, and `gradlab check` of a course folder's
// course.yaml: bad arguments exit 2 with one line naming the mistake, before any work is done.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared.ts';

const folder = mkdtempSync(join(tmpdir(), 'gradlab-course-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function gradlab(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/gradlab.js', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('gradlab build and preview arguments', () => {
  it('exit 2 with the usage line when something is missing or unknown', () => {
    expect(gradlab('build', 'lessons')).toMatchObject({
      status: 2,
      stderr:
        'gradlab: build: no --out SITE given (usage: gradlab build DIR --out SITE [--title TEXT] [--with-builtin])\n',
    });
    expect(gradlab('build', '--out', join(folder, 'site'))).toMatchObject({ status: 2 });
    const unknown = gradlab('preview', 'lessons', '--watch');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(
      /^gradlab: preview: unknown option '--watch'.*usage: gradlab preview/,
    );
  });

  it('exit 2 for a folder that is not there, or a port that is not a port', () => {
    expect(gradlab('preview', 'no/such/course')).toMatchObject({
      status: 2,
      stderr: 'gradlab: preview: no/such/course: no such folder\n',
    });
    expect(gradlab('preview', 'lessons', '--port', 'eighty').stderr).toContain(
      "--port takes a number from 0 to 65535, not 'eighty'",
    );
  });

  it('never writes over a folder that holds other files', () => {
    const other = mkdtempSync(join(folder, 'other-'));
    writeFileSync(join(other, 'notes.txt'), 'keep me');
    const result = gradlab('build', 'lessons', '--out', other);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('already holds other files');
  });
});

describe('gradlab check of a course folder', () => {
  it('reports a course.yaml that names a lesson the folder does not hold', () => {
    const course = mkdtempSync(join(folder, 'course-'));
    writeFileSync(join(course, 'course.yaml'), 'title: Calculus\nlessons:\n  - intro.md\n');
    const result = gradlab('check', course);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      `${join(course, 'course.yaml')}:3:5: no lesson file 'intro.md' in this folder\n`,
    );
  });
});
