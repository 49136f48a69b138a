// Bad input never crashes the lesson loader: mangled lessons and arbitrary text always give a
// result, and every problem points inside the file.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLesson } from '../../core/lessons/load.ts';
import { repoRoot } from '../support/shared.ts';
import {
  escapedDollarsLesson,
  MANY_KEYS_BLOCK_LINE,
  manyKeysLesson,
} from '../support/hostile-lessons.ts';

const course = ['01-derivatives.md', '03-custom-functions.md'].map((name) =>
  readFileSync(join(repoRoot, 'lessons', name), 'utf8'),
);

/** A lesson with a slice cut out and some text put in its place. */
const mangledLesson = fc
  .tuple(
    fc.constantFrom(...course),
    fc.nat(),
    fc.nat({ max: 400 }),
    fc.string({ unit: fc.constantFrom('-', ':', ' ', '\n', '`', '$', '{', '[', 'x', '"', '\t') }),
  )
  .map(([text, at, length, insert]) => {
    const start = at % text.length;
    return text.slice(0, start) + insert + text.slice(start + length);
  });

function expectProblemsInside(file: string, text: string): void {
  const { problems } = loadLesson(file, text);
  const lineCount = text.split('\n').length;
  for (const problem of problems) {
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(lineCount + 1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(problem.message.length).toBeGreaterThan(0);
  }
}

describe('loading bad input', () => {
  it('never throws on mangled lessons, and locates every problem inside the file', () => {
    fc.assert(
      fc.property(mangledLesson, (text) => expectProblemsInside('mangled.md', text)),
      { numRuns: 60 },
    );
  });

  it('never throws on arbitrary text as Markdown or as a notebook', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expectProblemsInside('any.md', `---\n${text}`);
        expectProblemsInside('any.txt', text);
        expectProblemsInside('any.ipynb', text);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on notebooks with odd cells and nbgrader metadata', () => {
    const cell = fc.record({
      cell_type: fc.constantFrom('code', 'markdown', 'raw', 42),
      source: fc.oneof(fc.string(), fc.array(fc.string()), fc.integer(), fc.constant(null)),
      metadata: fc.oneof(
        fc.constant({}),
        fc.record({
          nbgrader: fc.record({
            solution: fc.boolean(),
            grade: fc.boolean(),
            grade_id: fc.oneof(fc.string(), fc.integer()),
            points: fc.oneof(fc.integer(), fc.string()),
          }),
        }),
      ),
    });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 6 }), (cells) =>
        expectProblemsInside('odd.ipynb', JSON.stringify({ nbformat: 4, cells }, null, 1)),
      ),
      { numRuns: 100 },
    );
  });
});

describe('lessons that once froze the parser', () => {
  it('reads 100,000 escaped backslashes before an unclosed $ as text', () => {
    const { lesson, problems } = loadLesson('dollars.md', escapedDollarsLesson());
    expect(problems).toEqual([]);
    const [block] = lesson?.steps[0].blocks ?? [];
    expect(block?.kind === 'markdown' && block.html.split('\\$').length - 1).toBe(100_000);
  });

  it('refuses a 620 KB YAML block with a limit message at its first line', () => {
    const { problems } = loadLesson('keys.md', manyKeysLesson());
    expect(problems).toEqual([
      {
        file: 'keys.md',
        line: MANY_KEYS_BLOCK_LINE,
        column: 1,
        message:
          'practice: the block is 617,797 characters long; a YAML block may have at most 100,000',
      },
    ]);
  });
});
