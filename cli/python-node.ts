// Starts the Python kernel in Node: Pyodide from node_modules, the Python sources from
// core/python/py, and a memory snapshot cached on disk so later starts take well under a second.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import { PythonKernel, SNAPSHOT_IMPORTS } from '../core/python/kernel.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const pythonSources = join(repoRoot, 'core/python/py');
const cacheDir = join(repoRoot, 'node_modules/.cache/gradlab');

/** Where Pyodide's own files (wasm, standard library) are. */
export function pyodideDirectory(): string {
  return dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

/** core/python/py/** as the kernel takes it: `{'torch/__init__.py': text, ...}`. */
export function readPythonSources(root = pythonSources): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.py')) continue;
    const path = join(entry.parentPath, entry.name);
    sources[relative(root, path).split('\\').join('/')] = readFileSync(path, 'utf8');
  }
  return sources;
}

export function snapshotPath(): string {
  const { version } = JSON.parse(
    readFileSync(join(pyodideDirectory(), 'package.json'), 'utf8'),
  ) as {
    version: string;
  };
  const imports = SNAPSHOT_IMPORTS.join('+').replace(/[^a-z+]/gi, '');
  return join(cacheDir, `pyodide-${version}-node${process.versions.node}-${imports}.snapshot`);
}

export function readSnapshot(path: string): Uint8Array | undefined {
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    return undefined;
  }
}

/**
 * Writes the snapshot beside its final name, then renames: readers never see half a file.
 * Snapshots of other Pyodide or Node versions (30 MiB each) are removed.
 */
export function storeSnapshot(path: string, snapshot: Uint8Array): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, snapshot);
    renameSync(temporary, path);
    for (const name of readdirSync(dirname(path)))
      if (name.endsWith('.snapshot') && join(dirname(path), name) !== path)
        rmSync(join(dirname(path), name), { force: true });
  } catch {
    // A cache that cannot be written only costs the next start its speed.
  }
}

export async function startNodeKernel(): Promise<PythonKernel> {
  const sources = readPythonSources();
  const path = snapshotPath();
  const snapshot = readSnapshot(path);
  if (snapshot !== undefined) {
    try {
      return await PythonKernel.start({ loadPyodide, sources, snapshot });
    } catch {
      // A snapshot from another build of Pyodide: boot cold and replace it below.
    }
  }
  return PythonKernel.start({
    loadPyodide,
    sources,
    onSnapshot: (bytes) => storeSnapshot(path, bytes),
  });
}
