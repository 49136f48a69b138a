// The grader's view of the sandbox: cells run in order in a namespace emptied first.
import type { IsolatedPython } from '../../core/grading/code-answer.ts';
import type { PythonSandbox } from './sandbox.ts';

export function isolatedPython(sandbox: PythonSandbox): IsolatedPython {
  return {
    async run(cells) {
      await sandbox.reset();
      const results = [];
      for (const code of cells) results.push(await sandbox.run(code));
      return results;
    },
  };
}
