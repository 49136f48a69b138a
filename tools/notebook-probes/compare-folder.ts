// Compares Gradlab with PyTorch on notebooks outside the corpus (notebooks one may run but not
// publish): FOLDER holds the notebooks and FOLDER/expected/ what PyTorch showed, recorded by
//     /usr/bin/python3 tools/notebook-probes/generate.py --folder FOLDER [NOTEBOOK ...]
// Prints each differing cell with what differs, then the differences grouped by their likely cause,
// biggest first, and the identical-cell share. Writes nothing.
//     npx node tools/notebook-probes/compare-folder.ts FOLDER [NOTEBOOK ...]
import { resolve } from 'node:path';
import {
  cellDifference,
  compareNotebook,
  corpusNotebooks,
  likelyCause,
  readExpected,
  runInGradlab,
} from '../../tests/conformance/notebook-corpus.ts';

const [folderArgument, ...chosen] = process.argv.slice(2);
if (folderArgument === undefined) {
  process.stderr.write('usage: compare-folder.ts FOLDER [NOTEBOOK ...]\n');
  process.exit(2);
}
const folder = `${resolve(folderArgument)}/`;
const notebooks = chosen.length > 0 ? chosen : corpusNotebooks(folder);
const byCause = new Map<string, string[]>();
let compared = 0;
let differing = 0;
for (const notebook of notebooks) {
  const expected = readExpected(notebook, folder);
  const actual = runInGradlab(notebook, folder);
  const comparison = compareNotebook(actual, expected);
  compared += comparison.compared;
  differing += comparison.differing.size;
  process.stdout.write(
    `${notebook}: ${comparison.differing.size} of ${comparison.compared} differ\n`,
  );
  let codeSoFar = '';
  let earlierCellDiffers = false;
  for (const cell of expected.cells) {
    codeSoFar += `${cell.code}\n`;
    const difference = comparison.differing.get(cell.index);
    if (difference === undefined) continue;
    const ran = actual[cell.index];
    const cause =
      ran === undefined
        ? 'Gradlab split the notebook into other cells'
        : likelyCause(ran, cell, codeSoFar, earlierCellDiffers);
    earlierCellDiffers = true;
    byCause.set(cause, [...(byCause.get(cause) ?? []), `${notebook} ${cell.index}`]);
    const detail = ran === undefined ? difference : (cellDifference(ran, cell) ?? difference);
    process.stdout.write(`  cell ${cell.index}: ${detail.slice(0, 400)}\n`);
  }
}
process.stdout.write('\nby cause:\n');
for (const [cause, cells] of [...byCause.entries()].sort((a, b) => b[1].length - a[1].length))
  process.stdout.write(`${String(cells.length).padStart(4)}  ${cause}  (${cells.join(', ')})\n`);
const identical = compared - differing;
const share = ((100 * identical) / Math.max(compared, 1)).toFixed(1);
process.stdout.write(`${identical} of ${compared} cells identical (${share}%)\n`);
