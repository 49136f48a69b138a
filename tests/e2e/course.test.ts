// End to end: the web build in Debian's Chromium, driven as a student would drive it.
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveWebBuild, type WebServer } from '../../scripts/web.ts';
import { snapshotFile } from '../../renderer/python/snapshot-pages.ts';
import { repoRoot } from '../support/shared.ts';
import { launchBrowser, type Browser } from './support/browser.ts';
import { builtinCourse, practiceBlocks, wrongAnswer, type CourseLesson } from './support/course.ts';
import type { FeedbackRule, PracticeBlock } from '../../core/lessons/types.ts';
import { goldenCells, maskAddresses } from './support/golden.ts';

const course = builtinCourse();
const golden = goldenCells();
const screenshots = join(repoRoot, 'test-results');
const pythonStartMs = 90_000;
/** The machine running the tests may be busy: wait for the page rather than fail. */
const patiently = { timeout: 30_000 };

let buildDir: string;
let downloads: string;
let server: WebServer;
let browser: Browser;
let page: Page;
const seen = {
  agreeingPanels: 0,
  practiceItems: 0,
  reluPlots: 0,
  hintsShown: 0,
  typesetFeedback: 0,
};
/** Uncaught exceptions in the page: each test must leave none. */
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  // A build folder of its own: other tests may build dist/web at the same time.
  buildDir = mkdtempSync(join(tmpdir(), 'gradlab-e2e-web-'));
  server = await serveWebBuild({ port: 0, root: buildDir });
  downloads = mkdtempSync(join(tmpdir(), 'gradlab-downloads-'));
  browser = await launchBrowser(downloads);
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
}, 300_000);

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const folder of [buildDir, downloads]) {
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
});

const nav = () => page.getByRole('navigation', { name: 'Lessons' });
const currentStep = () => page.locator('.step');

async function pythonReady(on: Page = page): Promise<void> {
  await on.waitForFunction(() => document.body.dataset.python === 'ready', null, {
    timeout: pythonStartMs,
  });
}

/** Runs a cell and waits for its output. */
async function runCell(cell: Locator): Promise<void> {
  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => cell.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
  // Plots and symbolic panels load their code on first use.
  await expect.poll(() => cell.locator('[aria-busy="true"]').count(), { timeout: 30_000 }).toBe(0);
}

async function replaceEditorText(editor: Locator, text: string): Promise<void> {
  const { keyboard } = editor.page();
  await editor.click();
  await keyboard.press('Control+A');
  await keyboard.press('Delete');
  await keyboard.insertText(text);
}

/** The first step of lesson 1 with two code cells. */
async function twoCells(): Promise<Locator> {
  await firstCellOfLesson(course[0]!);
  const cells = page.locator('.step .cell');
  while ((await cells.count()) < 2) await page.getByRole('button', { name: 'Next' }).click();
  return cells;
}

/** Runs code that never ends, presses Stop, and times how long until the cell is done. */
async function stopRunaway(cell: Locator, code: string): Promise<{ ms: number; output: string }> {
  await replaceEditorText(cell.getByRole('textbox'), code);
  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => cell.getAttribute('data-state'), patiently).toBe('running');
  await page.waitForTimeout(300);
  // Timed in the page, from the click on Stop to the cell showing its outcome.
  await cell.evaluate((element) => {
    const timing = { pressed: 0, done: 0 };
    (window as unknown as { stopTiming: typeof timing }).stopTiming = timing;
    element.addEventListener('click', () => (timing.pressed = performance.now()), {
      capture: true,
    });
    new MutationObserver(() => {
      if (element.getAttribute('data-state') === 'done' && !timing.done)
        timing.done = performance.now();
    }).observe(element, { attributes: true });
  });
  await cell.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => cell.getAttribute('data-state'), patiently).toBe('done');
  const ms = await page.evaluate(() => {
    const { pressed, done } = (
      window as unknown as { stopTiming: { pressed: number; done: number } }
    ).stopTiming;
    return done - pressed;
  });
  return { ms, output: (await cell.locator('.cell-output').textContent()) ?? '' };
}

