// An open lesson: its step view, its Python cells (numbered across steps, created on first use),
// "Run all above", where each name is defined (for a student who jumped ahead) and the lesson's
// total of practice points. When a lesson file changes under an open page, the new page takes
// over the student's edits of the cells of each step that still exists (a step is known by its title).
import type { Lesson, PracticeBlock } from '../../core/lessons/types.ts';
import type { RunResult } from '../python/protocol.ts';
import type { PythonSession } from '../python/session.ts';
import type { LessonProgress, Progress } from '../progress/progress.ts';
import { CodeCell, type RanAbove } from './code-cell.ts';
import { definingCell } from './defined-earlier.ts';
import { LessonView } from './lesson-view.ts';
import { firstCellOfEachStep, renderStep, type BlockRenderers } from './step-blocks.ts';

export interface LessonPageServices {
  python: PythonSession;
  progress: Progress;
  /** Panels shown under a cell's output (the symbolic panel for runs that called backward). */
  /** `graph`: whether the cell shows the autograd graph (the lesson's ```python graph=off). */
  decorate: (
    result: RunResult,
    options: { graph: boolean; sources: () => readonly string[] },
  ) => HTMLElement[];
  derivative: BlockRenderers['derivative'];
  practice: (lessonKey: string) => BlockRenderers['practice'];
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
  const graphs: boolean[] = [];
  for (const step of lesson.steps) {
    let inStep = 0;
    for (const block of step.blocks) {
      if (block.kind !== 'python') continue;
      places.push(`${step.title}\n${inStep++}`);
      codes.push(block.code);
      graphs.push(block.graph !== false);
    }
  }
  const firsts = firstCellOfEachStep(lesson.steps);
  /** 1-based step of the cell at a 0-based index. */
  const stepOf = (index: number) => firsts.findLastIndex((first) => first <= index) + 1;
  const record = services.progress.lesson(key, lesson.meta.title, lesson.steps.length);
  const cells: CodeCell[] = [];
  const cellAt = (index: number): CodeCell => {
    cells[index] ??= new CodeCell(keptEdits.get(places[index]!) ?? codes[index] ?? '', index + 1, {
      python: services.python,
      runAllAbove: () => runAllAbove(index),
      definedEarlier: (name) => {
        const at = definingCell(codes, index, name);
        return at === undefined ? undefined : { cell: at + 1, step: stepOf(at) };
      },
      decorate: (result) =>
        services.decorate(result, {
          graph: graphs[index] ?? true,
          sources: () => codes.map((code, i) => cells[i]?.code() ?? code),
        }),
      ran: () => services.progress.markCellRun(record, index),
    });
    return cells[index];
  };
  const runAllAbove = async (index: number): Promise<RanAbove> => {
    const ran: RanAbove = { cells: index, firstStep: 1, lastStep: stepOf(index - 1) };
    for (let i = 0; i < index; i++) {
      if (await cellAt(i).run()) continue;
      ran.failedCell = i + 1;
      ran.lastStep = stepOf(i);
      ran.cells = i + 1;
      break;
    }
    return ran;
  };
  const renderers: BlockRenderers = {
    cell: cellAt,
    derivative: services.derivative,
    practice: services.practice(key),
  };
  const items = lesson.steps.flatMap((step) =>
    step.blocks.filter((block): block is PracticeBlock => block.kind === 'practice'),
  );
  const view = new LessonView(
    lesson,
    record,
    services.progress,
    (step, index) => renderStep(step, firsts[index]!, renderers),
    () => lessonTotal(items, record),
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

/** "Practice total: 3.60 of 6 points, 2 of 3 items solved", or '' for a lesson without practice. */
function lessonTotal(items: PracticeBlock[], record: LessonProgress): string {
  if (items.length === 0) return '';
  let earned = 0;
  let possible = 0;
  let solved = 0;
  for (const { item } of items) {
    const state = record.items[item.id];
    possible += item.points;
    earned += (state?.score ?? 0) * item.points;
    if (state?.correct) solved += 1;
  }
  return `Practice total: ${earned.toFixed(2)} of ${possible} points, ${solved} of ${items.length} items solved. Only practice items are graded.`;
}
