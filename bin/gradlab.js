#!/usr/bin/env node
// The `gradlab` command. The CLI is TypeScript, run by Node's own type stripping (Node >= 24).
// This file stays plain JavaScript so that an older Node can still read it: it then hands over to
// the Node that `npm ci` pins in node_modules, or says in one line what is needed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_MAJOR_NEEDED = 24;

if (Number(process.versions.node.split('.')[0]) >= NODE_MAJOR_NEEDED) {
  await import('../cli/main.ts');
} else {
  const pinned = pinnedNode();
  if (pinned === null) {
    process.stderr.write(
      `gradlab: needs Node ${NODE_MAJOR_NEEDED} or newer, this is Node ${process.versions.node} ` +
        `(run \`npm ci\` in Gradlab's folder to install it there, or install Node ${NODE_MAJOR_NEEDED})\n`,
    );
    process.exit(2);
  }
  const run = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (run.signal !== null) process.kill(process.pid, run.signal);
  process.exit(run.status ?? 1);
}

// The binary of the node-<platform>-<arch> package (package.json's optionalDependencies), if it
// is installed and is not the Node already running this file.
function pinnedNode() {
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  const require = createRequire(import.meta.url);
  let packageJson;
  try {
    packageJson = require.resolve(`node-${platform}-${process.arch}/package.json`);
  } catch {
    return null;
  }
  const binary = path.join(
    path.dirname(packageJson),
    'bin',
    process.platform === 'win32' ? 'node.exe' : 'node',
  );
  return existsSync(binary) && binary !== process.execPath ? binary : null;
}
