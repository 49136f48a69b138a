// The main process: puts the pieces of electron/ together. Each concern lives in its own module;
// this file only wires them to the app's lifecycle.
/// <reference types="@electron-forge/plugin-vite/forge-vite-env" />
import { app, dialog, Menu, nativeTheme, session, shell, type BrowserWindow } from 'electron';
import { appPaths } from './app-paths.ts';
import {
  appEntryUrl,
  registerAppScheme,
  serveAppProtocol,
  type RendererSource,
} from './app-protocol.ts';
import { openExternalUrl } from './external-links.ts';
import { exportGrades, exportSubmission } from './grades-export.ts';
import { eventChannels } from './ipc-events.ts';
import { registerInvokeHandlers, sendToRenderer } from './ipc.ts';
import { createLessonLibrary } from './lesson-library.ts';
import { createMainWindow } from './main-window.ts';
import { menuTemplate } from './menu.ts';
import { denyAllPermissions } from './permissions.ts';
import { createProgressStore } from './progress-store.ts';
import { guardWebContents } from './web-contents-guards.ts';

const devServerUrl: string | undefined = MAIN_WINDOW_VITE_DEV_SERVER_URL;
const paths = appPaths(
  { appPath: app.getAppPath(), resourcesPath: process.resourcesPath, isPackaged: app.isPackaged },
  MAIN_WINDOW_VITE_NAME,
);
let mainWindow: BrowserWindow | null = null;

registerAppScheme();
app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

if (!app.requestSingleInstanceLock()) {
  // A second copy would share (and race on) the progress file: hand over to the first one.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

function start(): void {
  denyAllPermissions(session.defaultSession);
  const source: RendererSource = devServerUrl
    ? { kind: 'dev-server', url: devServerUrl }
    : { kind: 'folder', root: paths.renderer };
  serveAppProtocol(source);

  const progress = createProgressStore(app.getPath('userData'));
  const lessons = createLessonLibrary(paths.builtinLessons, (lesson) => {
    if (mainWindow) sendToRenderer(mainWindow.webContents, eventChannels.lessonChanged, lesson);
  });
  app.on('will-quit', () => lessons.close());

  registerInvokeHandlers({
    listLessons: () => lessons.list(),
    openLessonFolder: async () => {
      const options = { title: 'Open lesson folder', properties: ['openDirectory' as const] };
      const choice = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      const folder = choice.filePaths[0];
      return choice.canceled || folder === undefined ? null : lessons.openFolder(folder);
    },
    loadProgress: () => progress.load(),
    saveProgress: (data) => progress.save(data),
    exportGrades: (csv, suggestedName) =>
      exportGrades(mainWindow, csv, suggestedName, app.getPath('documents')),
    exportSubmission: (json, suggestedName) =>
      exportSubmission(mainWindow, json, suggestedName, app.getPath('documents')),
    openExternal: (url) => openExternalUrl(url),
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        {
          sendCommand: (command) => {
            if (mainWindow)
              sendToRenderer(mainWindow.webContents, eventChannels.menuCommand, command);
          },
          showAbout: () => app.showAboutPanel(),
          openAuthoringGuide: () => void shell.openPath(paths.authoringGuide),
        },
        process.platform,
        !app.isPackaged,
      ),
    ),
  );

  mainWindow = createMainWindow(
    appEntryUrl(source),
    paths.preload,
    nativeTheme.shouldUseDarkColors,
  );
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}
