// Serves the renderer from app://gradlab instead of file://: module scripts and workers load,
// and every response carries the CSP, COOP and COEP of node/security-headers.ts. In development the
// same origin proxies Vite's dev server, so pages and headers are the same as in the package.
import { readFile } from 'node:fs/promises';
import { net, protocol, type CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';
import { securityHeaders } from '../node/security-headers.ts';
import { contentTypeOf, resolveInside } from './static-files.ts';

export type RendererSource = { kind: 'folder'; root: string } | { kind: 'dev-server'; url: string };

export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  // standard + secure: a secure context with a real origin (module workers, crossOriginIsolated);
  // supportFetchAPI: Pyodide fetches its wasm and stdlib; codeCache: faster second start.
  // corsEnabled stays off: every load is same-origin, and it would let other origins read app://
  // responses with no CORS check. bypassCSP stays off, so the CSP applies.
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
    stream: true,
  },
};

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([appScheme]);
}

/**
 * The page to load. The renderer's Vite root is the repository: its dev server serves the page
 * at /renderer/index.html, and its build moves it to the output's root.
 */
export function appEntryUrl(source: RendererSource): string {
  const page = source.kind === 'dev-server' ? 'renderer/index.html' : 'index.html';
  return `${APP_SCHEME}://${APP_HOST}/${page}`;
}

export function serveAppProtocol(source: RendererSource): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(source, net.fetch));
}

export function createAppRequestHandler(
  source: RendererSource,
  fetchUpstream: (url: string) => Promise<Response>,
): (request: Request) => Promise<Response> {
  const headers =
    source.kind === 'dev-server'
      ? securityHeaders({ devServerOrigin: new URL(source.url).origin })
      : securityHeaders();
  const reply = (body: BodyInit | null, status: number, contentType: string) =>
    new Response(body, { status, headers: { ...headers, 'Content-Type': contentType } });
  const notFound = () => reply('Not found', 404, 'text/plain; charset=utf-8');

  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply('Method not allowed', 405, 'text/plain; charset=utf-8');
    }
    if (source.kind === 'dev-server') {
      const upstream = await fetchUpstream(new URL(url.pathname + url.search, source.url).href);
      const type = upstream.headers.get('Content-Type') ?? contentTypeOf(url.pathname);
      return reply(upstream.body, upstream.status, type);
    }
    const file = resolveInside(source.root, url.pathname);
    if (file === null) return notFound();
    try {
      return reply(await readFile(file), 200, contentTypeOf(file));
    } catch {
      return notFound();
    }
  };
}
