// The Python worker: one PythonKernel (Pyodide + Gradlab's torch) running cells for the page.
// Pyodide's downloads start the moment the page says "start"; the kernel's own code (a bigger
// script) loads meanwhile, so the files are on their way before it has even been compiled.
import { loadPyodide, type PyodideAPI } from 'pyodide';
import type { PythonKernel } from '../../core/python/kernel.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { snapshotFile, unpackSnapshot } from './snapshot-pages.ts';

let kernel: PythonKernel | null = null;

function send(message: FromWorker): void {
  postMessage(message);
}

/** The build's memory snapshot of a booted interpreter; rejects if the build has none. */
async function fetchSnapshot(indexURL: string): Promise<Uint8Array> {
  const response = await fetch(new URL(snapshotFile, indexURL));
  if (!response.ok) throw new Error(`no snapshot (HTTP ${response.status})`);
  const packed = new Uint8Array(await response.arrayBuffer());
  performance.mark('python:snapshot-fetched');
  return unpackSnapshot(packed);
}

/** Pyodide from the build's snapshot (a promise: it downloads while the wasm compiles). */
function bootFromSnapshot(indexURL: string): Promise<PyodideAPI> {
  const snapshot = fetchSnapshot(indexURL);
  snapshot.catch(() => undefined);
  return loadPyodide({ indexURL, _loadSnapshot: snapshot });
}

async function start(indexURL: string, interruptBuffer: SharedArrayBuffer | null): Promise<void> {
  const began = performance.now();
  performance.mark('python:start');
  try {
    const booting = bootFromSnapshot(indexURL);
    booting.catch(() => undefined);
    const { PythonKernel, sources } = await import('./worker-kernel.ts');
    kernel = await PythonKernel.start({ loadPyodide: () => booting, indexURL, sources }).catch(
      () => {
        // No snapshot, or one that does not fit this runtime: start cold instead.
        performance.mark('python:cold-start');
        return PythonKernel.start({ loadPyodide, indexURL, sources });
      },
    );
    if (interruptBuffer) kernel.setInterruptBuffer(new Uint8Array(interruptBuffer));
    performance.mark('python:ready');
    send({ type: 'ready', startMs: performance.now() - began });
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'start') void start(message.indexURL, message.interruptBuffer);
  else if (!kernel) send({ type: 'failed', message: 'Python is not started yet.' });
  else if (message.type === 'run') {
    const result = kernel.runCell(message.code, { fresh: message.fresh });
    send({ type: 'result', id: message.id, result });
  } else if (message.type === 'reset') {
    kernel.reset();
    send({ type: 'reset-done', id: message.id });
  }
});
