// The `checkPython` service over any Python runner (the Node kernel for `gradlab check`, the
// renderer's worker): Python's own compile() says whether code parses, and where not, without
// running it.
import type { LessonServices, TextProblem } from './services.ts';

/** Runs one piece of Python in a fresh namespace and returns what it printed. */
export type RunPython = (code: string) => Promise<{ stdout: string; error: string | null }>;

function compileProgram(code: string): string {
  // A JSON string is a valid Python string literal.
  return [
    'import json as _json',
    'try:',
    `    compile(${JSON.stringify(code)}, '<cell>', 'exec')`,
    "    print('null')",
    'except SyntaxError as _error:',
    "    print(_json.dumps({'line': _error.lineno or 1, 'column': _error.offset or 1,",
    "                       'message': type(_error).__name__ + ': ' + str(_error.msg)}))",
  ].join('\n');
}

export function pythonSyntaxService(run: RunPython): Required<Pick<LessonServices, 'checkPython'>> {
  return {
    async checkPython(code: string): Promise<TextProblem | null> {
      const result = await run(compileProgram(code));
      if (result.error !== null) throw new Error(`the Python syntax check failed: ${result.error}`);
      const printed = result.stdout.trim().split('\n').pop() ?? 'null';
      return JSON.parse(printed) as TextProblem | null;
    },
  };
}
