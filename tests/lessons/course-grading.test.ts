// The built-in course as a student meets it: every Python cell runs without error, every
// practice solution earns full marks, and two typical wrong answers per item are marked wrong
// with a sentence that points at the mistake.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLesson } from '../../core/lessons/parse.ts';
import { notebookCells } from '../../core/lessons/notebook.ts';
import type { PracticeItem } from '../../core/lessons/types.ts';
import { gradeAnswer } from '../../core/grading/grade.ts';
import { autogradEvaluator } from '../../core/symbolic/autograd.ts';
import { PythonSandbox } from '../../cli/sandbox/sandbox.ts';
import { isolatedPython } from '../../cli/sandbox/isolated.ts';
import { repoRoot } from '../support/shared.ts';

const LESSONS = [
  'lessons/01-derivatives.md',
  'lessons/02-partial-derivatives.md',
  'lessons/03-custom-functions.md',
  'lessons/04-vectors-and-relu.md',
  'lessons/05-gradient-descent.md',
];

/** Two wrong answers per item, each with words its feedback must contain. */
const WRONG: Record<string, Array<[answer: string, feedback: RegExp]>> = {
  'square-at-three': [
    ['9', /value of the function/],
    ['-6', /sign/i],
  ],
  'leaf-or-not': [
    [
      'x = torch.tensor(2.0, requires_grad=True)\ny = x ** 2\nanswer = y.is_leaf',
      /create yourself/,
    ],
    ['x = torch.tensor(2.0, requires_grad=True)\ny = x ** 2\nanswer = ...', /create yourself/],
  ],
  'quadratic-derivative': [
    ['2x', /dropped the derivative of \$2x\$/],
    ['x^2 + 2x + 1', /f itself/],
  ],
  'cubic-code': [
    [
      'x = torch.tensor(1.0, requires_grad=True)\ny = x ** 3 + x\ny.backward()',
      /x\.grad is 4, which is not the value asked for/,
    ],
    ['x = torch.tensor(1.0, requires_grad=True)\nx.grad = torch.tensor(7.0)', /backward/],
  ],
  'cubic-number': [
    ['3', /value of the function/],
    ['6x^2 + 1', /number/],
  ],
  'cubic-expression': [
    ['6x^2', /differs from the right one by a constant/],
    ['2x^3 + x', /f itself/],
  ],
  'accumulated-gradient': [
    ['3', /adds to `x\.grad`/],
    ['27', /do not multiply/],
  ],
  'partial-u-elsewhere': [
    ['3', /partial with respect to \$u\$/],
    ['6', /value of the function/],
  ],
  'partial-u-expression': [
    ['u', /Differentiate with respect to \$u\$/],
    ['2u', /your answer is/],
  ],
  'partial-u-code': [
    [
      'u = torch.tensor(2.0, requires_grad=True)\nv = torch.tensor(1.0, requires_grad=True)\nf = u * v\nf.backward()',
      /u\.grad is 1, which is not the value asked for/,
    ],
    ['u = torch.tensor(2.0, requires_grad=True)\nu.grad = torch.tensor(5.0)', /backward/],
  ],
  'partial-v-number': [
    ['5', /partial with respect to \$v\$/],
    ['6', /value of \$f\(2, 1\)/],
  ],
  'three-variables-code': [
    [
      'u = torch.tensor(1.0, requires_grad=True)\nv = torch.tensor(2.0, requires_grad=True)\nw = torch.tensor(1.0, requires_grad=True)\ng = u ** 2 * v + v * w ** 2\ng.backward()',
      /w\.grad is 4, which is not the value asked for/,
    ],
    [
      'u = torch.tensor(1.0, requires_grad=True)\nv = torch.tensor(2.0, requires_grad=True)\nw = torch.tensor(1.0)\ng = u ** 2 * v + v * w ** 3\ng.backward()',
      /w\.grad/,
    ],
  ],
  'buggy-sq-gradient': [
    ['30', /ignores|does with `grad_output`/],
    ['45', /not right/i],
  ],
  'backward-rule': [
    ['3x^2', /multiply it by `grad_output`/],
    ['g', /passed `grad_output` through unchanged/],
  ],
  'cube-function': [
    [
      'class Cube(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, i):\n        ctx.save_for_backward(i)\n        return i ** 3\n\n    @staticmethod\n    def backward(ctx, grad_output):\n        i, = ctx.saved_tensors\n        return 3 * i ** 2',
      /grad_output/,
    ],
    [
      'class Cube(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, i):\n        ctx.save_for_backward(i)\n        return i ** 3\n\n    @staticmethod\n    def backward(ctx, grad_output):\n        i, = ctx.saved_tensors\n        return grad_output * i ** 2',
      /gives x\.grad = 12, which is not the right gradient/,
    ],
  ],
  'sum-trick-gradient': [
    ['20', /sign/i],
    ['100', /function's value/],
  ],
  'sum-trick-code': [
    [
      'x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)\nx.grad = torch.cos(x.detach())',
      /backward/,
    ],
    [
      'x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)\ntorch.cos(x).sum().backward()',
      /cos x/,
    ],
  ],
  'relu-at-zero': [
    ['1', /slope for \$x > 0\$/],
    ['0.5', /average of the two slopes/],
  ],
  'relu-plus-square': [
    ['-2', /slope is \$0\$, not \$1\$/],
    ['3', /sign/i],
  ],
  'loss-derivative-w': [
    ['2(w*x + b - y)', /inner derivative is \$x\$/],
    ['(w*x + b - y)^2', /f itself/],
  ],
  'loss-slope-number': [
    ['12', /sign/i],
    ['-6', /also multiplies by \$x = 2\$/],
  ],
  'fit-with-sgd': [
    [
      'w = torch.tensor(0.0, requires_grad=True)\nb = torch.tensor(0.0, requires_grad=True)\noptimizer = torch.optim.SGD([w, b], lr=0.1)\nfor step in range(100):\n    loss = ((w * X + b - Y) ** 2).mean()\n    optimizer.zero_grad()\n    loss.backward()',
      /have not moved: call `optimizer\.step\(\)`/,
    ],
    [
      'w = torch.tensor(0.0, requires_grad=True)\nb = torch.tensor(0.0, requires_grad=True)\noptimizer = torch.optim.SGD([w, b], lr=0.1)\nfor step in range(10):\n    loss = ((w * X + b - Y) ** 2).mean()\n    optimizer.zero_grad()\n    loss.backward()\n    optimizer.step()',
      /loss is still above/,
    ],
  ],
};

function practiceItems(file: string): PracticeItem[] {
  const { lesson } = parseLesson(file, readFileSync(join(repoRoot, file), 'utf8'));
  return (lesson?.steps ?? []).flatMap((step) =>
    step.blocks.flatMap((block) => (block.kind === 'practice' ? [block.item] : [])),
  );
}

const sandbox = new PythonSandbox();
afterAll(() => sandbox.close());
const grade = async (item: PracticeItem, answer: string) =>
  (
    await gradeAnswer(item, answer, {
      autograd: autogradEvaluator,
      python: isolatedPython(sandbox),
    })
  ).outcome;

describe.each(LESSONS)('%s', (file) => {
  it('runs every python cell without error', async () => {
    const cells = notebookCells(file, readFileSync(join(repoRoot, file), 'utf8'));
    const results = await sandbox.runCells(
      cells.map((cell) => cell.code),
      { fresh: false, reset: true },
    );
    cells.forEach((cell, index) => {
      const result = results[index];
      expect(result.error, `${file}:${cell.line}\n${result.traceback ?? ''}`).toBeNull();
    });
  });

  it.each(practiceItems(file).map((item) => [item.id, item] as const))(
    '%s: the solution earns full marks and two wrong answers are explained',
    async (id, item) => {
      const right = await grade(item, item.solution ?? '');
      expect([right.correct, right.score, right.feedback]).toEqual([true, 1, right.feedback]);
      const wrong = WRONG[id];
      expect(wrong, `wrong answers for ${id}`).toHaveLength(2);
      for (const [answer, feedback] of wrong) {
        const outcome = await grade(item, answer);
        expect(outcome.correct, answer).toBe(false);
        expect(outcome.feedback, answer).toMatch(feedback);
      }
    },
  );
});
