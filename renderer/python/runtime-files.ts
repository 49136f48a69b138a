// Python's runtime files, requested together as soon as the worker starts: Pyodide itself asks
// for them one after another (the wasm only once the 31 MB memory snapshot has arrived).
import type { PyodideModuleScript } from './kernel-start.ts';
import { snapshotFile, unpackSnapshot } from './snapshot-pages.ts';

export interface RuntimeFiles {
  /** The build's memory snapshot of a booted interpreter; rejects if the build has none. */
  snapshot: Promise<Uint8Array>;
  /** pyodide.asm.wasm, compiled while it downloads. */
  wasm: Promise<WebAssembly.Module>;
  /** pyodide.asm.mjs, Pyodide's Emscripten glue. */
  moduleScript: Promise<PyodideModuleScript>;
  lockFile: Promise<string>;
}

export function fetchRuntime(indexURL: string): RuntimeFiles {
  const url = (name: string) => new URL(name, indexURL).href;
  const wasmResponse = fetchOk(url('pyodide.asm.wasm'));
  const stdlibResponse = fetchOk(url('python_stdlib.zip'));
  shareWithPyodide(
    new Map([
      [url('pyodide.asm.wasm'), wasmResponse],
      [url('python_stdlib.zip'), stdlibResponse],
    ]),
  );
  const files: RuntimeFiles = {
    snapshot: fetchOk(url(snapshotFile))
      .then((response) => response.arrayBuffer())
      .then((bytes) => {
        performance.mark('python:snapshot-fetched');
        return unpackSnapshot(new Uint8Array(bytes));
      }),
    wasm: WebAssembly.compileStreaming(wasmResponse).then((module) => {
      performance.mark('python:wasm-compiled');
      return module;
    }),
    moduleScript: import(/* @vite-ignore */ url('pyodide.asm.mjs')).then(
      (script: PyodideModuleScript) => {
        performance.mark('python:module-script-loaded');
        return script;
      },
    ),
    lockFile: fetchOk(url('pyodide-lock.json')).then((response) => response.text()),
  };
  // Whoever awaits a file sees its failure; none of them is an unhandled rejection meanwhile.
  for (const file of Object.values(files)) (file as Promise<unknown>).catch(() => undefined);
  return files;
}

/**
 * Pyodide requests the wasm and the standard library itself, later than this worker can: its
 * first request for each gets the response already on its way instead of a second download.
 */
function shareWithPyodide(early: Map<string, Promise<Response>>): void {
  const fetchFromNetwork = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const response = early.get(url);
    if (!response) return fetchFromNetwork(input, init);
    early.delete(url);
    return response;
  };
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}
