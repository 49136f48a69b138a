// The web build served from a build folder of its own (other tests may build dist/web at the
// same time) and Chromium with a fresh profile: what each browser test starts from.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { serveWebBuild, type WebServer } from '../../../scripts/web.ts';
import { launchBrowser, type Browser } from './browser.ts';

export interface WebApp {
  server: WebServer;
  browser: Browser;
  /** Closes the browser and the server and removes the build folder. */
  close(): Promise<void>;
}

/** `name` tells the build folders of the suites apart in the temporary directory. */
export async function startWebApp(name: string, downloadsPath?: string): Promise<WebApp> {
  const buildDir = mkdtempSync(join(tmpdir(), `gradlab-${name}-web-`));
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
    rmSync(buildDir, { recursive: true, force: true });
  };
  try {
    const server = await serveWebBuild({ port: 0, root: buildDir });
    closers.push(() => server.close());
    const browser = await launchBrowser(downloadsPath);
    closers.push(() => browser.close());
    return { server, browser, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Waits until the page's Python has booted (it may take long on a busy machine). */
export async function pythonReady(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.python === 'ready', null, { timeout });
}

/** Runs a cell and waits for its output; plots and symbolic panels load their code on first use. */
export async function runCell(cell: Locator, timeout = 120_000): Promise<void> {
  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => cell.getAttribute('data-state'), { timeout }).toBe('done');
  await expect.poll(() => cell.locator('[aria-busy="true"]').count(), { timeout }).toBe(0);
}

/** A served app with a downloads folder of its own, for a whole test file. */
export interface WebAppForTests {
  server: WebServer;
  browser: Browser;
  downloads: string;
}

/** The app, once the file's beforeAll has run (its fields are unset before). */
export function webAppForTests(name: string): WebAppForTests {
  const app = {} as WebAppForTests;
  let started: WebApp | undefined;
  beforeAll(async () => {
    app.downloads = mkdtempSync(join(tmpdir(), `gradlab-${name}-downloads-`));
    started = await startWebApp(name, app.downloads);
    app.server = started.server;
    app.browser = started.browser;
  }, 300_000);
  afterAll(async () => {
    await started?.close();
    if (app.downloads) rmSync(app.downloads, { recursive: true, force: true });
  });
  return app;
}
