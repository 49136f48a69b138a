// An open lesson: its step view, its Python cells (numbered across steps, created on first use)
// and "Run all above". When a lesson file changes under an open page, the new page takes over the
// student's edits of the cells of each step that still exists (a step is known by its title).
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
  /** Called with the step shown, each time one is (0-based). */
  onStep?: (index: number) => void;
}

export interface LessonPage {
  view: LessonView;
  /** The student's code of each cell they changed, by the cell's place in its step. */
  edits(): Map<string, string>;
}

export function lessonPage(
  key: string,
  lesson: Lesson,
  services: LessonPageServices,
  keptEdits: ReadonlyMap<string, string> = new Map(),
): LessonPage {
  const codes: string[] = [];
  const places: string[] = [];
  for (const step of lesson.steps) {
    let inStep = 0;
    for (const block of step.blocks) {
      if (block.kind !== 'python') continue;
      places.push(`${step.title}\n${inStep++}`);
      codes.push(block.code);
    }
  }
  const cells: CodeCell[] = [];
  const cellAt = (index: number): CodeCell => {
    cells[index] ??= new CodeCell(keptEdits.get(places[index]!) ?? codes[index] ?? '', index + 1, {
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
  const view = new LessonView(
    lesson,
    record,
    services.progress,
    (step, index) => renderStep(step, firsts[index]!, renderers),
    services.onStep,
  );
  // Cells not opened since the last change keep the edits they were handed.
  const edits = () => {
    const kept = new Map(keptEdits);
    cells.forEach((cell, index) => {
      if (cell.code() === codes[index]) kept.delete(places[index]!);
      else kept.set(places[index]!, cell.code());
    });
    return kept;
  };
  return { view, edits };
}
