// `npm run bench:ui [-- VISITS]`: the web build in headless Chromium, as a student meets it.
// Each visit is a first visit: a new browser profile (empty HTTP cache, no compiled code cached),
// the browser already running and settled (a just-launched Chromium spends its first seconds of
// CPU on its own UI pages, as a student's browser that is already open does not). It times the first lesson drawn on screen (maths fonts included)
// and Python ready, then a reload of the same page (warm caches, as on a second visit). The first
// visit also runs the seed lab's cells and draws a plot of a million points.
// It also runs a loop whose backward() has a 303-node graph and times the graph view's layout and
// drawing, then one step of its step-through backward.
// Goals: first lesson < 0.5 s, Python ready < 2.5 s, seed cell < 30 ms, 1e6-point plot < 300 ms,
// 300-node graph laid out and drawn < 150 ms, one backward step shown < 16 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { serveWebBuild } from '../scripts/web.ts';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
import { waitForIdleMachine } from './machine-idle.ts';
import { readSharedJson } from '../tests/support/shared.ts';

interface SeedCell {
  code: string;
  kind: string;
}

const visits = Number(process.argv[2] ?? 3);
if (!Number.isInteger(visits) || visits < 1) {
  process.stderr.write(
    `bench:ui: the number of visits must be a whole number ≥ 1, not "${process.argv[2]}"\n`,
  );
  process.exit(2);
}

const seedCells = readSharedJson<{ cells: SeedCell[] }>('golden/seed-lab.json')
  .cells.filter((cell) => cell.kind === 'code' && cell.code.trim() !== '')
  .map((cell) => cell.code);

const millionPointPlot = [
  'import torch',
  'import matplotlib.pylab as plt',
  'x = torch.linspace(-10, 10, 1000000)',
  "plt.plot(x.numpy(), torch.sin(x).numpy(), label='sin')",
  'plt.show()',
].join('\n');

/** x, 0, x*0, then 75 times a constant k, x*k, sin and the add: 303 nodes. */
const bigGraph = [
  'import torch',
  'x = torch.tensor(0.5, requires_grad=True)',
  'y = x * 0',
  'for k in range(1, 76):',
  '    y = y + torch.sin(x * k)',
  'y.backward()',
].join('\n');

/** The steps of Python's start in the worker (renderer/python/worker.ts). */
const workerSteps = ['python:start', 'python:snapshot-fetched', 'python:ready'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** ms since navigation start of a mark, or the durations of a measure. */
function timeline(page: Page, name: string): Promise<number[]> {
  return page.evaluate(
    (entry) =>
      performance
        .getEntriesByName(entry)
        .map((e) => (e.entryType === 'mark' ? e.startTime : e.duration)),
    name,
  );
}

async function waitFor(page: Page, name: string, count: number): Promise<number[]> {
  await page.waitForFunction(
    ([entry, n]) => performance.getEntriesByName(entry as string).length >= (n as number),
    [name, count] as const,
    { timeout: 120_000 },
  );
  return timeline(page, name);
}

/** The worker's marks, in ms since the page's navigation start. */
async function workerMarks(page: Page, worker: Worker): Promise<Map<string, number>> {
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  const { origin, marks } = await worker.evaluate(() => ({
    origin: performance.timeOrigin,
    marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const),
  }));
  return new Map(marks.map(([name, time]) => [name, time + origin - pageOrigin]));
}

/** Runs code in the first cell of the open lesson, as a student would. */
async function runInFirstCell(page: Page, code: string): Promise<void> {
  const cell = page.locator('.step .cell').first();
  await cell.getByRole('textbox').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(code);
  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForFunction(
    () => document.querySelector('.step .cell')?.getAttribute('data-state') === 'done',
  );
}

interface Visit {
  /** The lesson's elements in the page, not yet painted. */
  firstLessonInPage: number;
  firstLesson: number;
  pythonReady: number;
  /** The longest task on the page's main thread until Python was ready (the UI stalls that long). */
  longestTask: number;
  reloadFirstLesson: number;
  reloadPythonReady: number;
  steps: Map<string, number>;
  coldStart: boolean;
  /** How long the new browser took to go quiet before the visit. */
  settledMs: number;
}

async function visit(url: string, runCells: boolean): Promise<Visit & Partial<CellFigures>> {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(recordLongTasks);
    await page.goto('about:blank');
    const settledMs = await waitForIdleMachine();
    const firstWorker = page.waitForEvent('worker');
    await page.goto(url);
    const [firstLesson] = await waitFor(page, 'gradlab:first-lesson-visible', 1);
    const [firstLessonInPage] = await timeline(page, 'gradlab:first-lesson-rendered');
    const [pythonReady] = await waitFor(page, 'gradlab:python-ready', 1);
    const steps = await workerMarks(page, await firstWorker);
    const longestTask = await page.evaluate(
      (until) =>
        Math.max(
          0,
          ...(window as unknown as LongTasks).gradlabLongTasks
            .filter((task) => task.startTime < until)
            .map((task) => task.duration),
        ),
      pythonReady!,
    );
    const cells = runCells ? await cellFigures(page) : {};
    await page.reload();
    const [reloadFirstLesson] = await waitFor(page, 'gradlab:first-lesson-visible', 1);
    const [reloadPythonReady] = await waitFor(page, 'gradlab:python-ready', 1);
    return {
      firstLessonInPage: firstLessonInPage!,
      firstLesson: firstLesson!,
      pythonReady: pythonReady!,
      longestTask,
      reloadFirstLesson: reloadFirstLesson!,
      reloadPythonReady: reloadPythonReady!,
      steps,
      coldStart: steps.has('python:cold-start'),
      settledMs,
      ...cells,
    };
  } finally {
    await browser.close();
  }
}