/** Opens the lesson at its first step that has a code cell; returns that cell. */
async function firstCellOfLesson({ lesson }: CourseLesson): Promise<Locator> {
  await nav().getByRole('link', { name: lesson.meta.title, exact: true }).click();
  while (!(await page.getByRole('button', { name: 'Back' }).isDisabled())) {
    await page.getByRole('button', { name: 'Back' }).click();
  }
  const cells = page.locator('.step .cell');
  while ((await cells.count()) === 0) await page.getByRole('button', { name: 'Next' }).click();
  return cells.first();
}

/** The item's feedback rule for a given answer whose sentence has maths in it, if any. */
function typesetFeedback(block: PracticeBlock): FeedbackRule | undefined {
  return block.item.feedback.find((rule) => rule.answer !== undefined && rule.say.includes('$'));
}

async function answerPractice(item: Locator, answer: string): Promise<string> {
  await replaceEditorText(item.getByRole('textbox', { name: 'Answer' }), answer);
  const verdict = item.getByRole('status');
  await item.getByRole('button', { name: 'Check' }).click();
  await expect.poll(() => verdict.textContent(), { timeout: 60_000 }).not.toMatch(/^(Checking…)?$/);
  return (await verdict.textContent()) ?? '';
}

// Generous: the machine running the suite may be busy with other tests.
describe('Gradlab in Chromium (web build)', { timeout: 240_000 }, () => {
  it('lists the five built-in lessons and shows the first without waiting for Python', async () => {
    expect(course).toHaveLength(5);
    const links = nav().getByRole('link');
    await expect
      .poll(() => links.allTextContents(), { timeout: 30_000 })
      .toEqual(course.map((c) => c.lesson.meta.title));
    await expect
      .poll(() => page.locator('#lesson-title').textContent(), patiently)
      .toBe(course[0]!.lesson.meta.title);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await pythonReady();
    const [lessonShown, pythonStarted] = await page.evaluate(() =>
      ['gradlab:first-lesson-visible', 'gradlab:python-ready'].map(
        (mark) => performance.getEntriesByName(mark)[0]!.startTime,
      ),
    );
    expect(lessonShown).toBeLessThan(pythonStarted!);
    const indicator = page.locator('.step-indicator');
    const steps = course[0]!.lesson.steps.length;
    await page.locator('#lesson-title').click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => indicator.textContent(), patiently).toBe(`Step 2 of ${steps}`);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => indicator.textContent(), patiently).toBe(`Step 1 of ${steps}`);
  });

  it('builds a page whose first lesson needs one request: the entry script', () => {
    const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<link rel="stylesheet"/);
    // The stylesheet is inline, with KaTeX's upright and italic faces in it.
    const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
    for (const family of ['KaTeX_Main', 'KaTeX_Math']) {
      expect(style).toMatch(
        new RegExp(`font-family:${family};[^}]*src:url\\(data:font/woff2;base64,`),
      );
    }
    expect(style).not.toMatch(/url\(\.\/KaTeX/);
    const scripts = [
      ...html.matchAll(/<script type="module" async crossorigin src="\.\/([^"]+)"/g),
    ];
    expect(scripts).toHaveLength(1);
    // The first lesson's data (its maths already typeset) is part of the entry script; the
    // other lessons' data are chunks of their own.
    const entry = readFileSync(join(buildDir, scripts[0]![1]!), 'utf8');
    expect(entry).toContain('katex-mathml');
    const chunks = readdirSync(join(buildDir, 'assets'));
    const lessonChunks = course.map(({ file }) =>
      chunks.some((chunk) => chunk.startsWith(file.replace(/\.md$/, '-'))),
    );
    expect(lessonChunks).toEqual(course.map((_, index) => index > 0));
  });

  for (const [lessonIndex, entry] of course.entries()) {
    it(`walks every step of "${entry.lesson.meta.title}", running cells and answering practice`, async () => {
      await walkLesson(entry, lessonIndex);
    });
  }

  it('saw the symbolic panel agree, the ReLU plot drawn, every practice item graded', () => {
    expect(seen.agreeingPanels).toBeGreaterThan(0);
    expect(seen.practiceItems).toBe(
      course.reduce((sum, { lesson }) => sum + practiceBlocks(lesson).flat().length, 0),
    );
    expect(seen.reluPlots).toBeGreaterThan(0);
    expect(seen.hintsShown).toBeGreaterThan(0);
    expect(seen.typesetFeedback).toBeGreaterThan(0);
  });

  it('runs the seed lab cell by cell with the outputs PyTorch gave', async () => {
    const cell = await firstCellOfLesson(course[0]!);
    for (const expected of golden) {
      await replaceEditorText(cell.getByRole('textbox'), expected.code);
      await runCell(cell);
      const where = `seed cell ${expected.index}`;
      const stdout = (await cell.locator('.out-stdout').allTextContents()).join('');
      expect(maskAddresses(stdout), where).toBe(maskAddresses(expected.stdout));
      const display = await cell.locator('.out-display').allTextContents();
      expect(display.map(maskAddresses), where).toEqual(
        expected.display === null ? [] : [maskAddresses(expected.display)],
      );
      const errors = await cell.locator('.out-error').allTextContents();
      if (expected.error === null) expect(errors, where).toEqual([]);
      else expect(errors.join(''), where).toContain(expected.error);
      const warnings = await cell.locator('.out-warning').allTextContents();
      expect(warnings.map(maskAddresses), where).toEqual(expected.warnings.map(maskAddresses));
      expect(await cell.locator('canvas').count(), where).toBe(expected.plots.length);
    }
  });

  it('stops `while True: pass` within a second and runs the next cell', async () => {
    const cells = await twoCells();
    const { ms, output } = await stopRunaway(cells.nth(0), 'while True: pass');
    expect(ms).toBeLessThan(1_000);
    expect(output).toContain('KeyboardInterrupt');
    await runCell(cells.nth(1));
    expect(await cells.nth(1).locator('.out-notice').count()).toBe(0);
  });

  it('Stop also cancels a cell waiting behind a runaway one, which then runs normally', async () => {
    const cells = await twoCells();
    await replaceEditorText(cells.nth(0).getByRole('textbox'), 'while True: pass');
    await cells.nth(0).getByRole('button', { name: 'Run', exact: true }).click();
    await cells.nth(1).getByRole('button', { name: 'Run', exact: true }).click();
    await cells.nth(1).getByRole('button', { name: 'Stop' }).click();
    for (const cell of [cells.nth(0), cells.nth(1)])
      await expect.poll(() => cell.getAttribute('data-state'), patiently).toBe('done');
    expect(await cells.nth(0).locator('.cell-output').textContent()).toContain('KeyboardInterrupt');
    expect(await cells.nth(1).locator('.cell-output').textContent()).toBe('Stopped before it ran.');
    await runCell(cells.nth(1));
    expect(await cells.nth(1).locator('.out-notice').count()).toBe(0);
  });

  it('stops code Python cannot interrupt by switching to the warm spare worker', async () => {
    const cells = await twoCells();
    await replaceEditorText(cells.nth(0).getByRole('textbox'), 'above = 6 * 7\nprint(above)');
    // A C-level loop never reaches the interpreter's interrupt check.
    const { ms, output } = await stopRunaway(cells.nth(1), 'sum(range(10**12))');
    expect(ms).toBeLessThan(1_000);
    expect(output).toMatch(/restarting Python.*every variable was reset/);
    // The notice offers to run the cells above again (earlier tests may have left one of them
    // raising, where "Run all above" stops, as Jupyter does); the new Python runs a cell.
    const runAbove = cells
      .nth(1)
      .locator('.out-notice')
      .getByRole('button', { name: 'Run all above' });
    expect(await runAbove.count()).toBe(1);
    await runCell(cells.nth(0));
    expect(await cells.nth(0).locator('.cell-output').textContent()).toMatch(/^42\s*$/);
  });

  it('keeps progress across a reload', async () => {
    await page.reload();
    const summaries = nav().locator('.lesson-progress span');
    await expect.poll(() => summaries.count(), patiently).toBe(course.length);
    for (const [index, { lesson }] of course.entries()) {
      const items = practiceBlocks(lesson).flat().length;
      const text = await summaries.nth(index).textContent();
      expect(text).toContain(`${lesson.steps.length}/${lesson.steps.length} steps`);
      if (items > 0) expect(text).toContain(`${items}/${items} practice`);
    }
  });

  it('exports grades as CSV', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export grades' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    const rows = csv.trim().split(/\r?\n/);
    expect(rows[0]).toBe('lesson,item,attempts,score,time');
    const items = course.flatMap(({ lesson }) =>
      practiceBlocks(lesson)
        .flat()
        // A wrong answer and the solution, and the answer with typeset feedback where there is one.
        .map((block) => `${lesson.meta.title},${block.item.id},${typesetFeedback(block) ? 3 : 2},`),
    );
    for (const prefix of items)
      expect(
        rows.some((row) => row.startsWith(prefix)),
        prefix,
      ).toBe(true);
  });

  it("opens an instructor's lesson folder and shows its errors with file:line:col", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gradlab-folder-'));
    mkdirSync(join(folder, 'course'));
    writeFileSync(
      join(folder, 'course', 'good.md'),
      '---\nid: mine\ntitle: My own lesson\n---\n\n# Hello\n\nSome text.\n',
    );
    writeFileSync(
      join(folder, 'course', 'broken.md'),
      '---\nid: broken\ntitle: Broken\ntitel: typo\n---\n\n# Oops\n',
    );
    // Chromium's showDirectoryPicker cannot be driven by a test: use the <input> path instead.
    const instructor = await browser.context.newPage();
    instructor.on('pageerror', (error) => pageErrors.push(error.message));
    await instructor.addInitScript(() => {
      delete (window as { showDirectoryPicker?: unknown }).showDirectoryPicker;
    });
    await instructor.goto(server.url);
    const chooser = instructor.waitForEvent('filechooser');
    await instructor.getByRole('button', { name: 'Open lesson folder…' }).click();
    await (await chooser).setFiles(join(folder, 'course'));
    const link = instructor
      .getByRole('navigation', { name: 'Lessons' })
      .getByRole('link', { name: 'My own lesson', exact: true });
    await expect.poll(() => link.count(), patiently).toBe(1);
    const errors = instructor.getByRole('region', { name: 'Lesson errors' });
    expect(await errors.textContent()).toMatch(/broken\.md:4:1: .*titel/);
    await instructor.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('starts Python cold when the build has no memory snapshot, and runs a cell', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'gradlab-e2e-no-snapshot-'));
    cpSync(buildDir, bare, {
      recursive: true,
      filter: (source) => !basename(source).startsWith(snapshotFile),
    });
    const bareServer = await serveWebBuild({ port: 0, root: bare, build: false });
    const visitor = await browser.context.newPage();
    try {
      visitor.on('pageerror', (error) => pageErrors.push(error.message));
      const worker = visitor.waitForEvent('worker');
      await visitor.goto(bareServer.url);
      await pythonReady(visitor);
      const marks = await (
        await worker
      ).evaluate(() => performance.getEntriesByType('mark').map((mark) => mark.name));
      expect(marks).toContain('python:cold-start');
      const cell = visitor.locator('.step .cell').first();
      while ((await visitor.locator('.step .cell').count()) === 0) {
        await visitor.getByRole('button', { name: 'Next' }).click();
      }
      await replaceEditorText(
        cell.getByRole('textbox'),
        'import torch\nprint(torch.tensor([1.0, 2.0]) * 3)',
      );
      await runCell(cell);
      expect(await cell.locator('.cell-output').textContent()).toContain('tensor([3., 6.])');
    } finally {
      await visitor.close();
      await bareServer.close();
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

async function walkLesson({ file, lesson }: CourseLesson, lessonIndex: number): Promise<void> {
  await nav().getByRole('link', { name: lesson.meta.title, exact: true }).click();
  await expect
    .poll(() => page.locator('#lesson-title').textContent(), patiently)
    .toBe(lesson.meta.title);
  while (!(await page.getByRole('button', { name: 'Back' }).isDisabled())) {
    await page.getByRole('button', { name: 'Back' }).click();
  }
  const practice = practiceBlocks(lesson);
  for (const [stepIndex, step] of lesson.steps.entries()) {
    await expect
      .poll(() => page.locator('.step-indicator').textContent(), patiently)
      .toBe(`Step ${stepIndex + 1} of ${lesson.steps.length}`);
    const codes = step.blocks.flatMap((block) => (block.kind === 'python' ? [block.code] : []));
    const cells = currentStep().locator('.cell');
    expect(await cells.count()).toBe(codes.length);
    for (const [cellIndex, code] of codes.entries()) {
      const cell = cells.nth(cellIndex);
      await runCell(cell);
      const where = `${file} step ${stepIndex + 1} cell ${cellIndex + 1}`;
      expect(await cell.locator('.out-error').allTextContents(), where).toEqual([]);
      if (/\.backward\(/.test(code)) {
        const panels = cell.locator('.symbolic');
        expect(await panels.count(), `${where}: symbolic panel`).toBeGreaterThan(0);
        // A custom Function's backward may be wrong on purpose (lesson 3): the panel says so.
        if (!/\.apply\(/.test(code)) expect(await cell.locator('.disagree').count(), where).toBe(0);
        seen.agreeingPanels += await cell.locator('.agree').count();
      }
      if (/relu/i.test(code) && /plt\.plot|plot\(/.test(code)) {
        const canvas = cell.locator('canvas').first();
        expect(await canvasInkPixels(canvas), `${where}: ReLU plot drawn`).toBeGreaterThan(500);
        seen.reluPlots++;
      }
    }
    for (const block of practice[stepIndex]!) {
      const item = currentStep().getByRole('region', { name: `Practice ${block.item.id}` });
      expect(await answerPractice(item, wrongAnswer(block))).toMatch(/^Not yet: \S/);
      // An answer the lesson has feedback for, written with maths: typeset, no '$' left.
      const typeset = typesetFeedback(block);
      if (typeset?.answer !== undefined) {
        await answerPractice(item, typeset.answer);
        expect(await item.getByRole('status').locator('.katex').count()).toBeGreaterThan(0);
        expect(await item.getByRole('status').innerText()).not.toContain('$');
        seen.typesetFeedback++;
      }
      expect(await answerPractice(item, block.item.solution ?? '')).toMatch(/^Correct\b/);
      seen.practiceItems++;
      if (block.html.hints.length > 0) {
        await item.getByRole('button', { name: 'Hint' }).click();
        expect(await item.locator('.hints li').count()).toBe(1);
        if (block.item.hints[0]!.includes('$'))
          expect(await item.locator('.hints li .katex').count()).toBeGreaterThan(0);
        seen.hintsShown++;
      }
      if (block.item.solution !== undefined) {
        await item.getByRole('button', { name: 'Show solution' }).click();
        expect(await item.locator('.solution-text').textContent()).toBe(block.item.solution);
        if (block.item.explanation?.includes('$'))
          expect(await item.locator('.solution .katex').count()).toBeGreaterThan(0);
      }
    }
    await page.screenshot({
      path: join(
        screenshots,
        `lesson-${lessonIndex + 1}-${lesson.meta.id}-step-${stepIndex + 1}.png`,
      ),
      fullPage: true,
    });
    if (stepIndex < lesson.steps.length - 1) {
      await page.getByRole('button', { name: 'Next' }).click();
    }
  }
}

/** How many pixels of a canvas are painted (a chart with lines has thousands). */
function canvasInkPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element) => {
    const node = element as HTMLCanvasElement;
    const pixels = node.getContext('2d')!.getImageData(0, 0, node.width, node.height).data;
    let count = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) count++;
    return count;
  });
}
