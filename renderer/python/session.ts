// The page's Python: one active worker running cells one at a time, and a spare kept warm so
// that stopping a runaway cell never means waiting seconds for a new interpreter.
import { PYTHON_LIMITS } from '../../core/python/limits.ts';
import type { RunResult } from './protocol.ts';
import { PythonWorker, WorkerEnded } from './python-worker.ts';

export type PythonState = 'starting' | 'ready' | 'running' | 'failed';

export type RunOutcome =
  | { kind: 'done'; result: RunResult }
  /** The worker was ended to stop the cell: every variable is gone. */
  | { kind: 'restarted' }
  /** Stopped while it waited for Python or for the cells before it: it never ran. */
  | { kind: 'cancelled' };

/** An interrupt lands in milliseconds; rarely the flag is consumed without raising, so it is
 *  sent again, and a cell still running after the grace period (C code) ends its worker. */
const interruptResendMs = 200;
const interruptGraceMs = 500;
/** Grading runs a student's code answer; one that runs longer than a cell may is ended. */
const isolatedBudgetMs = PYTHON_LIMITS.cellSeconds * 1000;

export class PythonSession {
  state: PythonState = 'starting';
  failure = '';
  private active: PythonWorker;
  private spare: PythonWorker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private isolatedQueue: Promise<unknown> = Promise.resolve();
  /** The spare while it grades an answer: not clean enough to take over until it is done. */
  private grading: PythonWorker | null = null;
  private running = false;
  /** Raised by every stop: runs asked for under an older number are cancelled if not begun. */
  private stops = 0;
  /** Cells started so far: tells a stop's timers whether the cell they were for still runs. */
  private cellsStarted = 0;
  private readonly listeners = new Set<(state: PythonState) => void>();
  private readonly indexURL: string;

  /** The first worker's Python starts once `startAfter` settles (spares start at once). */
  constructor(indexURL: string, startAfter?: Promise<unknown>) {
    this.indexURL = indexURL;
    this.active = this.startActive(new PythonWorker(indexURL, startAfter));
  }

  onState(listener: (state: PythonState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once Python can run a cell (rejects if it cannot start). */
  whenReady(): Promise<unknown> {
    return this.active.ready;
  }

  /** Runs cells in the order asked, each after the previous one finished. */
  run(code: string, fresh = false): Promise<RunOutcome> {
    const asked = this.stops;
    const outcome = this.queue.then(() => this.runNow(code, fresh, asked));
    this.queue = outcome.catch(() => undefined);
    return outcome;
  }

  /** Forgets every variable (the student's "Restart"). */
  reset(): Promise<void> {
    const done = this.queue.then(() => this.active.reset());
    this.queue = done.catch(() => undefined);
    return done;
  }

  /**
   * Runs cells in order in one new namespace on the spare worker, leaving the student's own
   * namespace untouched (grading code answers). Code that runs too long ends that worker.
   */
  runIsolated(cells: readonly string[]): Promise<RunResult[]> {
    const results = this.isolatedQueue.then(() => this.runIsolatedNow(cells));
    this.isolatedQueue = results.catch(() => undefined);
    return results;
  }

  private async runIsolatedNow(cells: readonly string[]): Promise<RunResult[]> {
    await this.active.ready;
    this.spare ??= warmSpare(this.indexURL);
    const worker = this.spare;
    this.grading = worker;
    await worker.ready;
    const timer = setTimeout(() => {
      if (this.spare === worker) this.spare = warmSpare(this.indexURL);
      worker.terminate();
    }, isolatedBudgetMs);
    try {
      await worker.reset();
      const results: RunResult[] = [];
      for (const code of cells) results.push(await worker.run(code));
      await worker.reset();
      return results;
    } catch (error) {
      if (error instanceof WorkerEnded) {
        throw new Error(
          `The code ran for more than ${isolatedBudgetMs / 1000} s and was stopped.`,
          {
            cause: error,
          },
        );
      }
      throw error;
    } finally {
      clearTimeout(timer);
      this.grading = null;
    }
  }

  /**
   * Stops the running cell (an interrupt if the page can send one, else a fresh worker) and
   * cancels the cells waiting behind it or waiting for Python to start.
   */
  stop(): void {
    this.stops++;
    if (!this.running) return;
    const worker = this.active;
    if (worker.interruptible) {
      worker.interrupt();
      // The same cell: the next one may have started on this worker by the time a timer fires.
      const cell = this.cellsStarted;
      const stillRunning = () =>
        this.running && this.active === worker && this.cellsStarted === cell;
      setTimeout(() => stillRunning() && worker.interrupt(), interruptResendMs);
      setTimeout(() => stillRunning() && this.replace(worker), interruptGraceMs);
    } else {
      this.replace(worker);
    }
  }

  private async runNow(code: string, fresh: boolean, asked: number): Promise<RunOutcome> {
    if (asked !== this.stops) return { kind: 'cancelled' };
    await this.active.ready;
    if (asked !== this.stops) return { kind: 'cancelled' };
    this.running = true;
    this.cellsStarted++;
    this.setState('running');
    try {
      return { kind: 'done', result: await this.active.run(code, fresh) };
    } catch (error) {
      if (error instanceof WorkerEnded) return { kind: 'restarted' };
      throw error;
    } finally {
      this.running = false;
      if (this.state === 'running') this.setState('ready');
    }
  }

  /** Ends a worker and carries on with the spare (or a new one). */
  private replace(worker: PythonWorker): void {
    const spareIsClean = this.spare !== null && this.spare !== this.grading;
    const next = spareIsClean ? this.spare! : new PythonWorker(this.indexURL);
    if (spareIsClean) this.spare = null;
    this.active = this.startActive(next);
    worker.terminate();
  }

  private startActive(worker: PythonWorker): PythonWorker {
    this.setState('starting');
    // A worker that dies after starting (not replaced by us) is replaced, so Python keeps
    // working; one that fails to start is reported below instead, never retried in a loop.
    void worker.ready.then(
      () => worker.onEnd(() => this.active === worker && this.replace(worker)),
      () => undefined,
    );
    worker.ready.then(
      () => {
        if (this.active !== worker) return;
        performance.mark('gradlab:python-ready');
        this.setState(this.running ? 'running' : 'ready');
        // The spare starts only now, so it never slows the first start down.
        this.spare ??= warmSpare(this.indexURL);
      },
      (error: unknown) => {
        if (this.active !== worker) return;
        this.failure = error instanceof Error ? error.message : String(error);
        this.setState('failed');
      },
    );
    return worker;
  }

  private setState(state: PythonState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

/** A worker started ahead of need; its failure surfaces only if it is ever made active. */
function warmSpare(indexURL: string): PythonWorker {
  const spare = new PythonWorker(indexURL);
  spare.ready.catch(() => undefined);
  return spare;
}
