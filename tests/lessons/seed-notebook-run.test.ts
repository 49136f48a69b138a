// Acceptance (issue 4): `gradlab run` on a .ipynb made from the seed gives what PyTorch gave
// for the seed itself, hidden solutions included, and `gradlab grade` accepts the course's
// solutions.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSharedJson, repoRoot } from '../support/shared.ts';
import {
  expectPlotsMatch,
  visibleOutput,
  type GoldenOutput,
  type GoldenPlot,
} from '../conformance/compare.ts';
import { seedNotebook } from './seed-notebook.ts';

interface SeedCell extends GoldenOutput {
  index: number;
  kind: 'code' | 'solution';
  code: string;
  plots: GoldenPlot[];
}

describe('gradlab run on the seed lab as a notebook', () => {
  it('gives the golden outputs for all 22 cells', () => {
    const notebook = join(mkdtempSync(join(tmpdir(), 'gradlab-seed-')), 'seed.ipynb');
    writeFileSync(notebook, seedNotebook());
    const output = execFileSync(process.execPath, ['bin/gradlab.js', 'run', notebook, '--json'], {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const cells = JSON.parse(output) as SeedCell[];
    const golden = readSharedJson<{ cells: SeedCell[] }>('golden/seed-lab.json').cells;
    expect(cells.map((c) => [c.index, c.kind, c.code])).toEqual(
      golden.map((c) => [c.index, c.kind, c.code]),
    );
    golden.forEach((expected, index) => {
      expect(visibleOutput(cells[index]), `cell ${index}`).toEqual(visibleOutput(expected));
      expectPlotsMatch(cells[index].plots, expected.plots, `cell ${index}`);
    });
  });
});

describe('gradlab grade on the course', () => {
  const grade = (lesson: string, id: string, answer: string) => {
    const result = spawnSync(
      process.execPath,
      ['bin/gradlab.js', 'grade', `lessons/${lesson}`, id, '--answer', answer, '--json'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    return {
      status: result.status,
      verdict: JSON.parse(result.stdout) as { correct: boolean; score: number; feedback: string },
    };
  };

  it('gives full marks to a number solution and explains a wrong answer', () => {
    expect(grade('01-derivatives.md', 'cubic-number', '7')).toMatchObject({
      status: 0,
      verdict: { correct: true, score: 1 },
    });
    expect(grade('01-derivatives.md', 'cubic-number', '3')).toMatchObject({
      status: 1,
      verdict: { correct: false, feedback: expect.stringContaining('value of the function') },
    });
  });

  it('gives full marks to a code solution', () => {
    const solution = [
      'u = torch.tensor(2.0, requires_grad=True)',
      'v = torch.tensor(1.0, requires_grad=True)',
      'f = u * v + (u * v) ** 2',
      'f.backward()',
    ].join('\n');
    expect(grade('02-partial-derivatives.md', 'partial-u-code', solution)).toMatchObject({
      status: 0,
      verdict: { correct: true, score: 1 },
    });
  });
});
