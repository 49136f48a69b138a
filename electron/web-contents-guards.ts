// Applied to every web contents the app creates: it may not navigate away from the app's own
// origin, open windows (a clicked http(s) link goes to the system browser instead) or attach
// webviews.
import type { Event, WebContents } from 'electron';
import { isAppUrl } from './app-origin.ts';
import { isExternalWebUrl, openExternalUrl } from './external-links.ts';

export function guardWebContents(contents: WebContents): void {
  const stayInApp = (event: Event, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  // will-frame-navigate covers the main frame and every subframe.
  contents.on('will-frame-navigate', (event) => stayInApp(event, event.url));
  contents.on('will-redirect', (event) => stayInApp(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) {
      openExternalUrl(url).catch((error: Error) =>
        console.warn(`gradlab: could not open ${url}: ${error.message}`),
      );
    }
    return { action: 'deny' };
  });
}
