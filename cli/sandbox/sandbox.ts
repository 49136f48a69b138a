// Python for the CLI, in a separate Node process under Node's permission model: it may read
// only its own code, Pyodide's files and the snapshot, and may not write files, start
// processes, load addons, open workers or reach the network (child.ts closes the network).
// Cells and results travel as IPC messages; the process's stdout and exit status are ignored.
// Each cell has a wall-clock limit: a cell past it ends the process, and the next request
// starts a new one.
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

interface Pending {
  id: number;
  results: CellResult[];
  /** Called after each result arrives. */
  onResult: () => void;
  /** Ends the request, giving the running cell this error (time limit, process ended). */
  stop: (error: string) => void;
}

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
    const [result] = await this.runCells([code], { fresh: options.fresh === true, reset: false });
    return result;
  }

  /**
   * Runs cells in order in one message (a code answer and its checks), `reset` emptying the
   * namespace first. Once a cell is stopped, the cells after it are not run.
   */
  async runCells(
    cells: readonly string[],
    options: { fresh: boolean; reset: boolean },
  ): Promise<CellResult[]> {
    const child = await (this.#child ??= this.#start());
    const request: SandboxRequest = { id: ++this.#nextId, cells: [...cells], ...options };
    return new Promise((resolve) => {
      const results: CellResult[] = [];
      let timer: ReturnType<typeof setTimeout>;
      const finish = () => {
        clearTimeout(timer);
        this.#pending = undefined;
        idle(child);
        resolve(results);
      };
      const startTimer = () => {
        clearTimeout(timer);
        timer = setTimeout(
          () =>
            this.#pending?.stop(
              `${timeLimitMessage(this.cellSeconds)}; Python restarts for what follows, without earlier variables`,
            ),
          this.cellSeconds * 1000,
        );
      };
      this.#pending = {
        id: request.id,
        results,
        onResult: () => (results.length === cells.length ? finish() : startTimer()),
        stop: (error) => {
          this.#end(child);
          results.push(failedCell(error));
          while (results.length < cells.length)
            results.push(failedCell('not run: an earlier cell was stopped'));
          finish();
        },
      };
      busy(child);
      startTimer();
      child.send(request);
    });
  }

  /** Ends the process (the CLI calls this before it exits). */
  close(): void {
    const child = this.#child;
    this.#child = undefined;
    void child?.then((process) => process.kill('SIGKILL')).catch(() => undefined);
  }

  #end(child: ChildProcess): void {
    this.#child = undefined;
    child.kill('SIGKILL');
  }

  /** Why a process ended in the middle of a request. */
  #endedMessage(child: ChildProcess): string {
    const outOfMemory = /heap limit|out of memory/i.test(this.#stderr);
    return outOfMemory
      ? `MemoryError: the cell used more than the sandbox's ${PYTHON_LIMITS.javascriptHeapMiB} MiB of JavaScript memory; Python restarts for what follows`
      : `SystemExit: the cell ended Python's process (status ${child.exitCode ?? child.signalCode}); Python restarts for what follows`;
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
      const pending = this.#pending;
      if (reply.kind === 'snapshot') storeSnapshot(snapshot, reply.bytes);
      else if (reply.kind === 'result' && reply.id === pending?.id) {
        // Only the next result in order counts: the sandboxed code cannot fill in others.
        if (reply.index !== pending.results.length) return;
        pending.results.push(reply.result);
        pending.onResult();
      }
    });
    child.on('exit', () => {
      if (this.#child !== undefined && this.#pending !== undefined)
        this.#pending.stop(this.#endedMessage(child));
    });
    return new Promise((resolve, reject) => {
      const failed = (reason: string) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        this.#child = undefined;
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
