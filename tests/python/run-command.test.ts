// `gradlab run`: bad input gets one clear line and a non-zero status, never a stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared.ts';

const folder = mkdtempSync(join(tmpdir(), 'gradlab-run-'));

function gradlab(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/gradlab.js', 'run', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

function expectUsageError(result: ReturnType<typeof gradlab>, message: RegExp): void {
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('gradlab run with bad input', () => {
  it('says so when the file does not exist', () => {
    expectUsageError(
      gradlab(join(folder, 'missing.md')),
      /^gradlab: run: cannot read .*missing\.md: no such file/,
    );
  });

  it('says so when FILE is a folder', () => {
    expectUsageError(gradlab(folder), /is a folder, not a file/);
  });

  it('says so when FILE is missing or an option is unknown', () => {
    expectUsageError(gradlab(), /FILE is missing/);
    expectUsageError(gradlab(file('a.py', 'x = 1'), '--fast'), /unknown option '--fast'/);
  });

  it('refuses a file that is not a lesson or notebook', () => {
    expectUsageError(gradlab(file('picture.png', 'PNG')), /not a notebook/);
    expectUsageError(
      gradlab(file('prose.md', '# Just text\n\nNo code here.\n')),
      /no ```python cells/,
    );
    expectUsageError(gradlab(file('broken.ipynb', '{"cells": [')), /not valid notebook JSON/);
  });
});

describe('gradlab run on a notebook', () => {
  it('runs .py cells in one namespace and shows them as a notebook does', () => {
    const result = gradlab(file('cells.py', 'x = 6\nprint("six")\n# %%\nx * 7\n'));
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      'In [1]: x = 6\n   ...: print("six")\nsix\n\nIn [2]: x * 7\nOut[2]: 42\n\n',
    );
  });

  it('reports a syntax error in a cell, runs the rest, and exits with status 1', () => {
    const result = gradlab(
      file('bad.md', '```python\nx = (1,\n```\n\n```python\nprint("after")\n```\n'),
      '--json',
    );
    expect(result.status).toBe(1);
    const cells = JSON.parse(result.stdout) as { error: string | null; stdout: string }[];
    expect(cells[0].error).toMatch(/^SyntaxError: /);
    expect(cells[1]).toMatchObject({ error: null, stdout: 'after\n' });
    expect(result.stderr).toBe('');
  });

  it('runs each cell in a new namespace with --fresh', () => {
    const result = gradlab(file('fresh.py', 'y = 1\n# %%\ny\n'), '--fresh', '--json');
    expect(result.status).toBe(1);
    const cells = JSON.parse(result.stdout) as { error: string | null }[];
    expect(cells[1].error).toBe("NameError: name 'y' is not defined");
  });

  it('describes each axes a cell plotted by what is on it', () => {
    const code =
      'import numpy as np\nimport matplotlib.pyplot as plt\nX, Y = np.meshgrid([0, 1, 2], [0, 1])\n' +
      'fig = plt.figure()\nax = fig.add_subplot(1, 2, 1)\nax.contour(X, Y, X + Y)\n' +
      'ax.scatter([1], [0], label="start")\nax.set_xlabel("w")\n' +
      'ax3 = fig.add_subplot(1, 2, 2, projection="3d")\nax3.plot_surface(X, Y, X * Y)\nax3.set_zlabel("loss");\n';
    const result = gradlab(file('plots.py', code));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "<Figure: contour (6 grid points), start (1 points); xlabel 'w'>\n" +
        "<Figure: surface (6 grid points); zlabel 'loss'>\n",
    );
  });
});
