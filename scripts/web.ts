// `npm run web`: builds the web build (the renderer with its web host) into dist/web and serves
// it on localhost with the app's security headers on every response.
// `serveWebBuild` is also what `npm start` uses where no Electron binary exists.
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { snapshotFile } from '../vite.renderer.config.mts';
import { securityHeaders } from '../node/security-headers.ts';
import { contentTypeOf, resolveInside } from '../electron/static-files.ts';
import { listenOnFreePort, portMovedSentence } from './free-port.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const webBuildDir = join(repoRoot, 'dist', 'web');
const entryPath = '/index.html';

/** The big files of Python's runtime, also written gzipped for browsers that accept it. */
const precompressed = ['pyodide/pyodide.asm.wasm', `pyodide/${snapshotFile}`];

/** Writes the web build to dist/web (or another folder). */
export async function buildWeb(outDir = webBuildDir): Promise<void> {
  await build({
    configFile: join(repoRoot, 'vite.web.config.mts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  for (const file of precompressed) {
    const path = join(outDir, file);
    if (existsSync(path)) writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 6 }));
  }
}

export interface WebServer {
  url: string;
  /** The port asked for and the one served on (the next free one when it was taken). */
  port: { asked: number; got: number };
  close: () => Promise<void>;
}

export interface ServeOptions {
  /** Taken: the next free port after it is used. 0 picks any free port. */
  port: number;
  /** Build first (default true); false serves what the folder holds. */
  build?: boolean;
  /** The folder to build into and serve (default dist/web). */
  root?: string;
  /** The page as served, made from the built one (`gradlab preview` puts its course in it). */
  page?: (builtPage: string) => string;
  /** Answers a request itself when it returns true (`gradlab preview`'s change events). */
  handle?: (path: string, request: IncomingMessage, response: ServerResponse) => boolean;
}

/** Builds (unless `build: false`) and serves the web build on 127.0.0.1. */
export async function serveWebBuild(options: ServeOptions): Promise<WebServer> {
  const root = options.root ?? webBuildDir;
  if (options.build !== false) await buildWeb(root);
  const headers = securityHeaders();
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (options.handle?.(path, request, response)) return;
    void respond(root, request, options.page)
      .catch((): Reply => ({ status: 400, headers: {}, body: 'Bad request\n' }))
      .then((reply) => send(response, request.method === 'HEAD', reply));
  });
  const port = await listenOnFreePort(server, options.port);
  return {
    url: `http://127.0.0.1:${port}${entryPath}`,
    port: { asked: options.port, got: port },
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
  body?: string;
  /** A file streamed as the body. */
  file?: string;
}

function send(response: ServerResponse, headOnly: boolean, reply: Reply): void {
  response.writeHead(reply.status, reply.headers);
  if (headOnly || reply.status === 304) response.end();
  else if (reply.file)
    createReadStream(reply.file)
      .on('error', () => response.destroy())
      .pipe(response);
  else response.end(reply.body);
}

async function respond(
  root: string,
  request: IncomingMessage,
  page: ServeOptions['page'],
): Promise<Reply> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return { status: 405, headers: { Allow: 'GET, HEAD' }, body: 'Method not allowed\n' };
  }
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (path === '/') return { status: 302, headers: { Location: entryPath } };
  if (path === entryPath && page) return pageReply(root, page);
  const file = resolveInside(root, path);
  if (file === null) return notFound();
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return notFound();
  // The page and Pyodide's files are revalidated on every load (answered 304 while unchanged);
  // the files in assets/ are named by a hash of their content, so a browser may keep them.
  const etag = `"${info.size.toString(36)}-${Math.round(info.mtimeMs).toString(36)}"`;
  const cacheControl = path.startsWith('/assets/')
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
  const common = { 'Cache-Control': cacheControl, ETag: etag, Vary: 'Accept-Encoding' };
  if (request.headers['if-none-match'] === etag) return { status: 304, headers: common };
  const gzipped = `${file}.gz`;
  const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  const compressed = acceptsGzip ? await stat(gzipped).catch(() => null) : null;
  return {
    status: 200,
    headers: {
      ...common,
      'Content-Type': contentTypeOf(file),
      'Content-Length': String(compressed?.size ?? info.size),
      ...(compressed ? { 'Content-Encoding': 'gzip' } : {}),
    },
    file: compressed ? gzipped : file,
  };
}

/** The page made for this server, never cached: it changes whenever the course does. */
async function pageReply(root: string, page: NonNullable<ServeOptions['page']>): Promise<Reply> {
  const html = page(await readFile(join(root, entryPath), 'utf8'));
  return {
    status: 200,
    headers: { 'Content-Type': contentTypeOf(entryPath), 'Cache-Control': 'no-store' },
    body: html,
  };
}

function notFound(): Reply {
  return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not found\n' };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.env.PORT ?? 5175);
  try {
    const server = await serveWebBuild({ port });
    const moved = portMovedSentence(server.port.asked, server.port.got);
    if (moved) process.stdout.write(moved + '\n');
    process.stdout.write(`Gradlab (web build) is at ${server.url}\nPress Ctrl+C to stop.\n`);
  } catch (error) {
    process.stderr.write(`gradlab: npm run web failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
