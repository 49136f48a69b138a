// The application menu. Commands whose work lives in the renderer (it holds the grades, and
// opening a folder must refresh its lesson list) are sent there as menu commands.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../renderer/host/api.ts';

export interface MenuActions {
  sendCommand(command: MenuCommand): void;
  showAbout(): void;
  openAuthoringGuide(): void;
}

export function menuTemplate(
  actions: MenuActions,
  platform: NodeJS.Platform,
  isDevelopment: boolean,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      {
        label: 'Open Lesson Folder…',
        accelerator: 'CmdOrCtrl+O',
        click: () => actions.sendCommand('open-lesson-folder'),
      },
      {
        label: 'Export Grades…',
        accelerator: 'CmdOrCtrl+E',
        click: () => actions.sendCommand('export-grades'),
      },
      {
        label: 'Export Submission…',
        click: () => actions.sendCommand('export-submission'),
      },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(isDevelopment
        ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as const)
        : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'Writing Lessons', click: () => actions.openAuthoringGuide() },
      ...(mac ? [] : [{ label: 'About Gradlab', click: () => actions.showAbout() }]),
    ],
  };
  const appMenu: MenuItemConstructorOptions[] = mac ? [{ role: 'appMenu' }] : [];
  return [...appMenu, file, { role: 'editMenu' }, view, help];
}
