// The one app window, with Electron's security checklist applied to its web preferences.
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './app-origin.ts';

export function mainWindowOptions(
  preloadPath: string,
  darkTheme: boolean,
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Gradlab',
    show: false,
    backgroundColor: darkTheme ? '#1e1e1e' : '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      // Pyodide takes its Node code path whenever process.versions.node exists in the worker.
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}

export function createMainWindow(preloadPath: string, darkTheme: boolean): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, darkTheme));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
