// The Python worker: one PythonKernel (Pyodide + Gradlab's torch) running cells for the page.
// This entry is kept small on purpose: the moment the page says where Python's files are, their
// downloads (and the wasm's compilation) start, while the kernel's own code loads beside them.
import type { PythonKernel } from '../../core/python/kernel.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { fetchRuntime } from './runtime-files.ts';

let kernel: PythonKernel | null = null;

function send(message: FromWorker): void {
  postMessage(message);
}

async function start(indexURL: string, interruptBuffer: SharedArrayBuffer | null): Promise<void> {
  const began = performance.now();
  performance.mark('python:start');
  try {
    const runtime = fetchRuntime(indexURL);
    const { startKernel } = await import('./kernel-start.ts');
    performance.mark('python:kernel-code-loaded');
    kernel = await startKernel(indexURL, runtime);
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
