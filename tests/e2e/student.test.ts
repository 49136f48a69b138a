// The student's experience in Chromium (web build): a phone and a tablet in both themes, a
// student who jumps ahead, a keyboard-only walk, typed answers, and plots in the dark theme.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared.ts';
import { axeViolations as audit } from './support/axe.ts';
import { builtinCourse, practiceBlocks } from './support/course.ts';
import { pythonReady, runCell, startWebApp, type WebApp } from './support/web-app.ts';

const course = builtinCourse();
/** Screenshots for people to look at (git-ignored). */
const artifacts = join(repoRoot, 'test-results', 'student');
/** The machine running the tests may be busy: wait for the page rather than fail. */
const patiently = { timeout: 120_000 };
const phone = { width: 390, height: 844 };
const tablet = { width: 820, height: 1180 };

let app: WebApp;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  app = await startWebApp('student');
}, 300_000);

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await app?.close();
});

/** A new tab with its own Python and no saved progress (a first visit), Python ready. */
async function freshPage(viewport = tablet): Promise<Page> {
  const page = await app.browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(() => localStorage.clear());
  await page.setViewportSize(viewport);
  await page.goto(app.server.url);
  await pythonReady(page);
  return page;
}

/** Opens a lesson from the lesson list (through its menu on a narrow screen), at step 1. */
async function openLesson(page: Page, title: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Lessons' });
  const link = nav.getByRole('link', { name: title, exact: true });
  if (!(await link.isVisible())) await nav.getByRole('button', { name: 'Lessons' }).click();
  await link.click();
  await expect.poll(() => page.locator('#lesson-title').textContent(), patiently).toBe(title);
  const back = page.getByRole('button', { name: 'Back' });
  while (!(await back.isDisabled())) await back.click();
}

/**
 * Waits until the step's parts that load on first use (plots, maths, the symbolic panels and
 * each cell's editor, which replaces the code's plain text) are in: measured or audited before,
 * the page is not the one the student sees.
 */
async function settled(page: Page): Promise<void> {
  const loading = page.locator('.step [aria-busy="true"], .step .cell-code-static');
  await expect.poll(() => loading.count(), patiently).toBe(0);
}

/** Each toolbar command can be reached: directly, or through the one "Menu" button. */
async function toolbarReachable(page: Page): Promise<string[]> {
  const names = ['Open lesson folder…', 'Export grades', 'Reset progress'];
  const bar = page.locator('header');
  const menu = bar.getByRole('button', { name: 'Menu' });
  const opened = await menu.isVisible();
  if (opened) await menu.click();
  const unreachable: string[] = [];
  for (const name of names) {
    const command = bar.getByRole('button', { name, exact: true });
    const box = await command.boundingBox();
    const inside =
      box !== null && box.x >= 0 && box.x + box.width <= page.viewportSize()!.width + 0.5;
    if (!(await command.isVisible()) || !inside) unreachable.push(name);
  }
  if (opened) {
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
  }
  return unreachable;
}

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

