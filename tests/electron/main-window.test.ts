import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./support/fake-electron.ts'));

const fake = await import('./support/fake-electron.ts');
const { createMainWindow } = await import('../../electron/main-window.ts');

describe('the main window', () => {
  it("applies Electron's security checklist and loads the app's own origin", () => {
    fake.resetFakeElectron();
    createMainWindow('app://gradlab/index.html', '/app/.vite/build/preload.cjs', false);
    const [window] = fake.BrowserWindow.created;
    expect(window?.options.webPreferences).toMatchObject({
      preload: '/app/.vite/build/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(window?.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(window?.loadURL).toHaveBeenCalledWith('app://gradlab/index.html');
  });
});
