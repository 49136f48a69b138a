// `npm run web`: builds the web build (the renderer with its web host) into dist/web and serves
// it on localhost with the app's security headers on every response.
// `serveWebBuild` is also what `npm start` uses where no Electron binary exists.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { securityHeaders } from '../electron/security-headers.ts';
import { contentTypeOf, resolveInside } from '../electron/static-files.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const webBuildDir = join(repoRoot, 'dist', 'web');
const entryPath = '/index.html';

/** Writes the web build to dist/web (or another folder). */
export async function buildWeb(outDir = webBuildDir): Promise<void> {
  await build({
    configFile: join(repoRoot, 'vite.web.config.mts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

export interface WebServer {
  url: string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /** 0 picks a free port. */
  port: number;
  /** Build first (default true); false serves what the folder holds. */
  build?: boolean;
  /** The folder to build into and serve (default dist/web). */
  root?: string;
}

/** Builds (unless `build: false`) and serves the web build on 127.0.0.1. */
export async function serveWebBuild(options: ServeOptions): Promise<WebServer> {
  const root = options.root ?? webBuildDir;
  if (options.build !== false) await buildWeb(root);
  const headers = securityHeaders();
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    void respond(root, request.method ?? 'GET', request.url ?? '/')
      .catch((): Reply => ({ status: 400, headers: {}, body: 'Bad request\n' }))
      .then(({ status, headers, body }) => {
        response.writeHead(status, headers);
        response.end(request.method === 'HEAD' ? undefined : body);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}${entryPath}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: Buffer | string;
}

async function respond(root: string, method: string, rawUrl: string): Promise<Reply> {
  if (method !== 'GET' && method !== 'HEAD') {
    return { status: 405, headers: { Allow: 'GET, HEAD' }, body: 'Method not allowed\n' };
  }
  const path = new URL(rawUrl, 'http://localhost').pathname;
  if (path === '/') return { status: 302, headers: { Location: entryPath } };
  const file = resolveInside(root, path);
  if (file === null) return notFound();
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return notFound();
  return {
    status: 200,
    headers: {
      'Content-Type': contentTypeOf(file),
      'Cache-Control': 'no-cache',
    },
    body: await readFile(file),
  };
}

function notFound(): Reply {
  return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not found\n' };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.env.PORT ?? 5175);
  const { url } = await serveWebBuild({ port });
  process.stdout.write(`Gradlab (web build) is at ${url}\nPress Ctrl+C to stop.\n`);
}
