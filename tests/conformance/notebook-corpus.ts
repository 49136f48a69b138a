// The notebook corpus (tests/fixtures/notebooks): real teaching notebooks, what PyTorch showed for
// each cell (expected/, recorded by tools/notebook-probes/generate.py), the cells known to differ
// with their reasons (known-differences.json), and Gradlab's run of a notebook through
// `gradlab run --json`, compared cell by cell. Shared by the conformance test and
// tools/notebook-probes/update-known.ts.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { RunRecord } from '../../cli/commands/run.ts';
import type { PlotRecord } from '../../core/python/kernel.ts';
import { repoRoot } from '../support/shared.ts';
import { maskAddresses, visibleOutput, type GoldenOutput } from './compare.ts';

export const corpusFolder = `${repoRoot}tests/fixtures/notebooks/`;
export const knownDifferencesFile = `${corpusFolder}known-differences.json`;

/** One plotted series as the probes record it: its kind and its data. */
interface PlotSeries {
  kind: string;
  x?: (number | null)[];
  y?: (number | null)[];
  z?: (number | null)[];
  shape?: number[];
}

export interface RecordedCell extends GoldenOutput {
  index: number;
  kind: RunRecord['kind'];
  code: string;
  plots: { series: PlotSeries[] }[];
  /** Why the output depends on the machine (a shell command, a timing magic): not compared. */
  machineDependent?: string;
}

export interface NotebookFixture {
  meta: { torch: string; notebook: string };
  cells: RecordedCell[];
}

/** Notebook file name -> cell index -> the one-line reason that cell differs from PyTorch. */
export type KnownDifferences = Record<string, Record<string, string>>;

