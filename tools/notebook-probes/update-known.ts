// Runs every corpus notebook through `gradlab run` and rewrites the list of cells that differ from
// PyTorch (tests/fixtures/notebooks/known-differences.json): reasons already written are kept, a
// cell that now matches leaves the list, a new difference gets a first guess at its cause. Also
// writes DIFFERENCES.md, the differences grouped by cause, and prints the identical-cell share.
// With --fresh-reasons every reason is guessed again from today's output (after a change that
// moved the causes; then sharpen the guesses by hand).
//     npx node tools/notebook-probes/update-known.ts [--fresh-reasons]
import { writeFileSync } from 'node:fs';
import {
  compareNotebook,
  corpusFolder,
  corpusNotebooks,
  knownDifferencesFile,
  likelyCause,
  readExpected,
  readKnownDifferences,
  runInGradlab,
  type KnownDifferences,
} from '../../tests/conformance/notebook-corpus.ts';

const previous: KnownDifferences = process.argv.includes('--fresh-reasons')
  ? {}
  : readKnownDifferences();
const known: KnownDifferences = {};
let compared = 0;
let differing = 0;
for (const notebook of corpusNotebooks()) {
  const expected = readExpected(notebook);
  const actual = runInGradlab(notebook);
  const comparison = compareNotebook(actual, expected);
  compared += comparison.compared;
  differing += comparison.differing.size;
  const reasons: Record<string, string> = {};
  let codeSoFar = '';
  let earlierCellDiffers = false;
  for (const cell of expected.cells) {
    codeSoFar += `${cell.code}\n`;
    if (!comparison.differing.has(cell.index)) continue;
    const ran = actual[cell.index];
    reasons[cell.index] =
      previous[notebook]?.[cell.index] ??
      (ran === undefined
        ? 'Gradlab split the notebook into other cells'
        : likelyCause(ran, cell, codeSoFar, earlierCellDiffers));
    earlierCellDiffers = true;
  }
  if (Object.keys(reasons).length > 0) known[notebook] = reasons;
  process.stdout.write(
    `${notebook}: ${comparison.differing.size} of ${comparison.compared} differ\n`,
  );
}
writeFileSync(knownDifferencesFile, JSON.stringify(known, null, 1) + '\n');

const identical = compared - differing;
const share = ((100 * identical) / compared).toFixed(1);
const byCause = new Map<string, string[]>();
for (const [notebook, reasons] of Object.entries(known))
  for (const [index, reason] of Object.entries(reasons))
    byCause.set(reason, [...(byCause.get(reason) ?? []), `${notebook} ${index}`]);
const rows = [...byCause.entries()]
  .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
  .map(
    ([reason, cells]) =>
      `| ${cells.length} | ${reason.replaceAll('|', '\\|')} | ${cells.join(', ')} |`,
  );
writeFileSync(
  `${corpusFolder}DIFFERENCES.md`,
  [
    '# Where Gradlab differs from PyTorch on the notebook corpus',
    '',
    `${identical} of ${compared} compared cells (${share}%) show what PyTorch 1.13 shows. Cells that`,
    'PyTorch shows differently at each run (unseeded random numbers, `torch.empty`, `id()`) or',
    'that print what the machine gives (`%%time`, shell commands) are not compared. Written by',
    '`npx node tools/notebook-probes/update-known.ts`; the reasons are those of',
    '`known-differences.json` (cell numbers count from 0).',
    '',
    '| cells | cause | where (notebook, cell) |',
    '| ---: | --- | --- |',
    ...rows,
    '',
  ].join('\n'),
);
process.stdout.write(`${identical} of ${compared} cells identical (${share}%)\n`);
