// End to end, the instructor's loop: a student in the web build answers practice items (some
// right, some wrong, one code answer) and exports a submission; `gradlab autograde` grades it
// and a hand-tampered copy.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Submission } from '../../core/grading/submission.ts';
import { serveWebBuild, type WebServer } from '../../scripts/web.ts';
import { repoRoot } from '../support/shared.ts';
import { launchBrowser, type Browser } from './support/browser.ts';
import { builtinCourse, practiceBlocks } from './support/course.ts';

const lesson = builtinCourse()[0]!.lesson;
const blocks = practiceBlocks(lesson);
const item = (id: string) => blocks.flat().find((block) => block.item.id === id)!.item;
/** Step index (0-based) of each item. */
const stepOf = (id: string) => blocks.findIndex((step) => step.some((b) => b.item.id === id));

let buildDir: string;
let downloads: string;
let server: WebServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), 'gradlab-e2e-submission-'));
  server = await serveWebBuild({ port: 0, root: buildDir });
  downloads = mkdtempSync(join(tmpdir(), 'gradlab-downloads-'));
  browser = await launchBrowser(downloads);
  page = await browser.context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.python === 'ready', null, {
    timeout: 120_000,
  });
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const folder of [buildDir, downloads])
    if (folder) rmSync(folder, { recursive: true, force: true });
});

async function goToStep(index: number): Promise<void> {
  const indicator = page.locator('.step-indicator');
  for (;;) {
    const shown = Number(/Step (\d+)/.exec((await indicator.textContent()) ?? '')?.[1]) - 1;
    if (shown === index) return;
    await page.getByRole('button', { name: shown < index ? 'Next' : 'Back' }).click();
  }
}

async function answer(id: string, text: string): Promise<string> {
  await goToStep(stepOf(id));
  const region: Locator = page.locator('.step').getByRole('region', { name: `Practice ${id}` });
  const editor = region.getByRole('textbox', { name: 'Answer' });
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  const verdict = region.getByRole('status');
  await region.getByRole('button', { name: 'Check' }).click();
  await expect.poll(() => verdict.textContent(), { timeout: 90_000 }).not.toMatch(/^(Checking…)?$/);
  return (await verdict.textContent()) ?? '';
}

function autograde(file: string) {
  const out = join(downloads, `${file}.csv`);
  const run = spawnSync(
    process.execPath,
    [
      'bin/gradlab.js',
      'autograde',
      join(downloads, file),
      '--lessons',
      'lessons',
      '--out',
      out,
      '--jobs',
      '1',
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  const [header, row] = readFileSync(out, 'utf8')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
  const cells = Object.fromEntries(header.map((name, i) => [name, row[i]]));
  return { status: run.status, stderr: run.stderr, cells };
}

describe('a submission from the web build, autograded', { timeout: 400_000 }, () => {
  let submission: Submission;

  it('records every attempt and exports name, id, lesson hashes and the app version', async () => {
    expect(await answer('square-at-three', item('square-at-three').solution!)).toMatch(
      /^Correct\b/,
    );
    expect(await answer('quadratic-derivative', 'x^3')).toMatch(/^Not yet/);
    expect(await answer('cubic-number', '8')).toMatch(/^Not yet/);
    expect(await answer('cubic-number', item('cubic-number').solution!)).toMatch(/^Correct\b/);
    expect(await answer('cubic-code', item('cubic-code').solution!)).toMatch(/^Correct\b/);

    await page.getByRole('button', { name: 'Export submission…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export submission' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Ada Lovelace');
    await dialog.getByRole('textbox', { name: 'Student id' }).fill('s-001');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export' }).click();
    const saved = (await (await download).path())!;
    submission = JSON.parse(readFileSync(saved, 'utf8')) as Submission;
    writeFileSync(join(downloads, 'ada.json'), JSON.stringify(submission));

    expect(submission.student).toEqual({ name: 'Ada Lovelace', id: 's-001' });
    expect(submission.app.version).toBe(
      JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version,
    );
    const items = submission.lessons.find((l) => l.id === lesson.meta.id)!.items;
    const cubic = items.find((i) => i.id === 'cubic-number')!;
    expect(cubic.attempts.map((a) => a.answer)).toEqual(['8', item('cubic-number').solution]);
    expect(new Set(items.flatMap((i) => i.attempts.map((a) => a.lessonHash))).size).toBe(1);
  });

  it('autograde gives the grades the app gave, and flags a tampered copy', () => {
    const column = (id: string) => `${lesson.meta.id}/${id}`;
    const honest = autograde('ada.json');
    expect(honest.status).toBe(0);
    expect(honest.cells).toMatchObject({
      student_id: 's-001',
      name: 'Ada Lovelace',
      [column('square-at-three')]: String(item('square-at-three').points),
      [column('quadratic-derivative')]: '0',
      [column('cubic-number')]: String(
        Math.round(item('cubic-number').points * (1 - item('cubic-number').penalty) * 100) / 100,
      ),
      [column('cubic-code')]: String(item('cubic-code').points),
      status: 'graded',
      flags: '',
    });

    const tampered = structuredClone(submission);
    const quadratic = tampered.lessons
      .find((l) => l.id === lesson.meta.id)!
      .items.find((i) => i.id === 'quadratic-derivative')!;
    quadratic.claimed = { score: 1, correct: true };
    writeFileSync(join(downloads, 'tampered.json'), JSON.stringify(tampered));
    const result = autograde('tampered.json');
    expect(result.status).toBe(1);
    expect(result.cells[column('quadratic-derivative')]).toBe('0');
    expect(result.cells.flags).toBe(
      `${column('quadratic-derivative')}: claimed score 1 differs from the re-graded 0 (possible tampering)`,
    );
    expect(result.stderr).toMatch(/1 with a claimed score that differs \(possible tampering\)/);
  });
});