export function corpusNotebooks(folder = corpusFolder): string[] {
  return readdirSync(`${folder}expected`)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

export function readExpected(notebook: string, folder = corpusFolder): NotebookFixture {
  return JSON.parse(readFileSync(`${folder}expected/${notebook}.json`, 'utf8')) as NotebookFixture;
}

export function readKnownDifferences(): KnownDifferences {
  return JSON.parse(readFileSync(knownDifferencesFile, 'utf8')) as KnownDifferences;
}

/** `gradlab run NOTEBOOK --json`, as an instructor would run it (exit status 1 when a cell raised). */
export function runInGradlab(notebook: string, folder = corpusFolder): RunRecord[] {
  const args = ['bin/gradlab.js', 'run', `${folder}${notebook}`, '--json'];
  const options = { cwd: repoRoot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 } as const;
  try {
    return JSON.parse(execFileSync(process.execPath, args, options)) as RunRecord[];
  } catch (error) {
    const failure = error as { status: number | null; stdout: string; stderr: string };
    if (failure.status !== 1)
      throw new Error(`gradlab run ${notebook} failed: ${failure.stderr}`, { cause: error });
    return JSON.parse(failure.stdout) as RunRecord[];
  }
}

/**
 * Gradlab's plot records (one per axes) grouped into figures, each as the series its axes drew in
 * order, as generate.py records a figure: kind and data.
 */
function figureSeries(plots: PlotRecord[]): PlotSeries[][] {
  const figures: PlotSeries[][] = [];
  for (let i = 0; i < plots.length;) {
    const axes = plots.slice(i, i + (plots[i].axesInFigure ?? 1));
    figures.push(
      axes.flatMap((plot) =>
        plot.lines.map(({ kind, x, y, z }) => ({ kind, x, y, ...(z === undefined ? {} : { z }) })),
      ),
    );
    i += axes.length;
  }
  return figures;
}

const FLOAT32_RELATIVE = 2 ** -23;

function sameNumbers(actual: (number | null)[] = [], expected: (number | null)[] = []): boolean {
  if (actual.length !== expected.length) return false;
  return expected.every((value, i) => {
    const other = actual[i];
    if (value === null || other === null) return value === other;
    return Math.abs(other - value) <= FLOAT32_RELATIVE * Math.max(Math.abs(value), 1e-30);
  });
}

function sameSeries(actual: PlotSeries, expected: PlotSeries): boolean {
  return (
    actual.kind === expected.kind &&
    sameNumbers(actual.x, expected.x) &&
    sameNumbers(actual.y, expected.y) &&
    sameNumbers(actual.z, expected.z) &&
    String(actual.shape) === String(expected.shape)
  );
}

/** Figures compared by kind, series count and data; series of one kind keep their order. */
function plotDifference(actual: PlotRecord[], expected: NotebookFixture['cells'][number]['plots']) {
  const figures = figureSeries(actual);
  if (figures.length !== expected.length)
    return `${figures.length} figures where PyTorch shows ${expected.length}`;
  for (const [f, figure] of expected.entries()) {
    const byKind = (series: PlotSeries[]) =>
      [...series].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
    const want = byKind(figure.series);
    const got = byKind(figures[f]);
    const kinds = (series: PlotSeries[]) => series.map((s) => s.kind).join(', ');
    if (kinds(want) !== kinds(got))
      return `figure ${f + 1} draws [${kinds(got)}] where PyTorch draws [${kinds(want)}]`;
    const s = want.findIndex((series, i) => !sameSeries(got[i], series));
    if (s >= 0) return `figure ${f + 1}: the data of its ${want[s].kind} series ${s + 1} differ`;
  }
  return null;
}

/** null when the cell shows what PyTorch showed (0x addresses masked), else what differs. */
export function cellDifference(actual: RunRecord, expected: RecordedCell): string | null {
  const got = visibleOutput(actual);
  const want = visibleOutput(expected);
  for (const key of ['error', 'stdout', 'display', 'warnings'] as const) {
    const [a, b] = [JSON.stringify(got[key]), JSON.stringify(want[key])];
    if (a !== b) return `${key}: Gradlab ${a}, PyTorch ${b}`;
  }
  return plotDifference(actual.plots, expected.plots);
}

export interface NotebookComparison {
  /** Cell index -> what differs, for every compared cell that differs. */
  differing: Map<number, string>;
  compared: number;
}

/** Compares every cell PyTorch's output does not make machine-dependent. */
export function compareNotebook(
  actual: RunRecord[],
  expected: NotebookFixture,
): NotebookComparison {
  const differing = new Map<number, string>();
  let compared = 0;
  for (const cell of expected.cells) {
    if (cell.machineDependent !== undefined) continue;
    compared += 1;
    const ran = actual[cell.index];
    const difference =
      ran === undefined || ran.code !== cell.code
        ? 'Gradlab split the notebook into other cells'
        : cellDifference(ran, cell);
    if (difference !== null) differing.set(cell.index, difference);
  }
  return { differing, compared };
}

const RANDOM_NUMBERS =
  /\b(rand|randn|randint|randperm|manual_seed|normal_|uniform_|Linear|Dropout|shuffle)\b/;

/**
 * A first guess at a new difference's cause, from what Gradlab showed and the notebook's code up
 * to this cell; a person may refine it (update-known keeps reasons already written).
 */
export function likelyCause(
  actual: RunRecord,
  expected: RecordedCell,
  codeSoFar: string,
  earlierCellDiffers: boolean,
): string {
  const error = actual.error === null ? null : maskAddresses(actual.error).split('\n')[0];
  if (error !== null && expected.error === null) {
    if (error.startsWith('NameError') && earlierCellDiffers)
      return 'a name an earlier differing cell should have defined is missing';
    return `Gradlab raises ${error}`;
  }
  if (error === null && expected.error !== null)
    return `Gradlab raises nothing where PyTorch raises ${expected.error.split('\n')[0]}`;
  if (error !== expected.error) return `the error's text differs (Gradlab: ${error})`;
  if (RANDOM_NUMBERS.test(codeSoFar))
    return "random numbers differ from PyTorch's seeded generator (or an earlier cell differs)";
  if (earlierCellDiffers) return 'follows from an earlier differing cell (or differs itself)';
  return `${cellDifference(actual, expected)?.split(':')[0]} differs`;
}
