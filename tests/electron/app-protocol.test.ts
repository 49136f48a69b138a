import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./support/fake-electron.ts'));

const { appEntryUrl, appScheme, createAppRequestHandler } =
  await import('../../electron/app-protocol.ts');

function expectSecurityHeaders(response: Response): void {
  const csp = response.headers.get('Content-Security-Policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).toMatch(/script-src[^;]*/);
  expect(csp.match(/script-src[^;]*/)?.[0]).not.toContain('unsafe-inline');
  expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("worker-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("form-action 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
  expect(response.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
  expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
}

describe('app:// protocol serving the renderer build', () => {
  let root: string;
  let handle: (request: Request) => Promise<Response>;
  const unusedFetch = () => Promise.reject(new Error('no upstream in folder mode'));

  beforeAll(async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'gradlab-protocol-'));
    root = path.join(parent, 'main_window');
    await mkdir(path.join(root, 'pyodide'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Gradlab</title>');
    await writeFile(
      path.join(root, 'pyodide', 'pyodide.asm.wasm'),
      new Uint8Array([0, 97, 115, 109]),
    );
    await writeFile(path.join(parent, 'secret.txt'), 'outside the build');
    handle = createAppRequestHandler({ kind: 'folder', root }, unusedFetch);
  });

  it('is a standard, secure scheme that supports fetch', () => {
    expect(appScheme.privileges).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
    });
    expect(appScheme.privileges?.bypassCSP).toBeFalsy();
    expect(appScheme.privileges?.corsEnabled).toBeFalsy();
  });

  it('serves the page with the CSP, COOP and COEP headers', async () => {
    const response = await handle(new Request(appEntryUrl({ kind: 'folder', root })));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Gradlab</title>');
    expectSecurityHeaders(response);
  });

  it('serves WebAssembly as application/wasm, with the same headers', async () => {
    const response = await handle(new Request('app://gradlab/pyodide/pyodide.asm.wasm'));
    expect(response.headers.get('Content-Type')).toBe('application/wasm');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
    expectSecurityHeaders(response);
  });

  it.each([
    'app://gradlab/../secret.txt',
    'app://gradlab/%2e%2e/secret.txt',
    'app://gradlab/pyodide/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://gradlab/renderer/missing.js',
    'app://gradlab/',
    'app://other-host/index.html',
  ])('answers 404 (with the headers) for %s', async (url) => {
    const response = await handle(new Request(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the build');
    expectSecurityHeaders(response);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handle(new Request('app://gradlab/index.html', { method: 'POST' }));
    expect(response.status).toBe(405);
  });
});

describe('app:// protocol in development', () => {
  it("proxies Vite's dev server and puts the app's headers on its responses", async () => {
    const upstream = vi.fn(
      async (url: string) =>
        new Response(`console.log(${JSON.stringify(url)})`, {
          headers: {
            'Content-Type': 'text/javascript',
            'Content-Security-Policy': 'default-src *',
          },
        }),
    );
    const handle = createAppRequestHandler(
      { kind: 'dev-server', url: 'http://localhost:5173' },
      upstream,
    );
    const response = await handle(new Request('app://gradlab/renderer/main.ts?t=1'));
    expect(upstream).toHaveBeenCalledWith('http://localhost:5173/renderer/main.ts?t=1');
    expect(response.headers.get('Content-Type')).toBe('text/javascript');
    expectSecurityHeaders(response);
    // Vite's hot-reload socket, and nothing else, is added to connect-src.
    expect(response.headers.get('Content-Security-Policy')).toContain(
      "connect-src 'self' ws://localhost:5173",
    );
  });
});
