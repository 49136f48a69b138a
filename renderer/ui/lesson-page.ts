// An open lesson: its step view, its Python cells (numbered across steps, created on first use)
// and "Run all above".
import type { Lesson } from '../../core/lessons/types.ts';
import type { RunResult } from '../python/protocol.ts';
import type { PythonSession } from '../python/session.ts';
import type { LessonProgress, Progress } from '../progress/progress.ts';
import { CodeCell } from './code-cell.ts';
import { LessonView } from './lesson-view.ts';
import { firstCellOfEachStep, renderStep, type BlockRenderers } from './step-blocks.ts';

export interface LessonPageServices {
  python: PythonSession;
  progress: Progress;
  /** Panels shown under a cell's output (the symbolic panel for runs that called backward). */
  decorate: (result: RunResult) => HTMLElement[];
  derivative: BlockRenderers['derivative'];
  practice: (lessonKey: string, record: LessonProgress) => BlockRenderers['practice'];
}

export function lessonPage(key: string, lesson: Lesson, services: LessonPageServices): LessonView {
  const codes = lesson.steps.flatMap((step) =>
    step.blocks.flatMap((block) => (block.kind === 'python' ? [block.code] : [])),
  );
  const cells: CodeCell[] = [];
  const cellAt = (index: number): CodeCell => {
    cells[index] ??= new CodeCell(codes[index] ?? '', index + 1, {
      python: services.python,
      runAllAbove: () => runAllAbove(index),
      decorate: services.decorate,
    });
    return cells[index];
  };
  const runAllAbove = async (index: number): Promise<void> => {
    for (let i = 0; i < index; i++) if (!(await cellAt(i).run())) return;
  };
  const record = services.progress.lesson(key, lesson.meta.title, lesson.steps.length);
  const firsts = firstCellOfEachStep(lesson.steps);
  const renderers: BlockRenderers = {
    cell: cellAt,
    derivative: services.derivative,
    practice: services.practice(key, record),
  };
  return new LessonView(lesson, record, services.progress, (step, index) =>
    renderStep(step, firsts[index]!, renderers),
  );
}
