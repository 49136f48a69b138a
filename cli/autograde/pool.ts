// A pool of sandboxed Python processes, each booted once from the snapshot and lent to one code
// answer at a time (its namespace is emptied between answers).
import type { IsolatedPython } from '../../core/grading/code-answer.ts';
import { isolatedPython } from '../sandbox/isolated.ts';
import { PythonSandbox, type SandboxOptions } from '../sandbox/sandbox.ts';

export class SandboxPool {
  readonly #idle: PythonSandbox[] = [];
  readonly #all: PythonSandbox[] = [];
  readonly #waiting: ((sandbox: PythonSandbox) => void)[] = [];

  constructor(size: number, options: SandboxOptions) {
    for (let i = 0; i < size; i++) {
      const sandbox = new PythonSandbox(options);
      this.#all.push(sandbox);
      this.#idle.push(sandbox);
    }
  }

  /** Python for one answer: cells run on a sandbox of the pool, which is returned afterwards. */
  readonly python: IsolatedPython = {
    run: async (cells) => {
      const sandbox = await this.#acquire();
      try {
        return await isolatedPython(sandbox).run(cells);
      } finally {
        this.#release(sandbox);
      }
    },
  };

  close(): void {
    for (const sandbox of this.#all) sandbox.close();
  }

  #acquire(): Promise<PythonSandbox> {
    const sandbox = this.#idle.pop();
    if (sandbox) return Promise.resolve(sandbox);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(sandbox: PythonSandbox): void {
    const next = this.#waiting.shift();
    if (next) next(sandbox);
    else this.#idle.push(sandbox);
  }
}
