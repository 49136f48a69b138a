// Notebook-style Markdown (the seed) and Jupyter notebooks load as lessons: python cells,
// steps from their headings, and practice items with their solutions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ipynbToLesson } from '../../core/lessons/import-ipynb.ts';
import { loadLesson } from '../../core/lessons/load.ts';
import { notebookCells } from '../../core/lessons/notebook.ts';
import type { CodeAnswer, Lesson, PracticeItem } from '../../core/lessons/types.ts';
import { readSharedJson } from '../support/shared.ts';
import { SEED_FILE, seedNotebook, seedText } from './seed-notebook.ts';

function practiceItems(lesson: Lesson | null): PracticeItem[] {
  return (lesson?.steps ?? []).flatMap((step) =>
    step.blocks.flatMap((block) => (block.kind === 'practice' ? [block.item] : [])),
  );
}

const SEED_SOLUTIONS = [
  'x = torch.tensor(1.0, requires_grad=True)\ny = 2 * x ** 3 + x\ny.backward()\nprint("The derivative result: ", x.grad)',
  'u = torch.tensor(2.0, requires_grad = True)\nv = torch.tensor(1.0, requires_grad = True)\nf = u * v + (u * v) ** 2\nf.backward()\nprint("The result is ", u.grad)',
];

describe('importing the seed lab', () => {
  const { lesson, problems } = loadLesson(SEED_FILE, seedText());

  it('loads without problems, titled by its <h1>', () => {
    expect(problems).toEqual([]);
    expect(lesson?.meta).toEqual({
      id: '000_56fb343e652139a9',
      title: 'Differentiation in PyTorch',
    });
  });

  it('makes a step of each <h2> heading', () => {
    expect(lesson?.steps.map((step) => step.title)).toEqual([
      'Differentiation in PyTorch',
      'Objective',
      'Table of Contents',
      'Preparation',
      'Derivatives',
      'Partial Derivatives',
      'About the Authors:',
      'Change Log',
    ]);
  });

  it('yields its two practice prompts as code items with their hidden solutions', () => {
    const items = practiceItems(lesson);
    expect(items.map((item) => item.id)).toEqual(['practice-1', 'practice-2']);
    expect(items.map((item) => item.solution)).toEqual(SEED_SOLUTIONS);
    expect(items[0].prompt).toBe('Determine the derivative of $ y = 2x^3+x $ at $x=1$');
    const answers = items.map((item) => item.answer as CodeAnswer);
    expect(answers[0].starter).toBe(
      '# Practice: Calculate the derivative of y = 2x^3 + x at x = 1\n\n# Type your code here',
    );
    expect(answers.map((answer) => answer.checks.map((check) => check.expr))).toEqual([
      ['x.grad'],
      ['u.grad', 'v.grad'],
    ]);
    expect(answers.every((answer) => answer.requireBackward)).toBe(true);
  });

  it('keeps every other python cell of the seed as a python block', () => {
    const cells = (lesson?.steps ?? []).flatMap((step) =>
      step.blocks.flatMap((block) => (block.kind === 'python' ? [block.code] : [])),
    );
    const golden = readSharedJson<{ cells: { kind: string; code: string }[] }>(
      'golden/seed-lab.json',
    ).cells;
    const starters = practiceItems(lesson).map((item) => (item.answer as CodeAnswer).starter);
    expect(cells).toEqual(
      golden
        .filter((cell) => cell.kind === 'code' && !starters.includes(cell.code))
        .map((cell) => cell.code),
    );
  });
});

