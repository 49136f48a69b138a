// Accessibility audit: axe-core (WCAG 2.1 A and AA rules) on every step of every built-in lesson,
// in the light and the dark theme, after the cells of each step have run (outputs, plots and
// symbolic panels are part of what a screen-reader user meets).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { builtinCourse } from './support/course.ts';
import { pythonReady, runCell, startWebApp, type WebApp } from './support/web-app.ts';

const course = builtinCourse();
const patiently = { timeout: 60_000 };

let app: WebApp;
let page: Page;

beforeAll(async () => {
  app = await startWebApp('a11y');
  page = await app.browser.context.newPage();
  await page.goto(app.server.url);
  await pythonReady(page);
}, 300_000);

afterAll(async () => {
  await app?.close();
});

async function runCellsOfStep(): Promise<void> {
  const cells = page.locator('.step .cell');
  for (let index = 0; index < (await cells.count()); index++)
    await runCell(cells.nth(index), patiently.timeout);
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
          found.push(...(await axeViolations(page, `${lesson.meta.title}, step ${step}`)));
          if (step < lesson.steps.length) await page.getByRole('button', { name: 'Next' }).click();
        }
      }
      expect(found).toEqual([]);
    });
  }
});
