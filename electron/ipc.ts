// The main process's side of the IPC contract in ipc-events.ts: one handler per request channel,
// each message's sender checked and its arguments validated before the handler runs.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import {
  invokeChannels,
  invokeMethods,
  type EventChannel,
  type EventPayloads,
  type InvokeArgs,
  type InvokeMethod,
  type InvokeResult,
} from './ipc-events.ts';
import { parseInvokeArguments } from './ipc-arguments.ts';
import { isTrustedSender } from './trusted-sender.ts';

export type InvokeHandlers = {
  [M in InvokeMethod]: (...args: InvokeArgs<M>) => Promise<InvokeResult<M>> | InvokeResult<M>;
};

export function registerInvokeHandlers(handlers: InvokeHandlers): void {
  for (const method of invokeMethods) registerInvokeHandler(method, handlers[method]);
}

function registerInvokeHandler<M extends InvokeMethod>(
  method: M,
  handler: InvokeHandlers[M],
): void {
  const channel = invokeChannels[method];
  ipcMain.removeHandler(channel);
  ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    if (!isTrustedSender(event.senderFrame)) {
      const url = event.senderFrame?.url ?? 'a frame that no longer exists';
      console.warn(`gradlab: refused ${channel} from an untrusted sender (${url})`);
      throw new Error(`Refused ${channel}: the sender is not the Gradlab app`);
    }
    return handler(...parseInvokeArguments(method, args));
  });
}

export function sendToRenderer<C extends EventChannel>(
  contents: WebContents,
  channel: C,
  payload: EventPayloads[C],
): void {
  if (!contents.isDestroyed()) contents.send(channel, payload);
}
