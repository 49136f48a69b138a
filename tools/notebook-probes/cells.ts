// Prints the Python cells of every notebook in a folder (tests/fixtures/notebooks unless another
// is given) as JSON ({"name.ipynb": [{"kind", "code", "line"}, ...]}), split exactly as
// `gradlab run` splits them, so generate.py records PyTorch's outputs for the very cells Gradlab runs.
//     npx node tools/notebook-probes/cells.ts [FOLDER]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notebookCells } from '../../core/lessons/notebook.ts';

const folder =
  process.argv[2] ?? new URL('../../tests/fixtures/notebooks/', import.meta.url).pathname;
const NOTEBOOK = /\.(ipynb|py|md)$/;

const cells: Record<string, ReturnType<typeof notebookCells>> = {};
for (const name of readdirSync(folder).sort()) {
  if (!NOTEBOOK.test(name) || name === 'SOURCES.md' || name === 'DIFFERENCES.md') continue;
  cells[name] = notebookCells(name, readFileSync(join(folder, name), 'utf8'));
}
process.stdout.write(JSON.stringify(cells) + '\n');
