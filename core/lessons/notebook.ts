// The Python cells of a file, in the order a notebook runs them (`gradlab run`).
// Formats: notebook-style Markdown (.md/.txt, including our lesson files), Jupyter .ipynb,
// and percent-format .py (cells split at `# %%` lines).
import { markdownCells, trimTrailingBlankLines } from './markdown-cells.ts';
import type { NotebookCell } from './notebook-cell.ts';

export function notebookCells(fileName: string, text: string): NotebookCell[] {
  const extension = fileExtension(fileName);
  switch (extension) {
    case '.md':
    case '.markdown':
    case '.txt':
      return requireCells(fileName, markdownCells(text));
    case '.ipynb':
      return ipynbCells(fileName, text);
    case '.py':
      return percentCells(text);
    default:
      throw new Error(
        `${fileName} is not a notebook: expected a .md, .txt, .ipynb or .py file, not '${extension || 'no extension'}'.`,
      );
  }
}

function fileExtension(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

function requireCells(fileName: string, cells: NotebookCell[]): NotebookCell[] {
  if (cells.length === 0) throw new Error(`${fileName} has no \`\`\`python cells to run.`);
  return cells;
}

function ipynbCells(fileName: string, text: string): NotebookCell[] {
  const result: NotebookCell[] = [];
  const cells = notebookCellList(fileName, text);
  cells.forEach((cell: unknown, index) => {
    if (!isRecord(cell) || (cell.cell_type !== 'code' && cell.cell_type !== 'markdown')) return;
    const source = notebookSource(cell.source);
    if (source === null)
      throw new Error(`${fileName}: cell ${index + 1} has a "source" that is not text.`);
    if (cell.cell_type === 'code') result.push({ kind: 'code', code: source, line: index + 1 });
    // A solution hidden in a Markdown cell (the seed's pattern) runs in its place when it
    // follows the student's code cell.
    else if (followsCode(cells[index - 1]))
      for (const hidden of markdownCells(source))
        if (hidden.kind === 'solution') result.push({ ...hidden, line: index + 1 });
  });
  return result;
}

function followsCode(previous: unknown): boolean {
  return isRecord(previous) && previous.cell_type === 'code';
}

/** The raw `cells` of a .ipynb text; throws one clear sentence when it is not a notebook. */
export function notebookCellList(fileName: string, text: string): unknown[] {
  let notebook: unknown;
  try {
    notebook = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${fileName} is not valid notebook JSON: ${reason}.`, { cause: error });
  }
  const cells = isRecord(notebook) ? notebook.cells : undefined;
  if (!Array.isArray(cells))
    throw new Error(`${fileName} has no "cells" list (a Jupyter notebook, nbformat 4, expected).`);
  return cells;
}

/** nbformat stores a cell's source as one string or as a list of lines. */
export function notebookSource(source: unknown): string | null {
  if (typeof source === 'string') return source;
  if (Array.isArray(source) && source.every((line) => typeof line === 'string'))
    return source.join('');
  return null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const PERCENT_MARKER = /^# ?%%(.*)$/;

function percentCells(text: string): NotebookCell[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cells: NotebookCell[] = [];
  let current: { startLine: number; lines: string[]; isCode: boolean; explicit: boolean } = {
    startLine: 1,
    lines: [],
    isCode: true,
    explicit: false,
  };
  const flush = () => {
    if (!current.isCode) return;
    const code = trimTrailingBlankLines(current.lines.join('\n'));
    // Text before the first marker is a cell only when it holds something.
    if (!current.explicit && code.trim() === '') return;
    const leadingBlank = code.length - code.replace(/^(?:[ \t]*\n)+/, '').length;
    const skipped = code.slice(0, leadingBlank).split('\n').length - 1;
    cells.push({ kind: 'code', code: code.slice(leadingBlank), line: current.startLine + skipped });
  };
  lines.forEach((line, index) => {
    const marker = PERCENT_MARKER.exec(line);
    if (!marker) {
      current.lines.push(line);
      return;
    }
    flush();
    // `# %% [markdown]` (Jupytext) holds Markdown written as comments: not code.
    const isCode = !/\[(markdown|md|raw)\]/i.test(marker[1]);
    current = { startLine: index + 2, lines: [], isCode, explicit: true };
  });
  flush();
  return cells;
}
