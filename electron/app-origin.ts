// The one origin the app's own pages come from: app://gradlab, served by app-protocol.ts.
// WHATWG URL gives custom schemes an opaque origin ("null"), so compare scheme and host instead.

export const APP_SCHEME = 'app';
export const APP_HOST = 'gradlab';

export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}
