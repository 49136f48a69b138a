// A plain static file server, as a host would run one for a site made by `gradlab build`: files
// as they are, with the headers the site's `_headers` file asks for and nothing else of ours.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { contentTypeOf, resolveInside } from '../../../electron/static-files.ts';

export interface StaticSite {
  origin: string;
  close: () => Promise<void>;
}

/** The `Name: value` lines under `/*` in a Netlify-style _headers file. */
function readHeadersFile(root: string): [string, string][] {
  return readFileSync(join(root, '_headers'), 'utf8')
    .split('\n')
    .filter((line) => /^\s+\S+:/.test(line))
    .map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    });
}

export async function serveStaticSite(root: string): Promise<StaticSite> {
  const headers = readHeadersFile(root);
  const server = createServer((request, response) => {
    for (const [name, value] of headers) response.setHeader(name, value);
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = resolveInside(root, path.endsWith('/') ? `${path}index.html` : path);
    void (file ? readFile(file) : Promise.reject(new Error('outside')))
      .then((body) => {
        response.writeHead(200, { 'Content-Type': contentTypeOf(file!) });
        response.end(body);
      })
      .catch(() => {
        response.writeHead(404);
        response.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
