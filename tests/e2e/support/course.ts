// The built-in course as the end-to-end tests see it: each lesson parsed by core/lessons (the
// same parser the app uses), its steps, Python cells and practice items.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLesson } from '../../../core/lessons/parse.ts';
import type { Lesson, PracticeBlock } from '../../../core/lessons/types.ts';
import { repoRoot } from '../../support/shared.ts';

export interface CourseLesson {
  file: string;
  lesson: Lesson;
}

export function builtinCourse(): CourseLesson[] {
  const folder = join(repoRoot, 'lessons');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .map((name) => {
      const { lesson, problems } = parseLesson(name, readFileSync(join(folder, name), 'utf8'));
      if (!lesson) throw new Error(`${name} does not load: ${problems[0]?.message}`);
      return { file: name, lesson };
    })
    .sort(
      (a, b) =>
        (a.lesson.meta.order ?? Infinity) - (b.lesson.meta.order ?? Infinity) ||
        a.lesson.meta.title.localeCompare(b.lesson.meta.title),
    );
}

export function practiceBlocks(lesson: Lesson): PracticeBlock[][] {
  return lesson.steps.map((step) =>
    step.blocks.filter((block): block is PracticeBlock => block.kind === 'practice'),
  );
}

/** A wrong answer of the item's own kind: off by one, or the starter code left as is. */
export function wrongAnswer(block: PracticeBlock): string {
  const { item } = block;
  if (item.answer.type === 'code') return item.answer.starter.trim() || 'pass';
  return `(${item.solution ?? '0'}) + 1`;
}
