// What the parser gives the runner and the grader: steps from `##` headings, blocks in order,
// and practice items with every default filled in.
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../core/lessons/parse.ts';
import type { LessonBlock } from '../../core/lessons/types.ts';

const LESSON = `---
id: demo
title: A demo
---

Opening words with a [reference link][ref].

## The \`grad\` attribute

\`\`\`py
x = 1
\`\`\`

Text between blocks, using [the same link][ref].

\`\`\`derivative
f: x^2
wrt: x
\`\`\`

## Practice with $x^2$

\`\`\`practice
id: q
prompt: What is $2 + 2$?
answer: {type: number, value: 4}
\`\`\`

\`\`\`practice
id: code
prompt: Fill x.grad.
answer:
  type: code
  checks: [{expr: x.grad, value: 2}]
\`\`\`

[ref]: https://pytorch.org/docs
`;

const kinds = (blocks: LessonBlock[]) => blocks.map((block) => block.kind);

describe('parseLesson', () => {
  const { lesson, problems } = parseLesson('demo.md', LESSON);

  it('makes a step of the opening text and of each ## heading', () => {
    expect(problems).toEqual([]);
    expect(lesson?.steps.map((step) => [step.title, step.line, kinds(step.blocks)])).toEqual([
      ['A demo', 6, ['markdown']],
      ['The `grad` attribute', 8, ['python', 'markdown', 'derivative']],
      ['Practice with $x^2$', 21, ['practice', 'practice']],
    ]);
  });

  it('renders heading titles as inline HTML with code and maths', () => {
    expect(lesson?.steps[1].titleHtml).toBe('The <code>grad</code> attribute');
    expect(lesson?.steps[2].titleHtml).toContain('<span class="katex">');
  });

  it('resolves reference links defined anywhere in the file', () => {
    const markdown = lesson?.steps[1].blocks[1];
    expect(markdown?.kind === 'markdown' && markdown.html).toContain(
      '<a href="https://pytorch.org/docs" rel="noopener noreferrer">the same link</a>',
    );
  });

  it('fills in the defaults of blocks and practice items', () => {
    const [step1, step2] = [lesson?.steps[1], lesson?.steps[2]];
    expect(step1?.blocks[0]).toEqual({ kind: 'python', line: 11, code: 'x = 1' });
    expect(step1?.blocks[2]).toMatchObject({
      kind: 'derivative',
      f: 'x^2',
      wrt: ['x'],
      plot: { variable: 'x', range: [-5, 5] },
    });
    const [number, code] = (step2?.blocks ?? []).map((block) =>
      block.kind === 'practice' ? block.item : null,
    );
    expect(number).toEqual({
      id: 'q',
      prompt: 'What is $2 + 2$?',
      points: 1,
      penalty: 0.1,
      answer: { type: 'number', value: 4, tolerance: { absolute: 1e-9, relative: 1e-6 } },
      hints: [],
      feedback: [],
      line: 23,
    });
    expect(code?.answer).toEqual({
      type: 'code',
      starter: '',
      setup: 'import torch',
      checks: [{ expr: 'x.grad', value: 2, tolerance: { absolute: 1e-9, relative: 1e-6 } }],
      requireBackward: false,
      compose: [],
    });
  });
});
