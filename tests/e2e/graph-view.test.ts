// The graph view in Chromium (web build): each built-in lesson's first backward() shows its
// autograd graph (saved as a screenshot under test-results/), the seed's SQ bug shows its custom
// Function between the leaf and the product by 3, uv + u² shows u feeding two ops, and a
// reload leaves no graph of an earlier run behind.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveWebBuild, type WebServer } from '../../scripts/web.ts';
import { repoRoot } from '../support/shared.ts';
import { launchBrowser, type Browser } from './support/browser.ts';
import { builtinCourse } from './support/course.ts';

const course = builtinCourse();
const screenshots = join(repoRoot, 'test-results');
const patiently = { timeout: 60_000 };

let buildDir: string;
let server: WebServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  buildDir = mkdtempSync(join(tmpdir(), 'gradlab-graph-web-'));
  server = await serveWebBuild({ port: 0, root: buildDir });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  await pythonReady();
}, 300_000);

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
});

async function pythonReady(): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.python === 'ready', null, {
    timeout: 120_000,
  });
}

async function runCell(cell: Locator): Promise<void> {
  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => cell.getAttribute('data-state'), patiently).toBe('done');
  await expect.poll(() => cell.locator('[aria-busy="true"]').count(), patiently).toBe(0);
}

async function openLesson(title: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Lessons' })
    .getByRole('link', { name: title, exact: true })
    .click();
  const back = page.getByRole('button', { name: 'Back', exact: true });
  while (!(await back.isDisabled())) await back.click();
}

/** Runs every cell step by step until a cell shows a graph view; returns that view. */
async function firstGraphView(title: string): Promise<Locator> {
  await openLesson(title);
  const steps = course.find(({ lesson }) => lesson.meta.title === title)!.lesson.steps.length;
  for (let step = 1; step <= steps; step++) {
    await expect
      .poll(() => page.locator('.step-indicator').textContent(), patiently)
      .toBe(`Step ${step} of ${steps}`);
    const cells = page.locator('.step .cell');
    for (let i = 0; i < (await cells.count()); i++) {
      const cell = cells.nth(i);
      await runCell(cell);
      const view = cell.locator('.graph-view');
      if ((await view.count()) > 0) return view.first();
    }
    await page.getByRole('button', { name: 'Next' }).click();
  }
  throw new Error(`${title}: no cell showed a graph view`);
}

/** Opens a step of a lesson by its title and runs its cells. */
async function runStepCells(lessonTitle: string, stepTitle: string): Promise<void> {
  const { lesson } = course.find(({ lesson }) => lesson.meta.title === lessonTitle)!;
  const index = lesson.steps.findIndex((step) => step.title === stepTitle);
  await openLesson(lessonTitle);
  for (let i = 0; i < index; i++) await page.getByRole('button', { name: 'Next' }).click();
  await expect
    .poll(() => page.locator('.step-indicator').textContent(), patiently)
    .toBe(`Step ${index + 1} of ${lesson.steps.length}`);
  const cells = page.locator('.step .cell');
  for (let i = 0; i < (await cells.count()); i++) await runCell(cells.nth(i));
}

/** Presses Step until the step card's heading says what `until` wants; returns the card. */
async function stepUntil(view: Locator, until: (heading: string) => boolean): Promise<Locator> {
  const card = view.locator('.step-card');
  const step = view.getByRole('button', { name: 'Step', exact: true });
  while (!until((await card.count()) > 0 ? ((await card.locator('h4').textContent()) ?? '') : '')) {
    if (await step.isDisabled()) throw new Error('backward ended before the wanted step');
    await step.click();
  }
  return card;
}

/** The titles of the boxes drawn in a graph view. */
async function boxTitles(view: Locator): Promise<string[]> {
  return (await view.locator('.graph-node .graph-title').allTextContents()).sort();
}

