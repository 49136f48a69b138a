// Every IPC channel between the main process and the renderer, declared once. The request
// channels mirror the renderer's HostApi methods, so their argument and result types come from
// that interface and cannot drift from it.
import type { HostApi, LessonSource, MenuCommand } from '../renderer/host/api.ts';

/** Renderer → main requests (ipcRenderer.invoke → ipcMain.handle), one per HostApi method. */
export const invokeChannels = {
  listLessons: 'lessons:list',
  openLessonFolder: 'lessons:open-folder',
  loadProgress: 'progress:load',
  saveProgress: 'progress:save',
  exportGrades: 'grades:export',
  exportSubmission: 'submission:export',
  openExternal: 'shell:open-external',
} as const;

export type InvokeMethod = keyof typeof invokeChannels;
export type InvokeArgs<M extends InvokeMethod> = Parameters<HostApi[M]>;
export type InvokeResult<M extends InvokeMethod> = Awaited<ReturnType<HostApi[M]>>;

export const invokeMethods = Object.keys(invokeChannels) as InvokeMethod[];

/** Main → renderer notifications (webContents.send → ipcRenderer.on). */
export const eventChannels = {
  lessonChanged: 'lessons:changed',
  menuCommand: 'menu:command',
} as const;

export type EventChannel = (typeof eventChannels)[keyof typeof eventChannels];

export interface EventPayloads {
  'lessons:changed': LessonSource;
  'menu:command': MenuCommand;
}
