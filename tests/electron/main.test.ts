// The whole main process, loaded against the fake Electron: what starting the app registers,
// and that a request from the app's page reaches the real lessons and progress store.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { LessonSource, StoredProgress } from '../../renderer/host/api.ts';

vi.mock('electron', () => import('./support/fake-electron.ts'));

const fake = await import('./support/fake-electron.ts');
const appFrame = fake.fakeFrame('app://gradlab/index.html');

/** What start-up called (Vitest clears mock calls before each test, so they are kept here). */
let startUp: {
  schemes: unknown[][];
  protocolHandlers: unknown[][];
  appEvents: unknown[];
  permissionRequest: (contents: unknown, permission: string, answer: (ok: boolean) => void) => void;
  permissionCheck: () => boolean;
  loadedUrls: unknown[][];
  menu: { label?: string; submenu?: { label?: string; click?: () => void }[] }[];
};

describe('main process start-up', () => {
  let appPath: string;
  beforeAll(async () => {
    fake.resetFakeElectron();
    // An app folder as `electron-forge start` sees it: the course in lessons/.
    appPath = await mkdtemp(path.join(tmpdir(), 'gradlab-app-'));
    await mkdir(path.join(appPath, 'lessons'));
    await writeFile(path.join(appPath, 'lessons', '01-derivatives.md'), '# Derivatives');
    await writeFile(path.join(appPath, 'lessons', 'README.md'), '# Writing lessons');
    fake.appSettings.appPath = appPath;
    fake.appSettings.userData = await mkdtemp(path.join(tmpdir(), 'gradlab-user-data-'));
    // Forge's Vite plugin defines these; a packaged build has no dev server.
    vi.stubGlobal('MAIN_WINDOW_VITE_DEV_SERVER_URL', undefined);
    vi.stubGlobal('MAIN_WINDOW_VITE_NAME', 'main_window');
    await import('../../electron/main.ts');
    await new Promise((resolve) => setTimeout(resolve, 0));
    const permissions = fake.session.defaultSession;
    startUp = {
      schemes: fake.protocol.registerSchemesAsPrivileged.mock.calls,
      protocolHandlers: fake.protocol.handle.mock.calls,
      appEvents: fake.app.on.mock.calls.map(([name]) => name),
      permissionRequest: permissions.setPermissionRequestHandler.mock.calls[0]?.[0],
      permissionCheck: permissions.setPermissionCheckHandler.mock.calls[0]?.[0],
      loadedUrls: fake.BrowserWindow.created[0]?.loadURL.mock.calls ?? [],
      menu: fake.Menu.buildFromTemplate.mock.calls[0]?.[0] as typeof startUp.menu,
    };
  });

  it('registers the privileged app:// scheme and serves it', () => {
    expect(startUp.schemes).toEqual([[[expect.objectContaining({ scheme: 'app' })]]]);
    expect(startUp.protocolHandlers).toEqual([['app', expect.any(Function)]]);
  });

  it('guards every web contents and denies every permission', () => {
    expect(startUp.appEvents).toContain('web-contents-created');
    const answer = vi.fn();
    startUp.permissionRequest({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(startUp.permissionCheck()).toBe(false);
  });

  it('opens one window on the packaged page, with the built preload', () => {
    const [window] = fake.BrowserWindow.created;
    expect(fake.BrowserWindow.created).toHaveLength(1);
    expect(startUp.loadedUrls).toEqual([['app://gradlab/index.html']]);
    expect(window?.options.webPreferences).toMatchObject({
      preload: path.join(appPath, '.vite', 'build', 'preload.cjs'),
    });
  });

  it('answers the page with the built-in lessons (README.md left out)', async () => {
    const lessons = (await fake.invokeFromRenderer('lessons:list', appFrame)) as LessonSource[];
    expect(lessons).toEqual([
      {
        key: 'builtin:01-derivatives.md',
        fileName: '01-derivatives.md',
        text: '# Derivatives',
        origin: 'builtin',
      },
    ]);
  });

  it('keeps progress in the user-data folder', async () => {
    await fake.invokeFromRenderer('progress:save', appFrame, { derivatives: { step: 2 } });
    const loaded = (await fake.invokeFromRenderer('progress:load', appFrame)) as StoredProgress;
    expect(loaded).toEqual({ data: { derivatives: { step: 2 } } });
  });

  it('sends menu commands to the window', () => {
    const file = startUp.menu.find((entry) => entry.label === '&File');
    file?.submenu?.find((entry) => entry.label === 'Export Grades…')?.click?.();
    expect(fake.BrowserWindow.created[0]?.webContents.send).toHaveBeenCalledWith(
      'menu:command',
      'export-grades',
    );
  });
});
