// `gradlab run FILE [--fresh] [--json]`: runs every Python cell of a lesson, notebook-style
// Markdown, .ipynb or percent-format .py file in order, as Jupyter would.
import { notebookCells } from '../../core/lessons/notebook.ts';
import type { NotebookCell } from '../../core/lessons/notebook-cell.ts';
import type { CellResult, PlotRecord } from '../../core/python/kernel.ts';
import { parseCommandArgs } from '../arguments.ts';
import { UsageError } from '../errors.ts';
import { readInputFile } from '../input-file.ts';
import { PythonSandbox } from '../sandbox/sandbox.ts';
import { TIMEOUT_OPTION, cellSeconds } from '../sandbox/timeout-option.ts';
import { terminalJson, terminalText } from '../terminal-text.ts';

const USAGE = 'usage: gradlab run FILE [--fresh] [--json] [--timeout SECONDS]';

interface RunOptions {
  file: string;
  fresh: boolean;
  json: boolean;
  cellSeconds: number;
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
  const parsed = parseCommandArgs('run', USAGE, args, {
    fresh: { type: 'boolean' },
    json: { type: 'boolean' },
    ...TIMEOUT_OPTION,
  });
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new UsageError(`run: FILE is missing (${USAGE})`);
  if (extra.length > 0)
    throw new UsageError(`run: one FILE only, got '${file}' and '${extra[0]}' (${USAGE})`);
  return {
    file,
    fresh: parsed.values.fresh === true,
    json: parsed.values.json === true,
    cellSeconds: cellSeconds('run', parsed.values.timeout),
  };
}

function readCells(file: string): NotebookCell[] {
  const text = readInputFile(file, 'run');
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
  const python = new PythonSandbox({ cellSeconds: options.cellSeconds });
  try {
    return await runCells(cells, options, python);
  } finally {
    python.close();
  }
}

async function runCells(
  cells: NotebookCell[],
  options: RunOptions,
  python: PythonSandbox,
): Promise<number> {
  const records: RunRecord[] = [];
  let failed = false;
  for (const [index, cell] of cells.entries()) {
    const result = await python.run(cell.code, { fresh: options.fresh });
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
      process.stdout.write(terminalText(formatCell(cell, index, result)) + '\n');
    }
  }
  if (options.json) process.stdout.write(terminalJson(records, 1) + '\n');
  return failed ? 1 : 0;
}