interface LongTasks {
  gradlabLongTasks: { startTime: number; duration: number }[];
}

/** Runs in the page before its own scripts: keeps every main-thread task over 50 ms. */
function recordLongTasks(): void {
  const tasks: LongTasks['gradlabLongTasks'] = [];
  (window as unknown as LongTasks).gradlabLongTasks = tasks;
  new PerformanceObserver((list) => {
    for (const { startTime, duration } of list.getEntries()) tasks.push({ startTime, duration });
  }).observe({ type: 'longtask', buffered: true });
}

interface CellFigures {
  cellRuns: number[];
  plot: number;
  graphDrawn: number;
  graphNodes: number;
  backwardStep: number;
}

/** The 303-node graph's layout and drawing, then one click on its Step button. */
async function graphFigures(
  page: Page,
): Promise<Pick<CellFigures, 'graphDrawn' | 'graphNodes' | 'backwardStep'>> {
  const drawnBefore = (await timeline(page, 'gradlab:graph-drawn')).length;
  await runInFirstCell(page, bigGraph);
  const drawn = await waitFor(page, 'gradlab:graph-drawn', drawnBefore + 1);
  const graphNodes = await page.evaluate(() =>
    Number(
      (performance.getEntriesByName('gradlab:graph-drawn').at(-1) as PerformanceMeasure | undefined)
        ?.detail ?? 0,
    ),
  );
  const stepsBefore = (await timeline(page, 'gradlab:backward-step')).length;
  await page
    .locator('.step .cell .graph-view')
    .first()
    .getByRole('button', { name: 'Step', exact: true })
    .click();
  const steps = await waitFor(page, 'gradlab:backward-step', stepsBefore + 1);
  return { graphDrawn: drawn.at(-1)!, graphNodes, backwardStep: steps.at(-1)! };
}

async function cellFigures(page: Page): Promise<CellFigures> {
  while ((await page.locator('.step .cell').count()) === 0) {
    await page.getByRole('button', { name: 'Next' }).click();
  }
  for (const code of seedCells) await runInFirstCell(page, code);
  const cellRuns = await timeline(page, 'gradlab:cell-run');
  const plotsBefore = (await timeline(page, 'gradlab:plot-drawn')).length;
  await runInFirstCell(page, millionPointPlot);
  const plots = await waitFor(page, 'gradlab:plot-drawn', plotsBefore + 1);
  return { cellRuns, plot: plots.at(-1)!, ...(await graphFigures(page)) };
}

function line(what: string, values: number[], goal: number | null): string {
  const figure =
    values.length === 1
      ? `${values[0]!.toFixed(0)} ms`
      : `median ${median(values).toFixed(0)} ms (${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)})`;
  const verdict =
    goal === null ? '' : `goal < ${goal} ms: ${median(values) < goal ? 'met' : 'NOT met'}`;
  return `${what.padEnd(38)} ${figure.padEnd(30)} ${verdict}\n`;
}

const buildDir = mkdtempSync(join(tmpdir(), 'gradlab-bench-web-'));
const server = await serveWebBuild({ port: 0, root: buildDir });
try {
  const results: (Visit & Partial<CellFigures>)[] = [];
  const loadBefore = loadavg()[0]!;
  for (let i = 0; i < visits; i++) results.push(await visit(server.url, i === 0));
  const { cellRuns, plot, graphDrawn, graphNodes, backwardStep } = results[0]!;
  const all = (pick: (v: Visit) => number) => results.map(pick);
  const rows: [string, number[], number | null][] = [
    ['first lesson visible (first visit)', all((v) => v.firstLesson), 500],
    ['  in the page, before the paint', all((v) => v.firstLessonInPage), null],
    ['Python ready (first visit)', all((v) => v.pythonReady), 2500],
    ['  longest UI task until then', all((v) => v.longestTask), null],
    ['first lesson visible (reload)', all((v) => v.reloadFirstLesson), 500],
    ['Python ready (reload)', all((v) => v.reloadPythonReady), 2500],
    [`median seed cell run (${cellRuns!.length} cells)`, [median(cellRuns!)], 30],
    ['plot of 1e6 points drawn', [plot!], 300],
    [`graph of ${graphNodes} nodes laid out, drawn`, [graphDrawn!], 150],
    ['one backward step shown', [backwardStep!], 16],
  ];
  const steps = workerSteps.map((step): [string, number[], null] => [
    `  ${step}`,
    all((v) => v.steps.get(step) ?? NaN),
    null,
  ]);
  process.stdout.write(
    `${visits} first visit(s), each with a new browser profile, then a reload; ` +
      `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after (2 cores); ` +
      `waited ${all((v) => v.settledMs)
        .map((ms) => (ms / 1000).toFixed(1))
        .join(', ')} s for the new browser to go quiet\n\n` +
      rows.map((row) => line(...row)).join('') +
      '\nPython start in the worker, first visit (ms since navigation start):\n' +
      steps.map((row) => line(...row)).join(''),
  );
  const cold = results.filter((v) => v.coldStart).length;
  if (cold > 0) {
    process.stdout.write(
      `\nWARNING: ${cold} visit(s) started Python cold: the snapshot did not load.\n`,
    );
  }
} finally {
  await server.close();
  rmSync(buildDir, { recursive: true, force: true });
}
