// `gradlab derive` and `gradlab grade` from the outside: their JSON, and one clear line with
// exit status 2 for bad input, never a stack trace.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../support/shared.ts';
import { fixturePath } from './support.ts';

function gradlab(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/gradlab.js', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function expectOneLineRefusal(run: ReturnType<typeof gradlab>, message: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^gradlab: [^\n]+\n$/);
  expect(run.stderr).toMatch(message);
}

const LESSON = fixturePath('seed-practice.md');

describe('gradlab derive', () => {
  it('prints JSON with the exact and the autograd value', () => {
    const run = gradlab('derive', '2x^3 + x', '--wrt', 'x', '--at', 'x=1', '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      expr: '2*x^3 + x',
      latex: '2 x^{3} + x',
      derivatives: {
        x: { expr: '6*x^2 + 1', latex: '6 x^{2} + 1', value: 7, autograd: 7, verified: true },
      },
    });
  });

  it('prints each partial as text and LaTeX', () => {
    const run = gradlab('derive', 'u*v + u^2', '--wrt', 'u,v', '--at', 'u=1,v=2');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('∂f/∂u = v + 2*u');
    expect(run.stdout).toContain('LaTeX: \\frac{\\partial f}{\\partial v} = u');
    expect(run.stdout).toContain('at u = 1, v = 2: 4, autograd (float32) 4');
  });

  it('prints the rule of each step with --steps, outermost first, indented by depth', () => {
    const run = gradlab('derive', 'sin(x^2) + relu(x)', '--wrt', 'x', '--steps');
    expect(run.status).toBe(0);
    const steps = run.stdout.split('steps:\n')[1].trimEnd().split('\n');
    expect(steps.map((line) => line.trim().split(':')[0])).toEqual([
      'Sum rule',
      'Chain rule with inner function u = x^2 and outer sin',
      'Power rule',
      'Relu rule',
    ]);
    expect(steps[1]).toMatch(/^ {8}Chain rule/);
    expect(steps[3]).toContain("PyTorch uses relu'(0) = 0");
    const json = JSON.parse(gradlab('derive', 'x^3', '--steps', '--json').stdout);
    expect(json.derivatives.x.steps).toEqual([
      expect.objectContaining({ depth: 0, rule: 'power', expr: 'x^3', result: '3*x^2' }),
    ]);
  });

  it.each([
    [
      ['2x+'],
      /cannot read '2x\+': A value is expected after '\+', but the input ends \(column 4\)/,
    ],
    [[], /EXPR is missing/],
    [['x^2', '--at', 'x=abc'], /--at: 'x=abc' is not of the form name=number/],
    [['x^2', '--at'], /--at needs a value/],
    [['x^2', '--wrt', '2x'], /'2x' is not a variable name/],
    [['x^2', '--frobnicate'], /unknown option '--frobnicate'/],
    [['x^2', '--at', 'y=1'], /No value given for x/],
    [['7'], /has no variable/],
  ])('refuses %j in one line', (args, message) => {
    expectOneLineRefusal(gradlab('derive', ...args), message);
  });
});

describe('gradlab grade', () => {
  it('prints the verdict as JSON and exits 0 for a right answer, 1 for a wrong one', () => {
    const right = gradlab('grade', LESSON, 'cubic-at-1', '--answer', '7', '--json');
    expect(right.status).toBe(0);
    expect(JSON.parse(right.stdout)).toEqual({
      correct: true,
      score: 1,
      feedback: 'Correct.',
      parsed: '7',
      parsedLatex: '7',
    });
    const wrong = gradlab('grade', LESSON, 'cubic-at-1', '--answer', '3');
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toMatch(
      /^read as: 3\nwrong \(score 0 of 1\): That is the value of the function/,
    );
  });

  it.each([
    [['missing.md', 'x', '--answer', '1'], /cannot read missing\.md: no such file/],
    [
      [LESSON, 'nope', '--answer', '1'],
      /has no practice item 'nope' \(its items: cubic-at-1, cubic-derivative, chain, partial-u, given-value\)/,
    ],
    [[LESSON, 'cubic-at-1'], /--answer or --answer-file is missing/],
    [
      [LESSON, 'cubic-at-1', '--answer-file', 'no-such-answer.txt'],
      /cannot read no-such-answer\.txt: no such file/,
    ],
    [[LESSON, 'cubic-at-1', '--answer', '1', '--answer', '2'], /give one answer only/],
    [[LESSON], /expected LESSON and PRACTICE_ID, got 1/],
    [['package.json', 'x', '--answer', '1'], /not a lesson/],
  ])('refuses %j in one line', (args, message) => {
    expectOneLineRefusal(gradlab('grade', ...args), message);
  });
});
