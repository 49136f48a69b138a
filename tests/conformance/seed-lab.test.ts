// Acceptance: `gradlab run SEED --json` gives what PyTorch gave for every cell of the seed lab.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSharedJson, repoRoot, sharedPath } from '../support/shared.ts';
import { expectPlotsMatch, visibleOutput, type GoldenOutput, type GoldenPlot } from './compare.ts';

interface SeedCell extends GoldenOutput {
  index: number;
  kind: 'code' | 'solution';
  code: string;
  plots: GoldenPlot[];
}

const golden = readSharedJson<{ cells: SeedCell[] }>('golden/seed-lab.json').cells;
let cells: SeedCell[] = [];
let exitStatus = -1;

beforeAll(() => {
  const seed = sharedPath('seeds/000_56fb343e652139a9.txt');
  try {
    const output = execFileSync(process.execPath, ['bin/gradlab.js', 'run', seed, '--json'], {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    exitStatus = 0;
    cells = JSON.parse(output) as SeedCell[];
  } catch (error) {
    const failure = error as { status: number; stdout: string };
    exitStatus = failure.status;
    cells = JSON.parse(failure.stdout) as SeedCell[];
  }
});

describe('gradlab run on the seed lab', () => {
  it('runs every cell without an error (exit status 0)', () => {
    expect(exitStatus).toBe(0);
    expect(cells.map((c) => [c.index, c.kind, c.code])).toEqual(
      golden.map((c) => [c.index, c.kind, c.code]),
    );
  });

  it.each(golden.map((cell) => [cell.index, cell] as const))(
    'cell %i matches PyTorch',
    (index, expected) => {
      const actual = cells[index];
      expect(visibleOutput(actual)).toEqual(visibleOutput(expected));
      expectPlotsMatch(actual.plots, expected.plots, `cell ${index}`);
    },
  );
});
