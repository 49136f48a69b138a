// The sandboxed Python process. Node's permission model (set by cli/sandbox/sandbox.ts) lets it
// read only its own code and Pyodide's files, and denies writing, child processes, addons,
// workers and WASI; this file closes the network, which Node 24's permission model leaves
// open, before any Python runs. Requests and replies are IPC messages (protocol.ts).
import { constants } from 'node:fs';
import { loadPyodide } from 'pyodide';
import { PythonKernel } from '../../core/python/kernel.ts';
import { readPythonSources, readSnapshot } from '../python-node.ts';
import { closeNetwork } from './close-network.ts';
import type { SandboxReply, SandboxRequest } from './protocol.ts';

// Taken before any Python runs, so code that replaces process.send cannot speak for us.
const send: (reply: SandboxReply) => void = process.send!.bind(process);

// Pyodide's Node file system reads the open() flags through process.binding('constants'),
// which the permission model denies; the same numbers are public in fs.constants.
const legacy = process as unknown as { binding: (name: string) => unknown };
const binding = legacy.binding.bind(process);
legacy.binding = (name) => (name === 'constants' ? { fs: constants } : binding(name));
closeNetwork();

const [snapshotFile] = process.argv.slice(2);
const snapshot = readSnapshot(snapshotFile);
const kernel = await PythonKernel.start({
  loadPyodide,
  sources: readPythonSources(),
  ...(snapshot === undefined
    ? { onSnapshot: (bytes: Uint8Array) => send({ kind: 'snapshot', bytes }) }
    : { snapshot }),
});

process.on('message', (request: SandboxRequest) => {
  if (request.reset) kernel.reset();
  request.cells.forEach((code, index) => {
    const result = kernel.runCell(code, { fresh: request.fresh });
    send({ kind: 'result', id: request.id, index, result });
  });
});
// The CLI went away: nothing is left to answer.
process.on('disconnect', () => process.exit());
send({ kind: 'ready' });
