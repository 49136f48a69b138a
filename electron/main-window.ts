// The one app window, with Electron's security checklist applied to its web preferences.
import { BrowserWindow } from 'electron';

export function createMainWindow(
  entryUrl: string,
  preloadPath: string,
  darkTheme: boolean,
): BrowserWindow {
  // The options stay literal here so that Electronegativity can check them.
  const window = new BrowserWindow({
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
      // A middle click would otherwise ask for a new window (denied anyway, see guards).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entryUrl);
  return window;
}
