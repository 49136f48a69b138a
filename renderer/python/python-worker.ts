// One Python worker as the page sees it: start it, run cells on it, interrupt or end it.
import type { FromWorker, RunResult, ToWorker } from './protocol.ts';
import type { parseFromWorker } from './from-worker.ts';

/** Thrown to callers waiting on a worker that was terminated. */
export class WorkerEnded extends Error {}

interface PendingRequest {
  kind: 'run' | 'reset';
  resolve: (value: RunResult | null) => void;
  reject: (error: Error) => void;
}

/** SIGINT, as Pyodide's interrupt buffer expects it. */
const SIGINT = 2;

export class PythonWorker {
  readonly ready: Promise<number>;
  private readonly worker: Worker;
  private readonly interruptFlag: Int32Array | null;
  /** The requests this page issued and has no answer for yet, by id. */
  private readonly pending = new Map<number, PendingRequest>();
  private nextId = 1;
  private ended = false;
  private readonly endListeners: (() => void)[] = [];
  /** The message check (and zod) loads with the worker's first message, not with the page. */
  private check: Promise<{ parseFromWorker: typeof parseFromWorker }> | null = null;

  /** The worker's script loads at once; Python itself starts once `startAfter` settles. */
  constructor(indexURL: string, startAfter: Promise<unknown> = Promise.resolve()) {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    const shared = globalThis.crossOriginIsolated ? new SharedArrayBuffer(4) : null;
    this.interruptFlag = shared ? new Int32Array(shared) : null;
    this.ready = new Promise((resolve, reject) => {
      // Student code can post anything from the worker: only an answer of the right kind to a
      // request still waiting counts, and nothing once the worker has been ended.
      const handle = (message: FromWorker | null): void => {
        if (this.ended) return;
        if (message?.type === 'ready') resolve(message.startMs);
        else if (message?.type === 'failed') reject(new Error(message.message));
        else if (message?.type === 'result') this.settle('run', message.id, message.result);
        else if (message?.type === 'reset-done') this.settle('reset', message.id, null);
      };
      // Callbacks on one promise run in the order they were added: messages keep their order.
      this.worker.addEventListener('message', (event) => {
        void this.loadCheck().then(
          ({ parseFromWorker }) => handle(parseFromWorker(event.data)),
          () => reject(new Error('The page could not load its Python message check.')),
        );
      });
      // An error before 'ready' is a failed start; after it, the worker is gone (an uncaught
      // error, out of memory): its waiting callers are told, as for a terminated worker.
      this.worker.addEventListener('error', (event) => {
        reject(new Error(event.message || 'The Python worker could not start.'));
        this.terminate();
      });
    });
    const start = () => this.post({ type: 'start', indexURL, interruptBuffer: shared });
    void startAfter.then(start, start);
  }

  private loadCheck(): Promise<{ parseFromWorker: typeof parseFromWorker }> {
    return (this.check ??= import('./from-worker.ts'));
  }

  /** True when a running cell can be interrupted without ending the worker. */
  get interruptible(): boolean {
    return this.interruptFlag !== null;
  }

  run(code: string, fresh = false): Promise<RunResult> {
    const id = this.nextId++;
    this.post({ type: 'run', id, code, fresh });
    return this.wait('run', id) as Promise<RunResult>;
  }

  async reset(): Promise<void> {
    const id = this.nextId++;
    this.post({ type: 'reset', id });
    await this.wait('reset', id);
  }

  /** Raises KeyboardInterrupt in the running cell (and wakes a sleeping one). */
  interrupt(): void {
    if (!this.interruptFlag) return;
    Atomics.store(this.interruptFlag, 0, SIGINT);
    Atomics.notify(this.interruptFlag, 0);
  }

  terminate(): void {
    if (this.ended) return;
    this.ended = true;
    this.worker.terminate();
    for (const { reject } of this.pending.values()) reject(new WorkerEnded('Python was stopped.'));
    this.pending.clear();
    for (const listener of this.endListeners) listener();
  }

  /** Calls `listener` once the worker has ended, by terminate() or by an error of its own. */
  onEnd(listener: () => void): void {
    if (this.ended) listener();
    else this.endListeners.push(listener);
  }

  private wait(kind: PendingRequest['kind'], id: number): Promise<RunResult | null> {
    if (this.ended) return Promise.reject(new WorkerEnded('Python was stopped.'));
    return new Promise((resolve, reject) => this.pending.set(id, { kind, resolve, reject }));
  }

  private settle(kind: PendingRequest['kind'], id: number, value: RunResult | null): void {
    const request = this.pending.get(id);
    if (request?.kind !== kind) return;
    this.pending.delete(id);
    request.resolve(value);
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }
}
