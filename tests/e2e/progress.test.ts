// The student's progress in the web build, in Chromium: two tabs of one browser, storage the
// browser denies, a full storage, and a stored record with one bad field. Nothing the student
// did is lost, and the page says so when it cannot keep it.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { PracticeBlock } from '../../core/lessons/types.ts';
import { builtinCourse, practiceBlocks, type CourseLesson } from './support/course.ts';
import { webAppForTests } from './support/web-app.ts';

const progressKey = 'gradlab.progress.v1';
/** The machine running the tests may be busy: wait for the page rather than fail. */
const patiently = { timeout: 120_000 };
const course = builtinCourse();
const [first, second] = course as [CourseLesson, CourseLesson];
const lessonKey = (lesson: CourseLesson) => `builtin:${lesson.file}`;

/** The lesson's typed (not code) practice items, with the step each is on (0-based). */
function typedItems(lesson: CourseLesson): { block: PracticeBlock; step: number }[] {
  return practiceBlocks(lesson.lesson).flatMap((blocks, step) =>
    blocks.filter((block) => block.item.answer.type !== 'code').map((block) => ({ block, step })),
  );
}

const app = webAppForTests('progress');
const pageErrors: string[] = [];

afterEach(async () => {
  for (const page of app.browser.context.pages()) await page.close();
  expect(pageErrors.splice(0)).toEqual([]);
});

/**
 * A new tab of the same browser (so sharing its storage) with the app's first lesson on screen.
 * `prepare` runs in the page before the app, on the tab's first load only.
 */
async function openTab<Arg>(prepare?: (arg: Arg) => void, arg?: Arg): Promise<Page> {
  const page = await app.browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  if (prepare)
    await page.addInitScript(
      ({ source, arg }) => {
        if (sessionStorage.getItem('prepared')) return;
        sessionStorage.setItem('prepared', 'yes');
        (0, eval)(`(${source})`)(arg);
      },
      { source: prepare.toString(), arg },
    );
  await page.goto(app.server.url);
  await page.locator('.step-indicator').waitFor(patiently);
  return page;
}

function clearStorage(): void {
  localStorage.clear();
}

/** Types an answer to an item (through the lesson's address) and waits for the verdict. */
async function answer(
  page: Page,
  lesson: CourseLesson,
  { block, step }: { block: PracticeBlock; step: number },
  text: string,
): Promise<string> {
  await page.evaluate((hash) => (location.hash = hash), `#/${lesson.lesson.meta.id}/${step + 1}`);
  await expect
    .poll(() => page.locator('.step-indicator').textContent(), patiently)
    .toBe(`Step ${step + 1} of ${lesson.lesson.steps.length}`);
  const region = page.locator('.step').getByRole('region', { name: `Practice ${block.item.id}` });
  await region.getByRole('textbox', { name: 'Answer' }).fill(text);
  await region.getByRole('button', { name: 'Check' }).click();
  const verdict = region.getByRole('status');
  await expect.poll(() => verdict.textContent(), patiently).not.toMatch(/^(Checking…)?$/);
  return (await verdict.textContent()) ?? '';
}

interface StoredItem {
  attempts: number;
  correct: boolean;
  score: number;
  history: { answer: string }[];
}
interface StoredProgress {
  currentLesson: string | null;
  lessons: Record<string, { stepsSeen: number[]; items: Record<string, StoredItem> }>;
  setAside?: { time: string; record: string }[];
}

async function stored(page: Page): Promise<StoredProgress | null> {
  const text = await page.evaluate((key) => localStorage.getItem(key), progressKey);
  return text === null ? null : (JSON.parse(text) as StoredProgress);
}

function storedItem(progress: StoredProgress | null, lesson: CourseLesson, id: string) {
  return progress?.lessons[lessonKey(lesson)]?.items[id];
}

const answersOf = (item: StoredItem | undefined) =>
  item?.history.map((attempt) => attempt.answer).sort() ?? [];

/** The sidebar's summary line of a lesson, e.g. "2/5 steps seen · 1/3 practice". */
function summary(page: Page, lesson: CourseLesson): Promise<string | null> {
  return page
    .getByRole('navigation', { name: 'Lessons' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: lesson.lesson.meta.title, exact: true }) })
    .locator('.lesson-progress')
    .textContent();
}

