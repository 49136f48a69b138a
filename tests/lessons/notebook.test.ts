import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { notebookCells } from '../../core/lessons/notebook.ts';
import { readSharedJson, sharedPath } from '../support/shared.ts';

interface GoldenCell {
  index: number;
  kind: 'code' | 'solution';
  code: string;
}

const seedName = 'seeds/000_56fb343e652139a9.txt';
const seedText = readFileSync(sharedPath(seedName), 'utf8');

describe('notebookCells', () => {
  it('reads the seed lab into exactly the golden cells, solutions in their place', () => {
    const golden = readSharedJson<{ cells: GoldenCell[] }>('golden/seed-lab.json').cells;
    const cells = notebookCells(seedName, seedText);
    expect(cells.map(({ kind, code }) => ({ kind, code }))).toEqual(
      golden.map(({ kind, code }) => ({ kind, code })),
    );
  });

  it('gives each seed cell the line its code starts on', () => {
    const lines = seedText.split('\n');
    for (const cell of notebookCells(seedName, seedText)) {
      if (cell.code === '') continue;
      expect(lines[cell.line - 1]).toBe(cell.code.split('\n')[0]);
    }
  });

  it('reads the code cells of a notebook, skipping Markdown', () => {
    const notebook = {
      nbformat: 4,
      cells: [
        { cell_type: 'markdown', source: ['# Title'] },
        { cell_type: 'code', source: ['x = 1\n', 'x + 1'] },
        { cell_type: 'code', source: 'print(2)' },
      ],
    };
    expect(notebookCells('lab.ipynb', JSON.stringify(notebook))).toEqual([
      { kind: 'code', code: 'x = 1\nx + 1', line: 2 },
      { kind: 'code', code: 'print(2)', line: 3 },
    ]);
  });

  it('reports a notebook that is not JSON in one sentence', () => {
    expect(() => notebookCells('lab.ipynb', '{"cells": [')).toThrow(
      /^lab\.ipynb is not valid notebook JSON: .+\.$/,
    );
    expect(() => notebookCells('lab.ipynb', '[]')).toThrow(
      'lab.ipynb has no "cells" list (a Jupyter notebook, nbformat 4, expected).',
    );
  });

  it('splits a percent-format script at # %% lines and skips Markdown cells', () => {
    const script = [
      'import torch',
      '',
      '# %% [markdown]',
      '# Some prose',
      '# %%',
      '',
      'x = torch.tensor(2.0)',
      '',
      '# %% second cell',
      'x',
    ].join('\n');
    expect(notebookCells('lab.py', script)).toEqual([
      { kind: 'code', code: 'import torch', line: 1 },
      { kind: 'code', code: 'x = torch.tensor(2.0)', line: 7 },
      { kind: 'code', code: 'x', line: 10 },
    ]);
  });

  it('takes a script without markers as one cell', () => {
    expect(notebookCells('lab.py', 'a = 1\nprint(a)\n')).toEqual([
      { kind: 'code', code: 'a = 1\nprint(a)', line: 1 },
    ]);
  });

  it('rejects files that are not notebooks', () => {
    expect(() => notebookCells('slides.pdf', '%PDF')).toThrow(
      "slides.pdf is not a notebook: expected a .md, .txt, .ipynb or .py file, not '.pdf'.",
    );
    expect(() => notebookCells('notes.md', '# Only prose')).toThrow(
      'notes.md has no ```python cells to run.',
    );
  });
});
