// `gradlab check` arguments: bad ones exit 2 with one line; good lessons exit 0.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../support/shared.ts';

function check(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/gradlab.js', 'check', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('gradlab check arguments', () => {
  it('exits 2 without a PATH', () => {
    expect(check()).toMatchObject({
      status: 2,
      stderr: 'gradlab: check: no PATH given (usage: gradlab check PATH... [--timeout SECONDS])\n',
    });
  });

  it('exits 2 for a path that does not exist', () => {
    expect(check('no/such/lesson.md')).toMatchObject({
      status: 2,
      stderr: 'gradlab: check: no/such/lesson.md: no such file or folder\n',
    });
  });

  it('exits 2 for an unknown option', () => {
    expect(check('--fix', 'lessons')).toMatchObject({ status: 2, stdout: '' });
  });

  it('reports a file that is not a lesson and still checks the next one', () => {
    const result = check('package.json', 'tests/fixtures/lessons/hostile.md');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      "package.json:1:1: not a lesson: expected a .md, .txt or .ipynb file, not '.json'\n",
    );
    expect(result.stderr).toBe('2 lesson files checked, 1 problem\n');
  });

  it('reports two lessons of a folder sharing an id, at the second id', () => {
    const folder = 'tests/fixtures/lessons/duplicate-ids';
    expect(check(folder)).toMatchObject({
      status: 1,
      stdout: `${folder}/b.md:3:5: lesson id 'same' is already used by ${folder}/a.md: progress would be mixed up\n`,
    });
  });
});
