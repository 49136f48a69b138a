// Practice items of the grading fixtures, read with core/lessons as `gradlab grade` reads them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadLesson } from '../../core/lessons/load.ts';
import type { PracticeItem } from '../../core/lessons/types.ts';

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

export function practiceItems(name: string): Map<string, PracticeItem> {
  const file = fixturePath(name);
  const parsed = loadLesson(file, readFileSync(file, 'utf8'));
  if (!parsed.lesson || parsed.problems.length)
    throw new Error(
      `${name}: ${parsed.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('; ')}`,
    );
  const items = new Map<string, PracticeItem>();
  for (const step of parsed.lesson.steps)
    for (const block of step.blocks)
      if (block.kind === 'practice') items.set(block.item.id, block.item);
  return items;
}

/** The seed's custom Function SQ (x²) with the given backward return expression. */
export function squareFunction(backward: string): string {
  return [
    'class SQ(torch.autograd.Function):',
    '    @staticmethod',
    '    def forward(ctx, i):',
    '        ctx.save_for_backward(i)',
    '        return i ** 2',
    '    @staticmethod',
    '    def backward(ctx, grad_output):',
    '        i, = ctx.saved_tensors',
    `        return ${backward}`,
  ].join('\n');
}
