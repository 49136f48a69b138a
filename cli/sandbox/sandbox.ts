// Python for the CLI, in a separate Node process under Node's permission model: it may read
// only its own code, Pyodide's files and the snapshot, and may not write files, start
// processes, load addons, open workers or reach the network (child.ts closes the network).
// Cells and verdicts travel as IPC messages; the process's stdout and exit status are ignored.
// Each cell has a wall-clock limit: a cell past it ends the process, and the next cell starts a
// new one.
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CellResult } from '../../core/python/kernel.ts';
import { PYTHON_LIMITS, timeLimitMessage } from '../../core/python/limits.ts';
import { pyodideDirectory, snapshotPath, storeSnapshot } from '../python-node.ts';
import type { SandboxReply, SandboxRequest } from './protocol.ts';

const childScript = fileURLToPath(new URL('./child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Booting cold (no snapshot yet) takes seconds on a busy machine; this only catches a hang. */
const BOOT_LIMIT_MS = 120_000;
/** What the process wrote on stderr, kept only to tell a crash's cause (heap limit). */
const STDERR_KEPT = 4096;

export interface SandboxOptions {
  /** Wall-clock limit of one cell, in seconds. */
  cellSeconds?: number;
}

type Pending = { id: number; resolve: (reply: SandboxReply) => void };

/** One sandboxed Python process, started on first use and again after a cell was stopped. */
export class PythonSandbox {
  readonly cellSeconds: number;
  #child: Promise<ChildProcess> | undefined;
  #pending: Pending | undefined;
  #nextId = 0;
  #stderr = '';

  constructor(options: SandboxOptions = {}) {
    this.cellSeconds = options.cellSeconds ?? PYTHON_LIMITS.cellSeconds;
  }

  /** Runs one cell; a cell that fails, runs too long or ends the process is a result, never a throw. */
  async run(code: string, options: { fresh?: boolean } = {}): Promise<CellResult> {
    const id = ++this.#nextId;
    const reply = await this.#ask(
      { id, kind: 'run', code, fresh: options.fresh === true },
      this.cellSeconds * 1000,
    );
    if (reply.kind === 'result') return reply.result;
    return failedCell(reply.kind === 'ended' ? reply.message : 'the sandbox did not answer');
  }

  /** Empties the namespace (a stopped process is simply started again, empty). */
  async reset(): Promise<void> {
    if (this.#child === undefined) return;
    await this.#ask({ id: ++this.#nextId, kind: 'reset' }, this.cellSeconds * 1000);
  }

  /** Ends the process (the CLI calls this before it exits). */
  close(): void {
    const child = this.#child;
    this.#child = undefined;
    void child?.then((process) => process.kill('SIGKILL')).catch(() => undefined);
  }

  async #ask(
    request: SandboxRequest,
    limitMs: number,
  ): Promise<SandboxReply | { kind: 'ended'; message: string }> {
    const child = await (this.#child ??= this.#start());
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pending = undefined;
        this.#end(child);
        resolve({
          kind: 'ended',
          message: `${timeLimitMessage(this.cellSeconds)}; Python restarts for what follows, without earlier variables`,
        });
      }, limitMs);
      const finish = (reply: SandboxReply | { kind: 'ended'; message: string }) => {
        clearTimeout(timer);
        idle(child);
        this.#pending = undefined;
        resolve(reply);
      };
      this.#pending = { id: request.id, resolve: finish };
      busy(child);
      child.once('exit', () => this.#pending?.id === request.id && finish(this.#ended(child)));
      child.send(request);
    });
  }

  #ended(child: ChildProcess): { kind: 'ended'; message: string } {
    if (this.#child !== undefined) this.#end(child);
    const outOfMemory = /heap limit|out of memory/i.test(this.#stderr);
    return {
      kind: 'ended',
      message: outOfMemory
        ? `MemoryError: the cell used more than the sandbox's ${PYTHON_LIMITS.javascriptHeapMiB} MiB of JavaScript memory; Python restarts for what follows`
        : `SystemExit: the cell ended Python's process (status ${child.exitCode ?? child.signalCode}); Python restarts for what follows`,
    };
  }

  #end(child: ChildProcess): void {
    this.#child = undefined;
    child.kill('SIGKILL');
  }

  #start(): Promise<ChildProcess> {
    const snapshot = snapshotPath();
    this.#stderr = '';
    const child = fork(childScript, [snapshot], {
      execArgv: [
        '--permission',
        `--allow-fs-read=${join(repoRoot, 'core')}`,
        `--allow-fs-read=${dirname(childScript)}`,
        `--allow-fs-read=${join(repoRoot, 'cli/python-node.ts')}`,
        `--allow-fs-read=${join(repoRoot, 'package.json')}`,
        `--allow-fs-read=${pyodideDirectory()}`,
        `--allow-fs-read=${snapshot}`,
        `--max-old-space-size=${PYTHON_LIMITS.javascriptHeapMiB}`,
      ],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString('utf8')).slice(-STDERR_KEPT);
    });
    child.on('message', (reply: SandboxReply) => {
      if (reply.kind === 'snapshot') storeSnapshot(snapshot, reply.bytes);
      else if (reply.kind !== 'ready' && reply.id === this.#pending?.id)
        this.#pending.resolve(reply);
    });
    return new Promise((resolve, reject) => {
      const failed = (reason: string) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(`Python's sandbox could not start: ${reason}`));
      };
      const timer = setTimeout(
        () => failed(`no answer in ${BOOT_LIMIT_MS / 1000} s`),
        BOOT_LIMIT_MS,
      );
      const onExit = () => failed(lastLine(this.#stderr) || `it exited (status ${child.exitCode})`);
      child.once('exit', onExit);
      child.on('message', function ready(reply: SandboxReply) {
        if (reply.kind !== 'ready') return;
        clearTimeout(timer);
        child.off('exit', onExit);
        child.off('message', ready);
        idle(child);
        resolve(child);
      });
    });
  }
}

/** An idle sandbox does not keep the CLI running; a busy one does. */
function idle(child: ChildProcess): void {
  child.unref();
  child.channel?.unref();
}

function busy(child: ChildProcess): void {
  child.ref();
  child.channel?.ref();
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

function failedCell(error: string): CellResult {
  return { stdout: '', display: null, error, traceback: null, warnings: [], plots: [], graphs: [] };
}
