// The web build served from a fresh folder, and a Chromium (saving downloads to a folder of its
// own) to drive it: started before a test file's tests, closed and removed after them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { serveWebBuild, type WebServer } from '../../../scripts/web.ts';
import { launchBrowser, type Browser } from './browser.ts';

export interface WebApp {
  server: WebServer;
  browser: Browser;
  downloads: string;
}

/** The app, once the file's beforeAll has run (its fields are unset before). */
export function webAppForTests(name: string): WebApp {
  const app = {} as WebApp;
  const folders: string[] = [];
  beforeAll(async () => {
    const [buildDir, downloads] = ['web', 'downloads'].map((part) =>
      mkdtempSync(join(tmpdir(), `gradlab-${name}-${part}-`)),
    );
    folders.push(buildDir!, downloads!);
    app.downloads = downloads!;
    app.server = await serveWebBuild({ port: 0, root: buildDir! });
    app.browser = await launchBrowser(downloads);
  }, 300_000);
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });
  return app;
}
