// The seed lab as a Jupyter notebook, built the way Jupyter exports would split it: each
// ```python fence a code cell, the text between them a Markdown cell.
import { readFileSync } from 'node:fs';
import { sharedPath } from '../support/shared.ts';

export const SEED_FILE = 'seeds/000_56fb343e652139a9.txt';

export function seedText(): string {
  return readFileSync(sharedPath(SEED_FILE), 'utf8');
}

interface NotebookCellJson {
  cell_type: 'markdown' | 'code';
  metadata: Record<string, unknown>;
  source: string[];
}

/** Source lines as nbformat stores them: each but the last ends with "\n". */
function sourceLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((line, index) => (index < lines.length - 1 ? `${line}\n` : line));
}

export function seedNotebook(): string {
  const cells: NotebookCellJson[] = [];
  const parts = seedText().split(/^```python\n([\s\S]*?)^```\n/m);
  parts.forEach((part, index) => {
    const isCode = index % 2 === 1;
    if (!isCode && part.trim() === '') return;
    const source = isCode ? part.replace(/\n+$/, '') : part.trim();
    cells.push({
      cell_type: isCode ? 'code' : 'markdown',
      metadata: {},
      source: sourceLines(source),
    });
  });
  return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }, null, 1);
}
