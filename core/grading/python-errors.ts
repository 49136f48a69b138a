// Python and PyTorch errors said for a beginner: what went wrong in autograd terms and what to
// change, then PyTorch's own first line. A syntax error shows its line with a caret under it.

/** One rule per error a beginner meets in an autograd lesson: the error's text → advice. */
const ADVICE: [RegExp, (...groups: string[]) => string][] = [
  [
    /does not require grad and does not have a grad_fn/,
    () =>
      'backward() found nothing to differentiate: create the input with requires_grad=True, as in torch.tensor(2.0, requires_grad=True), so autograd records what is computed from it.',
  ],
  [
    /backward through the graph a second time/,
    () =>
      'backward() was called twice on the same result: the first call frees the graph. Call backward() once, or compute the result again before the second call.',
  ],
  [
    /grad can be implicitly created only for scalar outputs/,
    () =>
      'backward() without an argument needs a single number: reduce the result first, as in y.sum().backward().',
  ],
  [
    /leaf Variable that requires grad is being used in an in-place operation/,
    () =>
      'A tensor with requires_grad=True cannot be changed in place (x += 1, x[0] = …): make a new tensor instead (x2 = x + 1), or change it inside "with torch.no_grad():".',
  ],
  [
    /Can't call numpy\(\) on Tensor that requires grad/,
    () => 'Take the tensor out of autograd first: use x.detach().numpy().',
  ],
  [
    /Only Tensors of floating point and complex dtype can require gradients/,
    () =>
      'Only decimal tensors can have gradients: write 2.0 rather than 2 in torch.tensor(2.0, requires_grad=True).',
  ],
  [
    /^NameError: name '(\w+)' is not defined/,
    (name) =>
      name === 'torch'
        ? 'torch is not imported yet: start with "import torch".'
        : `Python does not know '${name}' yet: define it (or import it) before the line that uses it.`,
  ],
];

/** The advice for an error, or undefined when it is not one of the usual ones. */
export function beginnerAdvice(error: string): string | undefined {
  for (const [pattern, advice] of ADVICE) {
    const match = pattern.exec(error);
    if (match) return advice(...match.slice(1));
  }
  return undefined;
}

/**
 * "line 2: expected ':'" with the offending line and a caret, from a syntax error's traceback
 * (`File "cell1.py", line 2` / the code / the caret / `SyntaxError: …`).
 */
export function syntaxErrorWhere(error: string, traceback: string | null | undefined): string {
  const message = error.replace(/^\w+Error:\s*/, '');
  const lines = (traceback ?? '').split('\n');
  const at = lines.findIndex((line) => /^\s*File ".*", line \d+/.test(line));
  if (at < 0) return message;
  const lineNumber = /line (\d+)/.exec(lines[at])![1];
  const code = lines[at + 1] ?? '';
  const caret = /^\s*\^+\s*$/.test(lines[at + 2] ?? '') ? lines[at + 2] : '';
  const indent = Math.min(code.search(/\S|$/), caret ? caret.search(/\S|$/) : Infinity);
  const shown = [code, caret].filter(Boolean).map((line) => line.slice(indent).trimEnd());
  return [`line ${lineNumber}: ${message}`, ...shown].join('\n');
}
