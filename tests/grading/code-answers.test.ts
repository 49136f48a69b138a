// Code answers run in the Python runtime: the seed's partial-derivative practice and the custom
// Function SQ, whose backward in the seed ignores grad_output.
import { beforeAll, describe, expect, it } from 'vitest';
import { gradeAnswer } from '../../core/grading/grade.ts';
import type { IsolatedPython } from '../../core/grading/code-answer.ts';
import { autogradEvaluator } from '../../core/symbolic/autograd.ts';
import { startNodeKernel } from '../../cli/python-node.ts';
import { practiceItems, squareFunction } from './support.ts';

const items = practiceItems('seed-code.md');
let python: IsolatedPython;

beforeAll(async () => {
  const kernel = await startNodeKernel();
  python = {
    async run(cells) {
      kernel.reset();
      return cells.map((code) => kernel.runCell(code));
    },
  };
});

async function grade(id: string, code: string) {
  return (await gradeAnswer(items.get(id)!, code, { python, autograd: autogradEvaluator })).outcome;
}

const lines = (...code: string[]) => code.join('\n');
const LEAVES = lines(
  'u = torch.tensor(2.0, requires_grad = True)',
  'v = torch.tensor(1.0, requires_grad = True)',
);

describe('the seed practice: ∂f/∂u of uv + (uv)^2 at (2, 1) in code', () => {
  it('gives the seed solution full marks', async () => {
    expect(await grade('partial-code', items.get('partial-code')!.solution!)).toMatchObject({
      correct: true,
      score: 1,
    });
  });

  it('refuses a gradient typed in instead of computed by backward()', async () => {
    expect(await grade('partial-code', lines(LEAVES, 'u.grad = torch.tensor(5.0)'))).toMatchObject({
      correct: false,
      mistake: 'no-backward',
    });
  });

  it('names the other partial when the code reads v.grad', async () => {
    const outcome = await grade(
      'partial-code',
      lines(LEAVES, 'f = u * v + (u * v) ** 2', 'f.backward()', 'u.grad = v.grad'),
    );
    expect(outcome).toMatchObject({ correct: false, mistake: 'wrong-variable' });
    expect(outcome.feedback).toBe(
      'u.grad is 10, which is not the value asked for. That is ∂f/∂v at the point; the question asks for ∂f/∂u.',
    );
  });

  it("says the instructor's sentence when their condition holds", async () => {
    expect(await grade('partial-code', lines(LEAVES, 'f = u * v + (u * v) ** 2'))).toMatchObject({
      correct: false,
      mistake: 'instructor-rule',
      feedback: 'u.grad is still None; call f.backward() before reading it.',
    });
  });

  it('treats a syntax error as unreadable (no attempt used) and reports a runtime error', async () => {
    expect(await grade('partial-code', 'u = torch.tensor(2.0')).toMatchObject({
      valid: false,
      correct: false,
    });
    const crash = await grade('partial-code', 'print(1/0)');
    expect(crash).toMatchObject({
      valid: true,
      correct: false,
      feedback: 'Your code raised ZeroDivisionError: division by zero.',
    });
  });
});

describe('code feedback a beginner can act on (∂f/∂u of uv + (uv)^2, no instructor rules)', () => {
  const bare = { ...items.get('partial-code')!, feedback: [] };
  const gradeBare = async (code: string) =>
    (await gradeAnswer(bare, code, { python, autograd: autogradEvaluator })).outcome;

  it.each([
    [
      'u = torch.tensor(2.0)\nv = torch.tensor(1.0)\nf = u * v\nf.backward()',
      /^backward\(\) found nothing to differentiate: create the input with requires_grad=True/,
    ],
    [
      lines(LEAVES, 'f = u * v + (u * v) ** 2', 'f.backward()', 'f.backward()'),
      /^backward\(\) was called twice on the same result/,
    ],
    [
      lines(LEAVES, 'f = u * v + (u * v) ** 2'),
      /^u\.grad is None: call backward\(\) on the result/,
    ],
    [
      lines(
        'u = torch.tensor(2.0, requires_grad=True) * 1',
        'v = torch.tensor(1.0, requires_grad=True)',
        'f = u * v + (u * v) ** 2',
        'f.backward()',
      ),
      /^u\.grad is None: \.grad is filled in only for the tensors you create with requires_grad=True/,
    ],
    [
      'u = torch.tensor([1.0, 2.0], requires_grad=True)\n(u * 2).backward()',
      /y\.sum\(\)\.backward\(\)/,
    ],
    ['x = torch.tensor(2, requires_grad=True)', /write 2\.0 rather than 2/],
    ['f = u * v', /Python does not know 'u' yet: define it/],
    ['u = torch.tensor(2.0, requires_grad=True)\nu += 1', /cannot be changed in place/],
  ])('explains %j', async (code, say) => {
    expect((await gradeBare(code)).feedback).toMatch(say);
  });

  it('shows a syntax error with its line and a caret under the place', async () => {
    const outcome = await gradeBare(lines(LEAVES, 'def f(u)', '    return u'));
    expect(outcome).toMatchObject({ valid: false });
    expect(outcome.feedback).toBe(
      "Python cannot read your code, at line 3: expected ':'\ndef f(u)\n        ^",
    );
  });

  it('says a wrong value is wrong without printing the right one, and keeps what was printed', async () => {
    const outcome = await gradeBare(
      lines(LEAVES, 'f = 2 * u * v + v', 'f.backward()', 'print("u.grad:", u.grad)'),
    );
    expect(outcome.feedback).toBe('u.grad is 2, which is not the value asked for.');
    expect(outcome.feedback).not.toContain('5');
    expect(outcome.output).toBe('u.grad: tensor(2.)\n');
    expect(outcome.key).toBe('5');
  });
});

describe('a custom Function graded by gradcheck and a composition', () => {
  const sq = squareFunction;

  it('accepts a backward that multiplies by grad_output', async () => {
    expect(await grade('square-function', sq('grad_output * 2 * i'))).toMatchObject({
      correct: true,
      score: 1,
    });
  });

  it("catches the seed's SQ, whose backward ignores grad_output: 3 * SQ.apply(x) gives 4, not 12", async () => {
    const outcome = await grade('square-function', sq('2 * i'));
    expect(outcome).toMatchObject({ correct: false, mistake: 'ignores-grad-output' });
    expect(outcome.feedback).toMatch(
      /^3 \* SQ\.apply\(x\) at x = 2 gives x\.grad = 4: your backward ignores grad_output/,
    );
  });

  it('reports a backward wrong in another way with the gradient it gives', async () => {
    const outcome = await grade('square-function', sq('grad_output * 3 * i'));
    expect(outcome.correct).toBe(false);
    expect(outcome.feedback).toMatch(/x\.grad = 18, which is not the right gradient/);
    expect(outcome.feedback).not.toContain('12');
  });
});
