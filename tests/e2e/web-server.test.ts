// The web build's server: every response, the worker script and errors included, carries the
// CSP and the cross-origin isolation headers Pyodide's interrupt buffer needs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebBuild, type WebServer } from '../../scripts/web.ts';

let server: WebServer;
let origin: string;
let root: string;
const outside = join(tmpdir(), 'gradlab-outside.txt');

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gradlab-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Gradlab</title>');
  writeFileSync(join(root, 'assets', 'worker-abc.js'), 'postMessage(1);');
  writeFileSync(join(root, 'assets', 'big.bin'), 'x'.repeat(10_000));
  writeFileSync(join(root, 'assets', 'big.bin.gz'), gzipSync('x'.repeat(10_000)));
  writeFileSync(outside, 'secret');
  server = await serveWebBuild({ port: 0, build: false, root });
  origin = new URL(server.url).origin;
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { force: true });
});

function expectSecurityHeaders(response: Response): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("object-src 'none'");
  expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
}

describe('serveWebBuild', () => {
  it('serves the page at its URL and sends / there', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expectSecurityHeaders(page);
    const root = await fetch(origin + '/', { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/index.html');
  });

  it('sends the headers with the worker script too', async () => {
    const worker = await fetch(origin + '/assets/worker-abc.js');
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toContain('text/javascript');
    expectSecurityHeaders(worker);
  });

  it('answers 404 for missing files and for paths leaving the build folder', async () => {
    for (const path of ['/nope.js', '/../gradlab-outside.txt', '/%2e%2e/gradlab-outside.txt']) {
      const response = await fetch(origin + path);
      expect(response.status, path).toBe(404);
      expectSecurityHeaders(response);
    }
    const malformed = await fetch(origin + '/%E0%A4%A');
    expect(malformed.status).toBe(404);
  });

  it('moves to the next free port when the one asked for is taken', async () => {
    const taken = Number(new URL(server.url).port);
    const second = await serveWebBuild({ port: taken, build: false, root });
    try {
      expect(second.port.asked).toBe(taken);
      expect(second.port.got).toBeGreaterThan(taken);
      expect((await fetch(second.url)).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('answers 304 to a revalidation of an unchanged file', async () => {
    const first = await fetch(origin + '/assets/worker-abc.js');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(origin + '/assets/worker-abc.js', {
      headers: { 'If-None-Match': etag! },
    });
    expect(again.status).toBe(304);
    expectSecurityHeaders(again);
  });

  it('lets browsers keep the content-hashed files of assets/, and revalidate the rest', async () => {
    const asset = await fetch(origin + '/assets/worker-abc.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await fetch(server.url);
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends the gzipped copy of a file to browsers that accept gzip', async () => {
    const response = await fetch(origin + '/assets/big.bin');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toBe('x'.repeat(10_000));
  });

  it('refuses anything but GET and HEAD', async () => {
    const response = await fetch(server.url, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expectSecurityHeaders(response);
  });
});