describe('progress in the web build', { timeout: 600_000 }, () => {
  it('keeps what two tabs record: both lessons, and every attempt at an item answered in both', async () => {
    const [item] = typedItems(first);
    const [other] = typedItems(second);
    const solution = (entry: { block: PracticeBlock }) => entry.block.item.solution!;
    const tabA = await openTab(clearStorage);
    const tabB = await openTab();
    expect(await answer(tabA, first, item!, `(${solution(item!)}) + 1`)).toMatch(/^Not yet/);
    expect(await answer(tabB, second, other!, solution(other!))).toMatch(/^Correct/);
    expect(await answer(tabB, first, item!, solution(item!))).toMatch(/^Correct/);
    // Tab A saves last, having recorded nothing of the second lesson itself.
    const wrong = `(${solution(item!)}) + 2`;
    await answer(tabA, first, item!, wrong);
    const expected = [`(${solution(item!)}) + 1`, solution(item!), wrong].sort();
    await expect
      .poll(
        async () => answersOf(storedItem(await stored(tabA), first, item!.block.item.id)),
        patiently,
      )
      .toEqual(expected);
    const final = await stored(tabA);
    expect(storedItem(final, first, item!.block.item.id)).toMatchObject({
      correct: true,
      attempts: 3,
    });
    expect(storedItem(final, second, other!.block.item.id)!.correct).toBe(true);
    // A third tab shows both lessons' progress.
    const tabC = await openTab();
    await expect.poll(() => summary(tabC, second), patiently).toMatch(/ 1\/\d+ practice$/);
    await expect.poll(() => summary(tabC, first), patiently).toMatch(/ 1\/\d+ practice$/);
  });

  it('works without storage: one notice, answers graded, grades and submission still exported', async () => {
    const page = await openTab(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
    const notices = page.locator('#lesson .notice');
    await expect
      .poll(() => notices.allTextContents(), patiently)
      .toEqual([expect.stringMatching(/^This browser does not let Gradlab store anything/)]);
    const [item] = typedItems(first);
    expect(await answer(page, first, item!, item!.block.item.solution!)).toMatch(/^Correct/);
    await expect.poll(() => summary(page, first), patiently).toMatch(/ 1\/\d+ practice$/);
    expect(await notices.count()).toBe(1);
    const toolbar = page.locator('header');
    expect(await toolbar.getByRole('button', { name: 'Export submission…' }).isEnabled()).toBe(
      true,
    );
    const download = page.waitForEvent('download');
    await toolbar.getByRole('button', { name: 'Export grades' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv).toContain(item!.block.item.id);
  });

  it('says when a save fails for want of space, and saves again once there is room', async () => {
    const page = await openTab(() => {
      localStorage.clear();
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if ((window as { storageFull?: boolean }).storageFull && key.startsWith('gradlab.'))
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        setItem.call(this, key, value);
      };
    });
    const [item] = typedItems(first);
    await page.evaluate(() => ((window as { storageFull?: boolean }).storageFull = true));
    expect(await answer(page, first, item!, item!.block.item.solution!)).toMatch(/^Correct/);
    const alert = page.locator('#lesson .notice[role="alert"]');
    await expect
      .poll(() => alert.textContent(), patiently)
      .toMatch(
        /^Your progress could not be saved \(The quota has been exceeded\.\)\. Gradlab will try again/,
      );
    expect(storedItem(await stored(page), first, item!.block.item.id)).toBeUndefined();
    await page.evaluate(() => ((window as { storageFull?: boolean }).storageFull = false));
    // The retry (a few seconds later) saves the answer and takes the notice away.
    await expect
      .poll(
        async () => storedItem(await stored(page), first, item!.block.item.id)?.correct,
        patiently,
      )
      .toBe(true);
    await expect.poll(() => alert.count(), patiently).toBe(0);
  });

  it('keeps the rest of a record with one bad field, and a copy of the record as it was', async () => {
    const [good, bad] = typedItems(first);
    const item = (answer: string, correct: boolean) => ({
      attempts: 1,
      score: correct ? 1 : 0,
      correct,
      hintsShown: 0,
      solutionShown: false,
      lastAnswer: answer,
      time: '2026-12-01T10:00:00.000Z',
      history: [{ answer, time: '2026-12-01T10:00:00.000Z', lessonHash: null }],
    });
    const record = {
      version: 1,
      currentLesson: lessonKey(first),
      student: null,
      lessons: {
        [lessonKey(first)]: {
          title: first.lesson.meta.title,
          step: 1,
          stepsSeen: [0, 1],
          cellsRun: [],
          stepCount: first.lesson.steps.length,
          items: {
            [good!.block.item.id]: item('6', true),
            [bad!.block.item.id]: { ...item('8', false), score: 'lots' },
          },
        },
      },
    };
    const page = await openTab(({ key, text }) => localStorage.setItem(key, text), {
      key: progressKey,
      text: JSON.stringify(record),
    });
    const where = `lessons › ${lessonKey(first)} › items › ${bad!.block.item.id} › score`;
    await expect
      .poll(() => page.locator('#lesson .notice').textContent(), patiently)
      .toBe(
        `Part of your saved progress could not be read (${where}): the rest was kept, and a ` +
          'copy of the record as it was is kept with your progress.',
      );
    await expect
      .poll(() => summary(page, first), patiently)
      .toMatch(/^2\/\d+ steps seen.* 1\/\d+ practice$/);
    await expect.poll(async () => (await stored(page))?.setAside?.length, patiently).toBe(1);
    const saved = (await stored(page))!;
    expect(JSON.parse(saved.setAside![0]!.record)).toEqual(record);
    expect(storedItem(saved, first, good!.block.item.id)).toMatchObject({
      correct: true,
      score: 1,
    });
    expect(answersOf(storedItem(saved, first, bad!.block.item.id))).toEqual(['8']);
  });
});
