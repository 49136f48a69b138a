// An instructor's own course, end to end: `gradlab build` makes a static site that a plain
// static server can host (with the headers the build wrote), `gradlab build` of a broken course
// writes nothing, and `gradlab preview` shows each saved file in the open page.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared.ts';
import { launchBrowser, type Browser } from './support/browser.ts';
import { serveStaticSite, type StaticSite } from './support/static-site.ts';

const pythonStartMs = 90_000;
const patiently = { timeout: 30_000 };

const slopes = `---
id: slopes
title: Slopes
---

## Ask for a slope

PyTorch finds the slope of $x^2$ at 3.

\`\`\`python
import torch
x = torch.tensor(3.0, requires_grad=True)
(x ** 2).backward()
x.grad
\`\`\`

## Your turn

\`\`\`practice
id: cubic-at-1
prompt: Calculate the derivative of $y = 2x^3 + x$ at $x = 1$.
answer:
  type: number
  from: {f: 2x^3 + x, wrt: x, at: {x: 1}}
solution: '7'
\`\`\`
`;

const chain = `---
id: chain-rule
title: The chain rule
---

## Outer and inner

The chain rule multiplies the derivatives.

## Inside out

Differentiate the outer function first.

\`\`\`python
outer = 2 + 3
outer
\`\`\`

## Both together

The end of the lesson.
`;

const courseYaml = 'title: Calculus for ML\nlessons:\n  - chain.md\n  - slopes.md\n';
/** Left out by course.yaml: a draft with a problem does not stop the build. */
const draft = '---\nid: draft\n---\n\nNot ready.\n';

let browser: Browser;
const folders: string[] = [];

function tempFolder(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), `gradlab-${name}-`));
  folders.push(folder);
  return folder;
}

function writeFiles(folder: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
}

function gradlab(args: string[]): ChildProcess {
  return spawn(process.execPath, ['bin/gradlab.js', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function finished(
  child: ChildProcess,
): Promise<{ status: number | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, out, err })));
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Lessons' });
const indicator = (page: Page) => page.locator('.step-indicator').textContent();
const lessonTitle = (page: Page) => page.locator('#lesson-title').textContent();

