// One Python cell of a notebook, as `gradlab run` runs it (notebook.ts, markdown-cells.ts).
export interface NotebookCell {
  /** 'solution': a solution the seed hides in an HTML comment after a practice prompt. */
  kind: 'code' | 'solution';
  code: string;
  /**
   * 1-based line of the cell's first code line in the file (Markdown and .py); for .ipynb,
   * the 1-based position of the cell (or of the Markdown cell hiding the solution).
   */
  line: number;
}
