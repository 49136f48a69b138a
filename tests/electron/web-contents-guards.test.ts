import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./support/fake-electron.ts'));

const fake = await import('./support/fake-electron.ts');
const { guardWebContents } = await import('../../electron/web-contents-guards.ts');
const { isExternalWebUrl, openExternalUrl } = await import('../../electron/external-links.ts');

type NavigationListener = (event: { url: string; preventDefault(): void }) => void;
type OpenHandler = (details: { url: string }) => { action: string };

function guardedContents() {
  const listeners = new Map<string, NavigationListener>();
  let openHandler: OpenHandler | undefined;
  const contents = {
    on: (name: string, listener: NavigationListener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: OpenHandler) => {
      openHandler = handler;
    },
  };
  guardWebContents(contents as never);
  const attempt = (eventName: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    listeners.get(eventName)?.(event);
    return event.preventDefault.mock.calls.length > 0 ? 'blocked' : 'allowed';
  };
  return { attempt, open: (url: string) => openHandler?.({ url }) };
}

describe('web contents guards', () => {
  beforeEach(() => fake.resetFakeElectron());

  it.each(['will-frame-navigate', 'will-redirect'])(
    'on %s, keeps navigation inside the app',
    (eventName) => {
      const { attempt } = guardedContents();
      expect(attempt(eventName, 'app://gradlab/renderer/index.html#lesson-2')).toBe('allowed');
      expect(attempt(eventName, 'https://evil.example/')).toBe('blocked');
      expect(attempt(eventName, 'file:///etc/passwd')).toBe('blocked');
      expect(attempt(eventName, 'app://elsewhere/')).toBe('blocked');
    },
  );

  it('refuses webviews', () => {
    const { attempt } = guardedContents();
    expect(attempt('will-attach-webview', 'app://gradlab/renderer/index.html')).toBe('blocked');
  });

  it('denies every new window, sending http(s) links to the system browser', () => {
    const { open } = guardedContents();
    expect(open('https://pytorch.org/docs/')).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://pytorch.org/docs/');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'app://gradlab/x.html']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(fake.shell.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('openExternal', () => {
  beforeEach(() => fake.resetFakeElectron());

  it.each(['https://pytorch.org/', 'http://example.com/a?b=c'])('opens %s', async (url) => {
    expect(isExternalWebUrl(url)).toBe(true);
    await openExternalUrl(url);
    expect(fake.shell.openExternal).toHaveBeenCalledWith(url);
  });

  it.each([
    'file:///home/student/.bashrc',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-settings:privacy',
    'app://gradlab/renderer/index.html',
    'https://user:secret@example.com/',
    'not a url',
  ])('refuses %s', async (url) => {
    expect(isExternalWebUrl(url)).toBe(false);
    await expect(openExternalUrl(url)).rejects.toThrow('Only http(s) links can be opened');
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });
});
