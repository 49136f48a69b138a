// `npm run bench:ui`: the web build in headless Chromium. Prints the time until the first lesson
// is visible and until Python is ready (first visit, then a reload), the median run time of the
// seed lab's cells, and the time to draw a plot of a million points.
// Goals: < 0.5 s, < 2.5 s, < 30 ms, < 300 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serveWebBuild } from '../scripts/web.ts';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
import { readSharedJson } from '../tests/support/shared.ts';

interface SeedCell {
  code: string;
  kind: string;
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

const buildDir = mkdtempSync(join(tmpdir(), 'gradlab-bench-web-'));
const server = await serveWebBuild({ port: 0, root: buildDir });
const browser = await launchBrowser();
try {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  const [firstLesson] = await waitFor(page, 'gradlab:first-lesson-visible', 1);
  const [pythonReady] = await waitFor(page, 'gradlab:python-ready', 1);
  while ((await page.locator('.step .cell').count()) === 0) {
    await page.getByRole('button', { name: 'Next' }).click();
  }
  for (const code of seedCells) await runInFirstCell(page, code);
  const cellRuns = await timeline(page, 'gradlab:cell-run');
  const plotsBefore = (await timeline(page, 'gradlab:plot-drawn')).length;
  await runInFirstCell(page, millionPointPlot);
  const plots = await waitFor(page, 'gradlab:plot-drawn', plotsBefore + 1);
  // A reload: the browser's cache and compiled-code cache are warm, as on a student's second visit.
  await page.reload();
  const [firstLessonAgain] = await waitFor(page, 'gradlab:first-lesson-visible', 1);
  const [pythonReadyAgain] = await waitFor(page, 'gradlab:python-ready', 1);
  const figures = [
    ['first lesson visible (first visit)', firstLesson!, 500],
    ['first lesson visible (reload)', firstLessonAgain!, 500],
    ['Python ready (first visit)', pythonReady!, 2500],
    ['Python ready (reload)', pythonReadyAgain!, 2500],
    [`median seed cell run (${cellRuns.length} cells)`, median(cellRuns), 30],
    ['plot of 1e6 points drawn', plots.at(-1)!, 300],
  ] as const;
  for (const [what, ms, goal] of figures) {
    process.stdout.write(
      `${what.padEnd(36)} ${ms.toFixed(1).padStart(9)} ms   (goal < ${goal} ms)\n`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(buildDir, { recursive: true, force: true });
}
