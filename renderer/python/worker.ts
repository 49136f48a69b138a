// The Python worker: one PythonKernel (Pyodide + Gradlab's torch) running cells for the page.
import { loadPyodide } from 'pyodide';
import { PythonKernel } from '../../core/python/kernel.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const sourceFiles = import.meta.glob<string>('/core/python/py/**/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const sources = Object.fromEntries(
  Object.entries(sourceFiles).map(([path, text]) => [path.replace('/core/python/py/', ''), text]),
);

let kernel: PythonKernel | null = null;

function send(message: FromWorker): void {
  postMessage(message);
}

async function start(indexURL: string, interruptBuffer: SharedArrayBuffer | null): Promise<void> {
  const began = performance.now();
  try {
    kernel = await PythonKernel.start({ loadPyodide, indexURL, sources });
    if (interruptBuffer) kernel.setInterruptBuffer(new Uint8Array(interruptBuffer));
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
