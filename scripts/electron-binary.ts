// Finds the Electron binary the way node_modules/electron/index.js does, without loading that
// file: loading it starts a download from GitHub when the binary is missing.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ElectronBinaryProbe {
  /** Folder of the installed `electron` package, or null if it is not installed. */
  packageDir: string | null;
  /** ELECTRON_OVERRIDE_DIST_PATH, as electron/index.js honours it. */
  overrideDistPath: string | undefined;
  exists(file: string): boolean;
  readText(file: string): string | null;
}

/** The Electron executable `electron-forge start` would run, or null if there is none. */
export function findElectronBinary(probe: ElectronBinaryProbe): string | null {
  if (probe.packageDir === null) return null;
  const executable = probe.readText(path.join(probe.packageDir, 'path.txt'))?.trim() || null;
  let candidate: string | null = null;
  if (probe.overrideDistPath) {
    candidate = path.join(probe.overrideDistPath, executable ?? 'electron');
  } else if (executable !== null) {
    candidate = path.join(probe.packageDir, 'dist', executable);
  }
  return candidate !== null && probe.exists(candidate) ? candidate : null;
}

export function probeInstalledElectron(env: NodeJS.ProcessEnv = process.env): ElectronBinaryProbe {
  return electronProbeAt(installedPackageDir('electron'), env);
}

/** A probe of the real file system, for the electron package installed at packageDir. */
export function electronProbeAt(
  packageDir: string | null,
  env: NodeJS.ProcessEnv,
): ElectronBinaryProbe {
  return {
    packageDir,
    overrideDistPath: env.ELECTRON_OVERRIDE_DIST_PATH,
    exists: existsSync,
    readText: (file) => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    },
  };
}

function installedPackageDir(name: string): string | null {
  try {
    return path.dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}
