// What a static host must send with a built site, in the forms hosts read: a `_headers` file
// (Netlify, Cloudflare Pages) and lines for nginx and Apache in the site's README.
import { securityHeaders } from '../../node/security-headers.ts';

export function headersFile(): string {
  const lines = Object.entries(securityHeaders()).map(([name, value]) => `  ${name}: ${value}`);
  return ['/*', ...lines, ''].join('\n');
}

export function siteReadme(title: string): string {
  const headers = Object.entries(securityHeaders());
  const nginx = headers.map(([name, value]) => `add_header ${name} "${value}" always;`);
  const apache = headers.map(([name, value]) => `Header always set ${name} "${value}"`);
  return `# ${title}

A Gradlab course as a static website, made by \`gradlab build\`. Upload this folder to any static
host. \`course/\` holds the course's lesson files and course.yaml: the desktop app opens this
folder (or \`course/\`) with "Open lesson folder…", and \`gradlab build course --out SITE\` makes
the site again.

## Headers

Every response should carry the headers in \`_headers\` (Netlify and Cloudflare Pages read that
file as it is). They keep the page from loading anything but its own files, and COOP/COEP make it
cross-origin isolated, which lets "Stop" interrupt a running cell at once. A host that cannot send
them still serves a working course: Stop then ends the run by restarting Python in a spare worker.
\`.wasm\` files must be sent as \`application/wasm\`.

nginx (in the \`server\` or \`location\` block of the site):

\`\`\`nginx
${nginx.join('\n')}
gzip_static on;  # sends the .gz copies of Python's runtime
\`\`\`

Apache (\`.htaccess\` beside index.html, with mod_headers):

\`\`\`apache
${apache.join('\n')}
AddType application/wasm .wasm
\`\`\`

Addresses: \`index.html#/LESSON-ID\` opens a lesson and \`index.html#/LESSON-ID/3\` its third step;
they stay the same when the site is built again or its lessons are reordered.
`;
}
