// A stand-in for the `electron` module (no Electron binary exists on these machines), as
// electron/fiddle's tests do: each test file says `vi.mock('electron', () => import(<this>))`.
// It records what the code under test registers, so tests can drive and inspect it.
import { vi } from 'vitest';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
type Listener = (...args: unknown[]) => void;

const invokeHandlers = new Map<string, Handler>();

export const ipcMain = {
  handle: vi.fn((channel: string, handler: Handler) => {
    if (invokeHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    invokeHandlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => invokeHandlers.delete(channel)),
};

/** A frame as IpcMainInvokeEvent.senderFrame presents it. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  isDestroyed(): boolean;
}

export function fakeFrame(url: string, parent: FakeFrame | null = null): FakeFrame {
  return { url, parent, isDestroyed: () => false };
}

/** Calls the handler the main process registered, as Electron does for ipcRenderer.invoke. */
export async function invokeFromRenderer(
  channel: string,
  senderFrame: FakeFrame | null,
  ...args: unknown[]
): Promise<unknown> {
  const handler = invokeHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ senderFrame }, ...args);
}

export function registeredChannels(): string[] {
  return [...invokeHandlers.keys()];
}

const rendererListeners = new Map<string, Set<Listener>>();

export const ipcRenderer = {
  invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined),
  on: vi.fn((channel: string, listener: Listener) => {
    const listeners = rendererListeners.get(channel) ?? new Set();
    listeners.add(listener);
    rendererListeners.set(channel, listeners);
  }),
  removeListener: vi.fn((channel: string, listener: Listener) => {
    rendererListeners.get(channel)?.delete(listener);
  }),
};

/** Delivers a main → renderer message, as webContents.send would. */
export function sendToPreload(channel: string, payload: unknown): void {
  const event = { sender: ipcRenderer };
  for (const listener of rendererListeners.get(channel) ?? []) listener(event, payload);
}

export const exposedInMainWorld = new Map<string, unknown>();

export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, api: unknown) => exposedInMainWorld.set(key, api)),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

export const net = { fetch: vi.fn() };

export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
  openPath: vi.fn(async (_path: string) => ''),
};

export const dialog = {
  showSaveDialog: vi.fn(),
  showOpenDialog: vi.fn(),
};

export class BrowserWindow {
  static created: BrowserWindow[] = [];
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly once = vi.fn();
  readonly on = vi.fn();
  readonly webContents = { send: vi.fn(), isDestroyed: () => false };
  readonly options: Record<string, unknown>;
  constructor(options: Record<string, unknown>) {
    this.options = options;
    BrowserWindow.created.push(this);
  }
}

/** The app object, for tests that load the whole main process (electron/main.ts). */
export const appSettings = { appPath: '/app', userData: '/tmp/gradlab-user-data' };
const appListeners = new Map<string, Listener[]>();

export const app = {
  isPackaged: false,
  getAppPath: () => appSettings.appPath,
  getPath: (name: string) => (name === 'userData' ? appSettings.userData : `/home/student/${name}`),
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  quit: vi.fn(),
  showAboutPanel: vi.fn(),
  on: vi.fn((name: string, listener: Listener) => {
    appListeners.set(name, [...(appListeners.get(name) ?? []), listener]);
  }),
};

export function emitAppEvent(name: string, ...args: unknown[]): void {
  for (const listener of appListeners.get(name) ?? []) listener(...args);
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  },
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const nativeTheme = { shouldUseDarkColors: false };

export function resetFakeElectron(): void {
  appListeners.clear();
  invokeHandlers.clear();
  rendererListeners.clear();
  exposedInMainWorld.clear();
  BrowserWindow.created = [];
  vi.clearAllMocks();
}
