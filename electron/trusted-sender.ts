// The sender check every IPC message passes: only the top frame of a page served from the app's
// own origin may talk to the main process (not a subframe, not a page the window was navigated
// to, not a frame that is already gone).
import type { WebFrameMain } from 'electron';
import { isAppUrl } from './app-origin.ts';

export function isTrustedSender(frame: WebFrameMain | null): boolean {
  if (frame === null || frame.isDestroyed()) return false;
  return frame.parent === null && isAppUrl(frame.url);
}
