// The grader's view of the sandbox: cells run in order in a namespace emptied first.
import type { IsolatedPython } from '../../core/grading/code-answer.ts';
import type { PythonSandbox } from './sandbox.ts';

export function isolatedPython(sandbox: PythonSandbox): IsolatedPython {
  return { run: (cells) => sandbox.runCells(cells, { fresh: false, reset: true }) };
}
