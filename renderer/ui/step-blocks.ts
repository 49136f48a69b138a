// Turns a lesson step's blocks into elements: Markdown, Python cells, derivative panels and
// practice items. Cells are numbered across the whole lesson so "Run all above" can reach back.
import type { LessonBlock, LessonStep } from '../../core/lessons/types.ts';
import type { CodeCell } from './code-cell.ts';
import { h, trustedHtml } from './dom.ts';

export interface BlockRenderers {
  /** The lesson's n-th Python cell (0-based, across steps), created on first use. */
  cell: (index: number) => CodeCell;
  derivative: (block: Extract<LessonBlock, { kind: 'derivative' }>) => HTMLElement;
  practice: (block: Extract<LessonBlock, { kind: 'practice' }>) => HTMLElement;
}

/** Index of the first Python cell of each step, in lesson order. */
export function firstCellOfEachStep(steps: LessonStep[]): number[] {
  const firsts: number[] = [];
  let count = 0;
  for (const step of steps) {
    firsts.push(count);
    count += step.blocks.filter((block) => block.kind === 'python').length;
  }
  return firsts;
}

export function renderStep(
  step: LessonStep,
  firstCell: number,
  renderers: BlockRenderers,
): HTMLElement {
  let cellIndex = firstCell;
  const parts = step.blocks.map((block) => {
    switch (block.kind) {
      case 'markdown':
        return trustedHtml('div', block.html, 'lesson-html');
      case 'python':
        return renderers.cell(cellIndex++).element;
      case 'derivative':
        return renderers.derivative(block);
      case 'practice':
        return renderers.practice(block);
    }
  });
  return h('div', { class: 'step-blocks' }, ...parts);
}
