// `gradlab run FILE [--fresh] [--json]`: runs every Python cell of a lesson, notebook-style
// Markdown, .ipynb or percent-format .py file in order, as Jupyter would (DESIGN.md).
import { readFileSync, statSync } from 'node:fs';
import { notebookCells, type NotebookCell } from '../../core/lessons/notebook.ts';
import type { CellResult, PlotRecord } from '../../core/python/kernel.ts';
import { UsageError } from '../errors.ts';
import { startNodeKernel } from '../python-node.ts';

const USAGE = 'usage: gradlab run FILE [--fresh] [--json]';

interface RunOptions {
  file: string;
  fresh: boolean;
  json: boolean;
}

/** One cell's outcome in `--json` output (the shape of ../shared/golden/seed-lab.json). */
export interface RunRecord {
  index: number;
  kind: NotebookCell['kind'];
  code: string;
  stdout: string;
  display: string | null;
  error: string | null;
  warnings: string[];
  plots: PlotRecord[];
}

function parseArguments(args: string[]): RunOptions {
  const options: RunOptions = { file: '', fresh: false, json: false };
  for (const arg of args) {
    if (arg === '--fresh') options.fresh = true;
    else if (arg === '--json') options.json = true;
    else if (arg.startsWith('-')) throw new UsageError(`run: unknown option '${arg}' (${USAGE})`);
    else if (options.file !== '')
      throw new UsageError(`run: one FILE only, got '${options.file}' and '${arg}' (${USAGE})`);
    else options.file = arg;
  }
  if (options.file === '') throw new UsageError(`run: FILE is missing (${USAGE})`);
  return options;
}

function readCells(file: string): NotebookCell[] {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new UsageError(`run: ${file} is a folder, not a file`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : String(code ?? error);
    throw new UsageError(`run: cannot read ${file}: ${reason}`);
  }
  try {
    return notebookCells(file, text);
  } catch (error) {
    throw new UsageError(`run: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function describePlot(plot: PlotRecord): string {
  const lines = plot.lines.map(
    (series) =>
      `${series.label ?? series.kind} (${series.x.length} ${series.columns === undefined ? 'points' : 'grid points'})`,
  );
  const axes = [
    plot.title === null ? null : `title '${plot.title}'`,
    plot.xlabel === null ? null : `xlabel '${plot.xlabel}'`,
    plot.ylabel === null ? null : `ylabel '${plot.ylabel}'`,
    plot.zlabel ? `zlabel '${plot.zlabel}'` : null,
  ].filter((part) => part !== null);
  return `<Figure: ${[lines.join(', '), ...axes].join('; ')}>`;
}

/** A cell as a notebook shows it: its code after `In [n]:`, then its outputs. */
function formatCell(cell: NotebookCell, index: number, result: CellResult): string {
  const prompt = `In [${index + 1}]${cell.kind === 'solution' ? ' (solution)' : ''}: `;
  const continuation = ' '.repeat(prompt.length - 5) + '...: ';
  const code = cell.code
    .split('\n')
    .map((line, i) => (i === 0 ? prompt : continuation) + line)
    .join('\n');
  const outputs: string[] = [];
  if (result.stdout !== '') outputs.push(result.stdout.replace(/\n$/, ''));
  for (const warning of result.warnings) outputs.push(warning);
  if (result.error !== null) outputs.push((result.traceback ?? result.error).replace(/\n$/, ''));
  for (const plot of result.plots) outputs.push(describePlot(plot));
  if (result.display !== null) outputs.push(`Out[${index + 1}]: ${result.display}`);
  return [code, ...outputs].join('\n') + '\n';
}

export async function main(args: string[]): Promise<number> {
  const options = parseArguments(args);
  const cells = readCells(options.file);
  const kernel = await startNodeKernel();
  const records: RunRecord[] = [];
  let failed = false;
  cells.forEach((cell, index) => {
    const result = kernel.runCell(cell.code, { fresh: options.fresh });
    failed ||= result.error !== null;
    if (options.json) {
      const { stdout, display, error, warnings, plots } = result;
      records.push({
        index,
        kind: cell.kind,
        code: cell.code,
        stdout,
        display,
        error,
        warnings,
        plots,
      });
    } else {
      process.stdout.write(formatCell(cell, index, result) + '\n');
    }
  });
  if (options.json) process.stdout.write(JSON.stringify(records, null, 1) + '\n');
  return failed ? 1 : 0;
}
