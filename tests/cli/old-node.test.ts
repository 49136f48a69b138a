// `node bin/gradlab.js` run by a Node too old to strip TypeScript types (Debian's Node 20, when
// the machine has one): it hands over to the Node pinned in node_modules, or says in one line
// which Node is needed.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared.ts';

const SYSTEM_NODE = '/usr/bin/node';

function majorVersionOf(node: string): number | null {
  const run = spawnSync(node, ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? Number(/^v(\d+)/.exec(run.stdout)?.[1]) : null;
}

const systemMajor = majorVersionOf(SYSTEM_NODE);
const oldNodeAbsent = systemMajor === null || systemMajor >= 24;

describe.skipIf(oldNodeAbsent)(`bin/gradlab.js on ${SYSTEM_NODE} (Node ${systemMajor})`, () => {
  it('runs the command with the pinned Node, exactly as the pinned Node does', () => {
    const args = ['bin/gradlab.js', 'derive', 'sin(x)*x^2', '--wrt', 'x', '--at', 'x=1'];
    const onOldNode = spawnSync(SYSTEM_NODE, args, { cwd: repoRoot, encoding: 'utf8' });
    const onPinnedNode = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
    expect(onOldNode.stderr).toBe('');
    expect(onOldNode.status).toBe(0);
    expect(onOldNode.stdout).toBe(onPinnedNode.stdout);
  });

  it('passes on the exit status and the one-line refusal of bad input', () => {
    const run = spawnSync(SYSTEM_NODE, ['bin/gradlab.js', 'derive', '('], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^gradlab: derive: [^\n]+\n$/);
  });

  it('names the Node version needed, in one line, where no Node is pinned', async () => {
    const installedAlone = await mkdtemp(path.join(tmpdir(), 'gradlab-bin-'));
    await mkdir(path.join(installedAlone, 'bin'));
    await copyFile(
      path.join(repoRoot, 'bin/gradlab.js'),
      path.join(installedAlone, 'bin/gradlab.js'),
    );
    await writeFile(path.join(installedAlone, 'package.json'), '{"type":"module"}');
    const run = spawnSync(SYSTEM_NODE, ['bin/gradlab.js', 'derive', 'x'], {
      cwd: installedAlone,
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(`^gradlab: needs Node 24 or newer, this is Node ${systemMajor}\\.[^\\n]+\\n$`),
    );
  });
});
