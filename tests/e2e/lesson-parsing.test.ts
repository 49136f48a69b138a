// Lessons the page parses (a course's, a folder's) are read in a worker, in Chromium: a 300 KB
// lesson of maths takes seconds to read, and the page answers the student all the while.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageWithCourse, type CourseFile } from '../../renderer/host/published-course.ts';
import { webAppForTests } from './support/web-app.ts';

const patiently = { timeout: 300_000 };

/** About 300 KB: 12,000 formulas, each typeset by KaTeX as the lesson is parsed. */
const mathsLesson =
  '---\nid: every-power\ntitle: Every power\n---\n\n## Powers\n\n' +
  Array.from({ length: 12_000 }, (_, i) => `$x^{${i}} + \\frac{a}{b}$ `).join('');

const brokenLesson =
  '---\nid: broken\ntitle: Broken\n---\n\n## A step\n\n```practice\nid: q\n```\n';

const app = webAppForTests('parsing');

/** The web build's page carrying a course of `files`, as `gradlab preview` serves it. */
async function openCourse(files: CourseFile[]): Promise<Page> {
  const page = await app.browser.context.newPage();
  await page.route(app.server.url, async (route) => {
    const response = await route.fetch();
    const course = { withBuiltin: true, files, live: false };
    await route.fulfill({ response, body: pageWithCourse(await response.text(), course) });
  });
  await page.goto(app.server.url);
  return page;
}

describe('lessons parsed off the page', { timeout: 600_000 }, () => {
  it('answers the student while a 300 KB lesson of maths is read, then lists it', async () => {
    expect(mathsLesson.length).toBeGreaterThan(290_000);
    const page = await openCourse([{ fileName: 'every-power.md', text: mathsLesson }]);
    const reading = page.getByRole('status').filter({ hasText: 'Reading every-power.md…' });
    await reading.waitFor(patiently);
    // A click is handled (the grades download) while the lesson is still being read.
    const download = page.waitForEvent('download');
    await page.locator('header').getByRole('button', { name: 'Export grades' }).click();
    expect((await download).suggestedFilename()).toMatch(/^gradlab-grades-.*\.csv$/);
    expect(await reading.isVisible()).toBe(true);
    const link = page
      .getByRole('navigation', { name: 'Lessons' })
      .getByRole('link', { name: 'Every power', exact: true });
    await link.waitFor(patiently);
    expect(await reading.count()).toBe(0);
    await page.close();
  });

  it('names each problem of a lesson parsed in the worker at its file:line:col', async () => {
    const page = await openCourse([{ fileName: 'broken.md', text: brokenLesson }]);
    const problem = page.locator('.errors-panel li').filter({ hasText: 'broken.md:' });
    await problem.first().waitFor(patiently);
    expect(await problem.first().textContent()).toMatch(/^broken\.md:\d+:\d+: /);
    await page.close();
  });
});