describe('gradlab build', { timeout: 300_000 }, () => {
  let site: string;
  let host: StaticSite;

  afterAll(async () => {
    await host?.close();
  });

  it('lists the problems of a broken course, exits 1 and writes nothing', async () => {
    const course = tempFolder('broken-course');
    writeFiles(course, {
      'slopes.md': slopes.replace("solution: '7'", "solution: '7'\npoints: -1"),
    });
    const out = join(tempFolder('broken-site'), 'site');
    const result = await finished(gradlab(['build', course, '--out', out]));
    expect(result.status).toBe(1);
    expect(result.out).toMatch(
      new RegExp(`^${join(course, 'slopes.md')}:\\d+:\\d+: .*points`, 'm'),
    );
    expect(result.err).toContain('nothing was written');
    expect(existsSync(out)).toBe(false);
  });

  it('writes a site that a plain static server hosts with the headers it wrote', async () => {
    const course = tempFolder('course');
    writeFiles(course, {
      'slopes.md': slopes,
      'chain.md': chain,
      'course.yaml': courseYaml,
      'draft.md': draft,
    });
    site = join(tempFolder('site'), 'site');
    const result = await finished(gradlab(['build', course, '--out', site]));
    expect(result.err).toBe('');
    expect(result.status).toBe(0);
    expect(result.out).toContain('Built "Calculus for ML" (2 lessons)');
    expect(readFileSync(join(site, '_headers'), 'utf8')).toContain(
      'Cross-Origin-Embedder-Policy: require-corp',
    );
    expect(readFileSync(join(site, 'README.md'), 'utf8')).toContain('add_header');
    expect(existsSync(join(site, 'course', 'draft.md'))).toBe(false);
    host = await serveStaticSite(site);

    const page = await browser.context.newPage();
    await page.goto(`${host.origin}/`);
    const links = nav(page).getByRole('link');
    await expect
      .poll(() => links.allTextContents(), patiently)
      .toEqual(['The chain rule', 'Slopes']);
    expect(await nav(page).getByRole('heading').textContent()).toBe('Calculus for ML');
    expect(await page.title()).toBe('Calculus for ML · Gradlab');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

    // A cell runs.
    await links.getByText('Slopes').click();
    await expect.poll(() => lessonTitle(page), patiently).toBe('Slopes');
    expect(page.url()).toMatch(/#\/slopes\/1$/);
    await page.waitForFunction(() => document.body.dataset.python === 'ready', null, {
      timeout: pythonStartMs,
    });
    const cell = page.locator('.step .cell').first();
    await cell.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => cell.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    expect(await cell.locator('.cell-output').textContent()).toContain('tensor(6.)');

    // A practice item is graded.
    await page.getByRole('button', { name: 'Next' }).click();
    expect(page.url()).toMatch(/#\/slopes\/2$/);
    const item = page.getByRole('region', { name: 'Practice cubic-at-1' });
    await item.getByRole('textbox', { name: 'Answer' }).fill('7');
    await item.getByRole('button', { name: 'Check' }).click();
    await expect
      .poll(() => item.getByRole('status').textContent(), { timeout: 60_000 })
      .toMatch(/^Correct/);

    // Progress is kept per course folder of the origin, so two courses on one host never mix.
    expect(await page.evaluate(() => Object.keys(localStorage))).toContain('gradlab.progress.v1:/');

    // Deep links open their step, also after a reload; the older form still opens its lesson.
    await page.goto(`${host.origin}/index.html#/chain-rule/3`);
    await expect.poll(() => indicator(page), patiently).toBe('Step 3 of 3');
    await page.reload();
    await expect.poll(() => indicator(page), patiently).toBe('Step 3 of 3');
    expect(await lessonTitle(page)).toBe('The chain rule');
    await page.goto(`${host.origin}/index.html#/slopes/2`);
    await expect.poll(() => lessonTitle(page), patiently).toBe('Slopes');
    await expect.poll(() => indicator(page), patiently).toBe('Step 2 of 2');
    await page.goto(`${host.origin}/index.html#lesson=${encodeURIComponent('course:chain.md')}`);
    await page.reload();
    await expect.poll(() => lessonTitle(page), patiently).toBe('The chain rule');
    await expect.poll(() => page.url(), patiently).toMatch(/#\/chain-rule\/\d+$/);
    await page.close();
  });
});

describe('gradlab preview', { timeout: 300_000 }, () => {
  let preview: ChildProcess;

  afterAll(() => {
    preview?.kill('SIGTERM');
  });

  it('shows a saved lesson in the open page where the student was, and a broken one beside its errors', async () => {
    const course = tempFolder('preview');
    writeFiles(course, { 'chain.md': chain });
    preview = gradlab(['preview', course, '--port', '0']);
    let out = '';
    preview.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await expect.poll(() => out, { timeout: 240_000, interval: 200 }).toMatch(/at (http\S+)/);
    const url = /at (http\S+)/.exec(out)![1]!;

    const page = await browser.context.newPage();
    await page.goto(`${url}#/chain-rule/2`);
    await expect.poll(() => indicator(page), patiently).toBe('Step 2 of 3');

    // The student changes the step's cell before the instructor saves.
    const editor = page.locator('.step .cell .cm-content');
    await editor.click(patiently);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('outer = 40 + 2');
    const saved = Date.now();
    writeFiles(course, {
      'chain.md': chain.replace('outer function first', 'outer function, then the inner one'),
    });
    await expect
      .poll(() => page.locator('.step').textContent(), patiently)
      .toContain('then the inner one');
    const updatedMs = Date.now() - saved;
    expect(await indicator(page)).toBe('Step 2 of 3');
    expect(await page.locator('.step .cell').textContent()).toContain('outer = 40 + 2');
    console.log(
      `gradlab preview: a saved lesson showed in the page ${updatedMs} ms after the save`,
    );

    // A broken save: its problem at file:line:col, and the last version that loaded still there.
    writeFiles(course, { 'chain.md': chain.replace('title: The chain rule\n', '') });
    const errors = page.getByRole('region', { name: 'Lesson errors' });
    await expect.poll(() => errors.textContent(), patiently).toMatch(/chain\.md:\d+:\d+: .*title/);
    expect(await lessonTitle(page)).toBe('The chain rule');
    expect(await page.locator('.step').textContent()).toContain('then the inner one');
    expect(await indicator(page)).toBe('Step 2 of 3');
    await page.close();
  });
});
