// Accessibility audit: axe-core (WCAG 2.1 A and AA rules) on every step of every built-in lesson,
// in the light and the dark theme, after the cells of each step have run (outputs, plots and
// symbolic panels are part of what a screen-reader user meets).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebBuild, type WebServer } from '../../scripts/web.ts';
import { launchBrowser, type Browser } from './support/browser.ts';
import { builtinCourse } from './support/course.ts';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const course = builtinCourse();
const patiently = { timeout: 60_000 };

let buildDir: string;
let server: WebServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), 'gradlab-a11y-web-'));
  server = await serveWebBuild({ port: 0, root: buildDir });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.python === 'ready', null, {
    timeout: 120_000,
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
});

/** axe's WCAG A/AA violations on the page as it is now, one line per offending element. */
async function audit(where: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's strict CSP does not apply to axe.
  const violations = await page.evaluate(async (source) => {
    if (!('axe' in window)) (0, eval)(source);
    const { axe } = window as unknown as {
      axe: { run: (options: RunOptions) => Promise<AxeResults> };
    };
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id}: ${node.any[0]?.message ?? violation.help} (at ${node.target.join(' ')})`,
      ),
    );
  }, axeSource);
  return violations.map((violation) => `${where}: ${violation}`);
}

async function runCellsOfStep(): Promise<void> {
  const cells = page.locator('.step .cell');
  for (let index = 0; index < (await cells.count()); index++) {
    const cell = cells.nth(index);
    await cell.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => cell.getAttribute('data-state'), patiently).toBe('done');
    await expect.poll(() => cell.locator('[aria-busy="true"]').count(), patiently).toBe(0);
  }
}

describe('accessibility (axe-core, WCAG 2.1 AA)', { timeout: 600_000 }, () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no violations on any step of any lesson, ${scheme} theme`, async () => {
      await page.emulateMedia({ colorScheme: scheme });
      const found: string[] = [];
      for (const { lesson } of course) {
        await page
          .getByRole('navigation', { name: 'Lessons' })
          .getByRole('link', { name: lesson.meta.title, exact: true })
          .click();
        const back = page.getByRole('button', { name: 'Back' });
        while (!(await back.isDisabled())) await back.click();
        for (let step = 1; step <= lesson.steps.length; step++) {
          await expect
            .poll(() => page.locator('.step-indicator').textContent(), patiently)
            .toBe(`Step ${step} of ${lesson.steps.length}`);
          if (scheme === 'light') await runCellsOfStep();
          found.push(...(await audit(`${lesson.meta.title}, step ${step}`)));
          if (step < lesson.steps.length) await page.getByRole('button', { name: 'Next' }).click();
        }
      }
      expect(found).toEqual([]);
    });
  }
});