describe('the student experience in Chromium', { timeout: 900_000 }, () => {
  it('fits a phone and a tablet in both themes on every step: no sideways scrolling, toolbar reachable, axe clean', async () => {
    const page = await freshPage(phone);
    const problems: string[] = [];
    let ranCells = false;
    for (const viewport of [phone, tablet]) {
      await page.setViewportSize(viewport);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const size = `${viewport.width}×${viewport.height} ${scheme}`;
        for (const { lesson } of course) {
          await openLesson(page, lesson.meta.title);
          for (let step = 1; step <= lesson.steps.length; step++) {
            const where = `${size}, ${lesson.meta.title}, step ${step}`;
            await expect
              .poll(() => page.locator('.step-indicator').textContent(), patiently)
              .toBe(`Step ${step} of ${lesson.steps.length}`);
            await settled(page);
            if (!ranCells) {
              const cells = page.locator('.step .cell');
              for (let i = 0; i < (await cells.count()); i++) await runCell(cells.nth(i));
            }
            const overflow = await horizontalOverflow(page);
            if (overflow > 0)
              problems.push(`${where}: the page scrolls sideways by ${overflow} px`);
            problems.push(...(await audit(page, where)));
            if (step === 1 && lesson === course[0]!.lesson) {
              const unreachable = await toolbarReachable(page);
              for (const name of unreachable) problems.push(`${where}: '${name}' is out of reach`);
            }
            if (viewport === phone && scheme === 'light' && step === 2) {
              await page.screenshot({
                path: join(artifacts, `phone-${lesson.meta.id}-step-2.png`),
                fullPage: true,
              });
            }
            if (step < lesson.steps.length)
              await page.getByRole('button', { name: 'Next' }).click();
          }
        }
        ranCells = true;
      }
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('puts the step, not the lesson list, at the top of a phone screen, down to 360 px', async () => {
    const page = await freshPage(phone);
    const title = await page.locator('#lesson-title').boundingBox();
    expect(title!.y).toBeLessThan(200);
    await page.getByRole('button', { name: 'Lessons' }).click();
    const links = page.getByRole('navigation', { name: 'Lessons' }).getByRole('link');
    expect(await links.count()).toBe(course.length);
    await links.nth(1).click();
    await expect
      .poll(() => page.locator('#lesson-title').textContent(), patiently)
      .toBe(course[1]!.lesson.meta.title);
    expect(await links.first().isVisible()).toBe(false);
    // The narrowest phone the layout is made for: no step of any lesson scrolls sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    const overflowing: string[] = [];
    for (const { lesson } of course) {
      await openLesson(page, lesson.meta.title);
      for (let step = 1; step <= lesson.steps.length; step++) {
        await expect
          .poll(() => page.locator('.step-indicator').textContent(), patiently)
          .toBe(`Step ${step} of ${lesson.steps.length}`);
        await settled(page);
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) overflowing.push(`${lesson.meta.title} step ${step}: ${overflow} px`);
        if (step < lesson.steps.length) await page.getByRole('button', { name: 'Next' }).click();
      }
    }
    expect(overflowing).toEqual([]);
    await page.close();
  });

  it('tells a student who jumped ahead which step defines the missing name, and one button fixes it', async () => {
    const page = await freshPage();
    const { lesson } = course[0]!;
    await openLesson(page, lesson.meta.title);
    // Straight to the last step with a code cell, as from the sidebar and Next.
    const codeSteps = lesson.steps.flatMap((step, index) =>
      step.blocks.some((block) => block.kind === 'python') ? [index] : [],
    );
    const target = codeSteps[codeSteps.length - 1]!;
    for (let step = 0; step < target; step++)
      await page.getByRole('button', { name: 'Next' }).click();
    const cell = page.locator('.step .cell').first();
    await runCell(cell);
    const notice = cell.locator('.jump-ahead');
    expect(await notice.textContent()).toMatch(
      /'\w+' is defined in step \d+ \(code cell \d+\), which has not run yet/,
    );
    expect(await cell.locator('.out-error').textContent()).toContain('NameError');
    // The sidebar says steps were seen, not that their cells ran.
    const summary = page.getByRole('navigation', { name: 'Lessons' }).locator('.lesson-progress');
    expect(await summary.first().textContent()).toMatch(/steps seen · 1\/\d+ cells run/);
    await notice.getByRole('button', { name: 'Run the cells above, then this one' }).click();
    await expect.poll(() => cell.getAttribute('data-state'), patiently).toBe('done');
    expect(await cell.locator('.out-error').count()).toBe(0);
    expect(await cell.locator('.jump-ahead').count()).toBe(0);
    expect(await cell.locator('.cell-output').textContent()).not.toBe('');
    expect(await cell.locator('.run-mark').textContent()).toMatch(/^\[\d+\]$/);
    // "Run all above" says what it ran in place of the old output.
    await cell.getByRole('button', { name: 'Run all above' }).click();
    await expect.poll(() => cell.getAttribute('data-state'), patiently).toBe('done');
    expect(await cell.locator('.ran-above').textContent()).toMatch(
      /^Ran the \d+ cells above \(steps 1 to \d+\)\. Now run this cell\.$/,
    );
    // "Reset code" puts back the lesson's code.
    const code = () => cell.locator('.cm-content').textContent();
    const original = await code();
    await cell.locator('.cm-content').click();
    await page.keyboard.insertText('# my edit\n');
    expect(await code()).not.toBe(original);
    await cell.getByRole('button', { name: 'Reset code' }).click();
    expect(await code()).toBe(original);
    await page.close();
  });

  it('can be walked with the keyboard alone: steps, an editor left with Esc then Tab, an answer, a hint', async () => {
    const page = await freshPage();
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        if (!active) return '';
        if (active.closest('.cm-editor')) return 'editor';
        return `${active.tagName.toLowerCase()}:${active.textContent?.trim() || (active as HTMLInputElement).id}`;
      });
    /** Presses Tab until the focus is on what `wanted` matches (at most 80 presses). */
    const tabTo = async (wanted: RegExp, key = 'Tab') => {
      for (let press = 0; press < 80; press++) {
        const now = await focused();
        if (wanted.test(now)) return;
        // Tab indents inside an editor: Esc first lets the next Tab move on.
        if (now === 'editor') await page.keyboard.press('Escape');
        await page.keyboard.press(key);
      }
      throw new Error(`Tab never reached ${wanted} (last: ${await focused()})`);
    };
    // The first lesson, by the keyboard: Tab to Next, Enter until a step with a code cell.
    await tabTo(/^button:Next$/);
    const indicator = page.locator('.step-indicator');
    while ((await page.locator('.step .cell').count()) === 0) await page.keyboard.press('Enter');
    await page.locator('.step .cm-editor').first().waitFor();
    await tabTo(/^editor$/, 'Shift+Tab');
    const cell = page.locator('.step .cell:has(.cm-focused)');
    // In the editor: the way out is written under it, and its focus ring is clear (CodeMirror
    // marks the focused editor on its next update, so wait for it).
    await expect.poll(() => cell.locator('.keys-hint').isVisible(), patiently).toBe(true);
    expect(await cell.locator('.keys-hint').textContent()).toMatch(/Esc, then Tab/);
    const ring = await cell
      .locator('.cm-editor')
      .evaluate((editor) => getComputedStyle(editor).outlineWidth);
    expect(parseFloat(ring)).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('editor');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => cell.getAttribute('data-state'), patiently).toBe('done');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await focused()).not.toBe('editor');
    // On to the first step with a typed answer and a hint.
    const { lesson } = course[0]!;
    const practice = practiceBlocks(lesson);
    const stepIndex = practice.findIndex((blocks) =>
      blocks.some((block) => block.item.answer.type !== 'code' && block.html.hints.length > 0),
    );
    await tabTo(/^button:Next$/);
    while ((await indicator.textContent()) !== `Step ${stepIndex + 1} of ${lesson.steps.length}`)
      await page.keyboard.press('Enter');
    // What loads late above the answer (an editor, a derivative panel) would push the verdict
    // out of view after it was scrolled in: the student answers the step as it is drawn.
    await settled(page);
    const block = practice[stepIndex]!.find((b) => b.item.answer.type !== 'code')!;
    const item = page.getByRole('region', { name: `Practice ${block.item.id}` });
    const input = item.getByRole('textbox', { name: 'Answer' });
    const inputId = await input.getAttribute('id');
    await tabTo(new RegExp(`^input:${inputId}$`), 'Shift+Tab');
    // The label is never under the answer box's focus ring (3 px, 2 px away).
    const label = await item.locator('label').boundingBox();
    const box = await input.boundingBox();
    expect(label!.y + label!.height).toBeLessThanOrEqual(box!.y - 5);
    await page.keyboard.insertText(`${block.item.solution} =`);
    await expect
      .poll(() => item.locator('.read-as').textContent(), patiently)
      .toMatch(/^Read as: /);
    await page.keyboard.press('Enter');
    const verdict = item.getByRole('status');
    await expect.poll(() => verdict.textContent(), patiently).toMatch(/^Correct/);
    // Scrolled into view once the page has laid out what the verdict changed.
    await expect.poll(() => inViewport(verdict), patiently).toBe(true);
    expect(await item.locator('.tally').textContent()).toMatch(/less \d+% for each wrong try/);
    // Changing the answer clears the old verdict: one verdict at a time.
    await page.keyboard.type('+');
    await expect.poll(() => verdict.textContent(), patiently).toBe('');
    // The hint, by the keyboard: announced (aria-live) and scrolled into view.
    await tabTo(/^button:Hint$/);
    await page.keyboard.press('Enter');
    const hint = item.locator('.hints li').first();
    await hint.waitFor();
    expect(await item.locator('.hints').getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => inViewport(hint), patiently).toBe(true);
    await page.close();
  });

  it('draws plots readable in the dark theme (text and grid in the theme, AA contrast)', async () => {
    const page = await freshPage(tablet);
    await page.emulateMedia({ colorScheme: 'dark' });
    const lessonWithPlot = course.find(({ lesson }) =>
      lesson.steps.some((step) =>
        step.blocks.some((block) => block.kind === 'python' && /plt\.plot\(/.test(block.code)),
      ),
    )!;
    await openLesson(page, lessonWithPlot.lesson.meta.title);
    let canvas: Locator | null = null;
    for (const step of lessonWithPlot.lesson.steps) {
      const cells = page.locator('.step .cell');
      for (let i = 0; i < (await cells.count()); i++) await runCell(cells.nth(i));
      if (step.blocks.some((block) => block.kind === 'python' && /plt\.plot\(/.test(block.code))) {
        canvas = page.locator('.step canvas').first();
        break;
      }
      await page.getByRole('button', { name: 'Next' }).click();
    }
    await canvas!.scrollIntoViewIfNeeded();
    const colours = await page.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      return ['--bg', '--fg', '--plot-grid'].map((name) => style.getPropertyValue(name).trim());
    });
    const [bg, fg, grid] = colours.map(hexColour);
    expect(contrast(fg!, bg!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(grid!, bg!)).toBeGreaterThanOrEqual(3);
    // The chart draws its ticks and labels in the text colour and its grid in the grid colour.
    const inked = await canvas!.evaluate(
      (element, [text, line]) => {
        const node = element as HTMLCanvasElement;
        const data = node.getContext('2d')!.getImageData(0, 0, node.width, node.height).data;
        const near = (i: number, c: number[]) =>
          Math.abs(data[i]! - c[0]!) +
            Math.abs(data[i + 1]! - c[1]!) +
            Math.abs(data[i + 2]! - c[2]!) <
            24 && data[i + 3]! > 200;
        let textPixels = 0;
        let gridPixels = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (near(i, text!)) textPixels++;
          if (near(i, line!)) gridPixels++;
        }
        return { textPixels, gridPixels };
      },
      [fg!, grid!],
    );
    expect(inked.textPixels).toBeGreaterThan(50);
    expect(inked.gridPixels).toBeGreaterThan(200);
    await page.locator('.step').screenshot({ path: join(artifacts, 'dark-plot.png') });
    await page.close();
  });
});

function inViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
}

function hexColour(css: string): number[] {
  const hex = css.replace('#', '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16));
}

/** WCAG 2.1 contrast ratio of two sRGB colours. */
function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]) => {
    const [r, g, bl] = rgb.map((channel) => {
      const c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}
