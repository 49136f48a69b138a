import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { electronProbeAt, findElectronBinary } from '../../scripts/electron-binary.ts';

// An `electron` package folder as npm leaves it: path.txt and dist/ appear only once the binary
// was downloaded (never, on these machines).
async function electronPackage(parts: { pathTxt?: string; binary?: string }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gradlab-electron-'));
  await writeFile(path.join(dir, 'package.json'), '{"name":"electron","version":"45.5.0"}');
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
