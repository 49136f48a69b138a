// Real teaching notebooks from elsewhere (tests/fixtures/notebooks, sources in SOURCES.md), each run
// through `gradlab run` and compared cell by cell with what PyTorch 1.13 showed: every cell not
// listed in known-differences.json must be identical, and every listed cell must still differ, so
// the list says what is left (DIFFERENCES.md groups it by cause). After a change:
//     npx node tools/notebook-probes/update-known.ts
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../cli/commands/run.ts';
import {
  cellDifference,
  compareNotebook,
  corpusNotebooks,
  readExpected,
  readKnownDifferences,
  runInGradlab,
} from './notebook-corpus.ts';

const notebooks = corpusNotebooks();
const known = readKnownDifferences();
const tally = { compared: 0, identical: 0 };

afterAll(() => {
  if (tally.compared === 0) return;
  const share = ((100 * tally.identical) / tally.compared).toFixed(1);
  console.log(
    `notebook corpus: ${tally.identical} of ${tally.compared} cells identical to PyTorch (${share}%)`,
  );
});

describe('notebook corpus', () => {
  it('has at least 15 notebooks, and a reason for each known difference', () => {
    expect(notebooks.length).toBeGreaterThanOrEqual(15);
    for (const [notebook, reasons] of Object.entries(known)) {
      expect(notebooks, 'known differences of a notebook not in the corpus').toContain(notebook);
      for (const [index, reason] of Object.entries(reasons))
        expect(reason, `${notebook} cell ${index}: one line saying why`).toMatch(/^[^\n]{3,}$/);
    }
  });
});

describe.each(notebooks)('%s against PyTorch', (notebook) => {
  const expected = readExpected(notebook);
  const listed = known[notebook] ?? {};
  let actual: RunRecord[] = [];

  beforeAll(() => {
    actual = runInGradlab(notebook);
    const { compared, differing } = compareNotebook(actual, expected);
    tally.compared += compared;
    tally.identical += compared - differing.size;
  });

  it('runs the cells PyTorch ran', () => {
    expect(actual.map((cell) => cell.code)).toEqual(expected.cells.map((cell) => cell.code));
  });

  const compared = expected.cells.filter((cell) => cell.machineDependent === undefined);
  const matching = compared.filter((cell) => listed[cell.index] === undefined);
  if (matching.length > 0)
    it.each(matching.map((cell) => [cell.index, cell] as const))(
      'cell %i shows what PyTorch shows',
      (_index, cell) => {
        expect(cellDifference(actual[cell.index], cell)).toBeNull();
      },
    );

  it('lists only cells that still differ', () => {
    for (const index of Object.keys(listed).map(Number)) {
      const cell = compared.find((candidate) => candidate.index === index);
      expect(cell, `cell ${index} is not a compared cell of ${notebook}`).toBeDefined();
      if (cell && cellDifference(actual[index], cell) === null)
        expect.fail(
          `${notebook} cell ${index} now matches PyTorch: remove it from the known differences ` +
            '(tests/fixtures/notebooks/known-differences.json, or run ' +
            'npx node tools/notebook-probes/update-known.ts)',
        );
    }
  });
});
