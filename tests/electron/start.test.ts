import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronProbeAt, findElectronBinary } from '../../scripts/electron-binary.ts';
import { NO_DESKTOP_SENTENCE, start, type StartDependencies } from '../../scripts/start.ts';

// An `electron` package folder as npm leaves it: path.txt and dist/ appear only once the binary
// was downloaded (never, on these machines).
async function electronPackage(parts: { pathTxt?: string; binary?: string }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gradlab-electron-'));
  await writeFile(path.join(dir, 'package.json'), '{"name":"electron","version":"45.6.1"}');
  if (parts.pathTxt !== undefined) await writeFile(path.join(dir, 'path.txt'), parts.pathTxt);
  if (parts.binary !== undefined) {
    await mkdir(path.dirname(path.join(dir, 'dist', parts.binary)), { recursive: true });
    await writeFile(path.join(dir, 'dist', parts.binary), '');
  }
  return dir;
}

describe('finding the Electron binary for npm start', () => {
  let overrideDir: string;
  beforeEach(async () => {
    overrideDir = await mkdtemp(path.join(tmpdir(), 'gradlab-electron-dist-'));
  });

  it('finds none when the package was installed without its binary (as here)', async () => {
    const dir = await electronPackage({});
    expect(findElectronBinary(electronProbeAt(dir, {}))).toBeNull();
  });

  it('finds none when path.txt names a binary that is not there', async () => {
    const dir = await electronPackage({ pathTxt: 'electron' });
    expect(findElectronBinary(electronProbeAt(dir, {}))).toBeNull();
  });

  it('finds none when electron is not installed at all', () => {
    expect(findElectronBinary(electronProbeAt(null, {}))).toBeNull();
  });

  it('finds dist/<path.txt> when it exists', async () => {
    const dir = await electronPackage({
      pathTxt: 'Electron.app/Contents/MacOS/Electron',
      binary: 'Electron.app/Contents/MacOS/Electron',
    });
    expect(findElectronBinary(electronProbeAt(dir, {}))).toBe(
      path.join(dir, 'dist', 'Electron.app/Contents/MacOS/Electron'),
    );
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, with or without path.txt', async () => {
    await writeFile(path.join(overrideDir, 'electron'), '');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: overrideDir };
    const bare = await electronPackage({});
    expect(findElectronBinary(electronProbeAt(bare, env))).toBe(path.join(overrideDir, 'electron'));
    const withPathTxt = await electronPackage({ pathTxt: 'electron', binary: 'electron' });
    expect(findElectronBinary(electronProbeAt(withPathTxt, env))).toBe(
      path.join(overrideDir, 'electron'),
    );
  });

  it('finds none when ELECTRON_OVERRIDE_DIST_PATH holds no binary', async () => {
    const dir = await electronPackage({ pathTxt: 'electron', binary: 'electron' });
    const env = { ELECTRON_OVERRIDE_DIST_PATH: overrideDir };
    expect(findElectronBinary(electronProbeAt(dir, env))).toBeNull();
  });
});

describe('npm start', () => {
  function run(overrides: Partial<StartDependencies>) {
    const out: string[] = [];
    const err: string[] = [];
    const deps: StartDependencies = {
      electronBinary: () => null,
      runDesktop: vi.fn(async () => 0),
      serveWeb: vi.fn(async () => ({
        url: 'http://127.0.0.1:5175/index.html',
        port: { asked: 5175, got: 5175 },
        close: async () => {},
      })),
      port: 5175,
      log: (line) => out.push(line),
      error: (line) => err.push(line),
      ...overrides,
    };
    return { deps, out, err, status: start(deps) };
  }

  it('opens the desktop app where the Electron binary exists', async () => {
    const { deps, out, status } = run({ electronBinary: () => '/opt/electron/electron' });
    await expect(status).resolves.toBe(0);
    expect(deps.runDesktop).toHaveBeenCalled();
    expect(deps.serveWeb).not.toHaveBeenCalled();
    expect(out).toEqual([]);
  });

  it('otherwise says so in one sentence and serves the web build, printing its URL', async () => {
    const { deps, out, err, status } = run({});
    await expect(status).resolves.toBeNull();
    expect(deps.runDesktop).not.toHaveBeenCalled();
    expect(out).toEqual([
      NO_DESKTOP_SENTENCE,
      'Open http://127.0.0.1:5175/index.html in a browser. Press Ctrl+C to stop.',
    ]);
    expect(err).toEqual([]);
  });

  it('says which port it moved to when the usual one is taken', async () => {
    const serveWeb = vi.fn<StartDependencies['serveWeb']>().mockResolvedValueOnce({
      url: 'http://127.0.0.1:5176/index.html',
      port: { asked: 5175, got: 5176 },
      close: async () => {},
    });
    const { out, status } = run({ serveWeb });
    await expect(status).resolves.toBeNull();
    expect(out.slice(1)).toEqual([
      'Port 5175 is taken, so port 5176 is used.',
      'Open http://127.0.0.1:5176/index.html in a browser. Press Ctrl+C to stop.',
    ]);
  });

  it('reports a failure as one message, without a stack trace', async () => {
    const { err, status } = run({
      serveWeb: async () => {
        throw new Error('Build failed with 1 error:\nrenderer/app.ts:3:1: cannot resolve ./x.ts');
      },
    });
    await expect(status).resolves.toBe(1);
    expect(err).toEqual([
      'gradlab: npm start failed: Build failed with 1 error:\nrenderer/app.ts:3:1: cannot resolve ./x.ts',
    ]);
    expect(err.join('\n')).not.toMatch(/\n\s+at /);
  });
});
