// The built-in course and the authoring guide's examples are valid lessons.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLesson } from '../../core/lessons/parse.ts';
import { validateLesson } from '../../core/lessons/validate.ts';
import { symbolicServices } from '../../core/grading/symbolic-services.ts';
import type { Lesson } from '../../core/lessons/types.ts';
import { repoRoot } from '../support/shared.ts';

const COURSE = [
  'lessons/01-derivatives.md',
  'lessons/02-partial-derivatives.md',
  'lessons/03-custom-functions.md',
  'lessons/04-vectors-and-relu.md',
  'lessons/05-gradient-descent.md',
];

function load(file: string): Lesson {
  const { lesson, problems } = parseLesson(file, readFileSync(join(repoRoot, file), 'utf8'));
  expect(problems).toEqual([]);
  if (!lesson) throw new Error(`${file} did not load`);
  return lesson;
}

describe('the built-in course', () => {
  it('passes gradlab check', () => {
    const result = spawnSync(process.execPath, ['bin/gradlab.js', 'check', 'lessons'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it('has five lessons in order, each with more practice than the seed has in all (2)', () => {
    const lessons = COURSE.map(load);
    expect(lessons.map((lesson) => [lesson.meta.order, lesson.meta.title])).toEqual([
      [1, 'Derivatives'],
      [2, 'Partial derivatives'],
      [3, 'Custom autograd Functions'],
      [4, 'Vectors and ReLU'],
      [5, 'Gradient descent on a loss surface'],
    ]);
    for (const lesson of lessons) {
      const items = lesson.steps.flatMap((step) =>
        step.blocks.filter((b) => b.kind === 'practice'),
      );
      expect(items.length).toBeGreaterThan(2);
    }
  });

  it('gives every practice item a solution and at least one hint', () => {
    for (const lesson of COURSE.map(load))
      for (const block of lesson.steps.flatMap((step) => step.blocks))
        if (block.kind === 'practice') {
          expect(block.item.solution, block.item.id).toBeDefined();
          expect(block.item.hints.length, block.item.id).toBeGreaterThan(0);
        }
  });
});

describe('the authoring guide (lessons/README.md)', () => {
  const guide = readFileSync(join(repoRoot, 'lessons/README.md'), 'utf8');
  const examples = [...guide.matchAll(/^````markdown\n([\s\S]*?)^````$/gm)].map((m) => m[1]);

  it('shows a python cell, a derivative panel and every answer type', () => {
    const all = examples.join('\n');
    for (const needle of [
      '```python',
      '```derivative',
      'type: number',
      'type: expression',
      'type: code',
      'gradcheck:',
      'compose:',
      'feedback:',
    ])
      expect(all).toContain(needle);
  });

  it.each(examples.map((example, index) => [index + 1, example]))(
    'example %i is a valid lesson (fragments inside a minimal lesson)',
    async (_index, example) => {
      const text = example.startsWith('---')
        ? example
        : `---\nid: example\ntitle: Example\n---\n\n## Step\n\n${example}`;
      const parsed = parseLesson('README-example.md', text);
      const problems = [...parsed.problems, ...(await validateLesson(parsed, symbolicServices()))];
      expect(problems).toEqual([]);
    },
  );
});