describe('importing a notebook', () => {
  it('reads the seed built as a .ipynb into the golden cells, solutions included', () => {
    const golden = readSharedJson<{ cells: { kind: string; code: string }[] }>(
      'golden/seed-lab.json',
    ).cells;
    const cells = notebookCells('seed.ipynb', seedNotebook());
    expect(cells.map(({ kind, code }) => ({ kind, code }))).toEqual(
      golden.map(({ kind, code }) => ({ kind, code })),
    );
  });

  it('loads the seed notebook as the same lesson as the seed Markdown', () => {
    const fromNotebook = loadLesson('seed.ipynb', seedNotebook());
    expect(fromNotebook.problems).toEqual([]);
    expect(practiceItems(fromNotebook.lesson).map((item) => item.solution)).toEqual(SEED_SOLUTIONS);
  });

  describe("an IBM lab's hidden solution after 'Your answer is below:'", () => {
    // Three cells of a real lab (tests/fixtures/lessons/ibm-hidden-solution/SOURCES.md).
    const file = 'simple-linear-regression-practice.ipynb';
    const text = readFileSync(
      new URL(`../fixtures/lessons/ibm-hidden-solution/${file}`, import.meta.url),
      'utf8',
    );
    const solution =
      "plt.scatter(cdf.CYLINDERS, cdf.CO2EMISSIONS, color='blue')\n" +
      'plt.xlabel("Cylinders")\nplt.ylabel("Emission")\nplt.show()';

    it('runs the solution without the sentence that introduces it', () => {
      const cells = notebookCells(file, text);
      expect(cells.map(({ kind, code }) => ({ kind, code }))).toEqual([
        { kind: 'code', code: expect.stringContaining('# write your code here') },
        { kind: 'solution', code: solution },
      ]);
      // The solution's first line, as `gradlab run` reports where a cell comes from.
      expect(cells[1].line).toBe(3);
    });

    it('imports it as a practice item whose solution is that code', () => {
      // The lesson's code answer has nothing to check (a plot), so the converted text is compared.
      const { text: lessonText } = ipynbToLesson(file, text);
      const indented = solution.replaceAll(/^/gm, '  ');
      expect(lessonText).toContain(`solution: |-\n${indented}\n\`\`\``);
      expect(lessonText).not.toMatch(/answer is below/i);
    });

    it('runs nothing from a hidden answer that follows a question in prose', () => {
      const cells = JSON.parse(text) as { cells: { cell_type: string }[] };
      const withoutStudentCell = { ...cells, cells: [cells.cells[0], cells.cells[2]] };
      expect(notebookCells(file, JSON.stringify(withoutStudentCell))).toEqual([]);
    });
  });

  it('maps nbgrader solution and test cells to a practice item', () => {
    const nbgrader = (meta: Record<string, unknown>) => ({ nbgrader: meta });
    const notebook = {
      nbformat: 4,
      cells: [
        { cell_type: 'markdown', metadata: {}, source: ['# Squares\n', '\n', '## Practice'] },
        { cell_type: 'markdown', metadata: {}, source: ['Compute $\\frac{d}{dx}x^2$ at 3.'] },
        {
          cell_type: 'code',
          metadata: nbgrader({ solution: true, grade: false, grade_id: 'square-grad' }),
          source: [
            'import torch\n',
            'x = torch.tensor(3.0, requires_grad=True)\n',
            '### BEGIN SOLUTION\n',
            '(x ** 2).backward()\n',
            '### END SOLUTION',
          ],
        },
        {
          cell_type: 'code',
          metadata: nbgrader({ solution: false, grade: true, grade_id: 'square-test', points: 2 }),
          source: [
            'assert x.grad.item() == 6\n',
            '### BEGIN HIDDEN TESTS\n',
            'assert x.grad is not None\n',
            '### END HIDDEN TESTS',
          ],
        },
      ],
    };
    const { lesson, problems } = loadLesson('squares.ipynb', JSON.stringify(notebook, null, 1));
    expect(problems).toEqual([]);
    expect(lesson?.meta.title).toBe('Squares');
    const [item] = practiceItems(lesson);
    expect(item).toMatchObject({
      id: 'square-grad',
      prompt: 'Compute $\\frac{d}{dx}x^2$ at 3.',
      points: 2,
      solution: 'import torch\nx = torch.tensor(3.0, requires_grad=True)\n(x ** 2).backward()',
      answer: {
        type: 'code',
        starter: 'import torch\nx = torch.tensor(3.0, requires_grad=True)\n# YOUR CODE HERE',
        tests: 'assert x.grad.item() == 6\nassert x.grad is not None',
      },
    });
  });

  it('reports a problem in a notebook cell at its line in the .ipynb file', () => {
    const notebook = {
      nbformat: 4,
      cells: [
        { cell_type: 'markdown', metadata: {}, source: ['# Maths\n', 'Bad $\\fraac{1}{2}$ here.'] },
      ],
    };
    const text = JSON.stringify(notebook, null, 1);
    const line = text.split('\n').findIndex((l) => l.includes('fraac')) + 1;
    const { problems } = loadLesson('maths.ipynb', text);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [line, 'maths $\\fraac{1}{2}$ does not render: Undefined control sequence: \\fraac'],
    ]);
  });

  it('says in one sentence where a notebook is not JSON', () => {
    const { lesson, problems } = loadLesson('bad.ipynb', '{"cells": [\n  {}\n  {}\n]}');
    expect(lesson).toBeNull();
    expect(problems).toEqual([
      {
        file: 'bad.ipynb',
        line: 3,
        column: 3,
        message: expect.stringMatching(/^the file is not valid notebook JSON: .+/),
      },
    ]);
  });
});
