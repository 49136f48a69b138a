// The preload: exposes the HostApi of renderer/host/api.ts as `window.gradlab` and nothing else.
// Each method forwards to its one declared channel; ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HostApi } from '../renderer/host/api.ts';
import {
  eventChannels,
  invokeChannels,
  type EventChannel,
  type EventPayloads,
  type InvokeArgs,
  type InvokeMethod,
  type InvokeResult,
} from './ipc-events.ts';

function request<M extends InvokeMethod>(method: M) {
  return (...args: InvokeArgs<M>) =>
    ipcRenderer.invoke(invokeChannels[method], ...args) as Promise<InvokeResult<M>>;
}

function subscribe<C extends EventChannel>(
  channel: C,
  listener: (payload: EventPayloads[C]) => void,
): () => void {
  // The page's listener never sees the IPC event (it carries `sender`, i.e. ipcRenderer).
  const forward = (_event: IpcRendererEvent, payload: EventPayloads[C]) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const gradlab: HostApi = {
  kind: 'electron',
  listLessons: request('listLessons'),
  openLessonFolder: request('openLessonFolder'),
  loadProgress: request('loadProgress'),
  saveProgress: request('saveProgress'),
  exportGrades: request('exportGrades'),
  exportSubmission: request('exportSubmission'),
  openExternal: request('openExternal'),
  onLessonChanged: (listener) => subscribe(eventChannels.lessonChanged, listener),
  onMenuCommand: (listener) => subscribe(eventChannels.menuCommand, listener),
};

contextBridge.exposeInMainWorld('gradlab', gradlab);
