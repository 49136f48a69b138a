// The only way anything leaves the app for the system: an http(s) link opened in the browser.
// file:, javascript:, smb:, custom schemes and anything unparsable are refused, since the OS
// would hand them to whatever program claims them.
import { shell } from 'electron';

export function isExternalWebUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.username === '';
}

export async function openExternalUrl(url: string): Promise<void> {
  if (!isExternalWebUrl(url)) throw new Error(`Only http(s) links can be opened, not ${url}`);
  await shell.openExternal(url);
}