describe('graph view (web build)', { timeout: 600_000 }, () => {
  it('shows the graph of the first backward() of every lesson', async () => {
    for (const { lesson, file } of course) {
      const view = await firstGraphView(lesson.meta.title);
      await expect.poll(() => view.locator('.graph-node').count(), patiently).toBeGreaterThan(1);
      await view.scrollIntoViewIfNeeded();
      await view.screenshot({
        path: join(screenshots, `graph-view-${file.replace(/\.md$/, '')}.png`),
      });
    }
  });

  it("steps through the seed's SQ: grad_output 3 arrives and its backward drops it", async () => {
    await runStepCells('Custom autograd Functions', 'A square Function');
    await runStepCells('Custom autograd Functions', 'The bug: backward ignores grad_output');
    const view = page.locator('.step .graph-view').last();
    await expect
      .poll(() => boxTitles(view), patiently)
      .toEqual(['3.', 'MulBackward0', 'SQBackward', 'x'].sort());
    const card = await stepUntil(view, (text) => text.includes('SQBackward'));
    expect(await card.locator('.grad-output').textContent()).toBe('grad_output arriving: 3.');
    expect(await card.locator('.custom-returned').textContent()).toContain('returned 4.');
    expect(await card.locator('.backward-source').textContent()).toContain('def backward');
    expect(await card.locator('.dropped').textContent()).toContain(
      'the 3. arriving here is dropped',
    );
    await view.screenshot({ path: join(screenshots, 'graph-view-sq-step.png') });
  });

  it('steps through uv + u² from the keyboard: u.grad gathers both paths', async () => {
    await runStepCells('Partial derivatives', 'Two variables');
    await runStepCells('Partial derivatives', 'The partial derivative with respect to u');
    const view = page.locator('.step .graph-view').first();
    await expect.poll(() => boxTitles(view), patiently).toContain('u');
    const usesOfU = await view.evaluate((element) => {
      const u = [...element.querySelectorAll('.graph-node.leaf')].find(
        (node) => node.querySelector('.graph-title')?.textContent === 'u',
      );
      const id = u?.getAttribute('data-node');
      return [...element.querySelectorAll(`.graph-edge[data-from="${id}"]`)].map((edge) => {
        const to = edge.getAttribute('data-to');
        return element.querySelector(`.graph-node[data-node="${to}"] .graph-title`)?.textContent;
      });
    });
    expect(usesOfU.sort()).toEqual(['MulBackward0', 'PowBackward0']);
    await view.getByRole('button', { name: 'Step', exact: true }).focus();
    const card = view.locator('.step-card');
    const heading = async () =>
      (await card.count()) > 0 ? ((await card.locator('h4').textContent()) ?? '') : '';
    for (let i = 0; i < 10 && !(await heading()).includes('AccumulateGrad of u'); i++)
      await page.keyboard.press('ArrowRight');
    expect(await heading()).toContain('AccumulateGrad of u');
    const arriving = (await card.locator('.grad-output').textContent()) ?? '';
    expect(arriving).toMatch(
      /^grad_output arriving: 4\. \(2\. from (MulBackward0|PowBackward0) \+ 2\. from (MulBackward0|PowBackward0)/,
    );
    expect(await card.locator('.accumulated').textContent()).toBe(
      'u.grad was None: now u.grad = 4.',
    );
    await expect.poll(() => view.locator('table tbody tr').count(), patiently).toBeGreaterThan(3);
    await view.screenshot({ path: join(screenshots, 'graph-view-uv-accumulate-step.png') });
  });

  it('keeps nothing of an earlier run after a reload: no graph, then a fresh step-through', async () => {
    const view = await firstGraphView('Derivatives');
    await view.getByRole('button', { name: 'Run to end' }).click();
    await expect.poll(() => view.locator('.step-card').count(), patiently).toBe(1);
    await page.reload();
    await pythonReady();
    expect(await page.locator('.graph-view').count()).toBe(0);
    const again = await firstGraphView('Derivatives');
    expect(await again.getByRole('status').textContent()).toMatch(/Press Step to run the first/);
    expect(await again.locator('.graph-node.done, .graph-node.current').count()).toBe(0);
    expect(await again.locator('.step-card').count()).toBe(0);
  });
});
