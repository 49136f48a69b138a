// Problems found in lesson files, each as `file:line:col: message`, so an instructor can jump
// to the place; the lessons without problems load as usual.
import type { LessonProblem } from '../../core/lessons/types.ts';
import { h } from './dom.ts';

export function errorsPanel(problems: LessonProblem[]): HTMLElement | null {
  if (problems.length === 0) return null;
  return h(
    'section',
    { class: 'errors-panel', 'aria-label': 'Lesson errors' },
    h('h2', {}, `Lesson errors (${problems.length})`),
    h(
      'ul',
      {},
      ...problems.map((p) =>
        h('li', {}, h('code', {}, `${p.file}:${p.line}:${p.column}: ${p.message}`)),
      ),
    ),
  );
}
