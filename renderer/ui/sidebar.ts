// The "Lessons" navigation: each lesson a link named by its title, with its progress.
import type { LessonProgress } from '../progress/progress.ts';
import { lessonAddress } from '../address.ts';
import { h } from './dom.ts';
import { foldingMenu } from './toolbar.ts';

export interface LessonEntry {
  key: string;
  /** The lesson's own id, which its address names. */
  id: string;
  title: string;
  stepCount: number;
  cellCount: number;
  itemCount: number;
}

/** "3/5 steps seen · 2/7 cells run · 1/2 practice": seeing a step is not running its cells. */
export function progressSummary(entry: LessonEntry, progress: LessonProgress | undefined): string {
  const steps = progress?.stepsSeen.filter((step) => step < entry.stepCount).length ?? 0;
  const cells = progress?.cellsRun.filter((cell) => cell < entry.cellCount).length ?? 0;
  const solved = Object.values(progress?.items ?? {}).filter((item) => item.correct).length;
  const parts = [`${steps}/${entry.stepCount} steps seen`];
  if (entry.cellCount > 0) parts.push(`${cells}/${entry.cellCount} cells run`);
  if (entry.itemCount > 0) parts.push(`${solved}/${entry.itemCount} practice`);
  return parts.join(' · ');
}

export function renderSidebar(
  nav: HTMLElement,
  heading: string,
  entries: LessonEntry[],
  currentKey: string | null,
  progressOf: (key: string) => LessonProgress | undefined,
): void {
  const items = entries.map((entry) => {
    const summary = progressSummary(entry, progressOf(entry.key));
    const steps = progressOf(entry.key)?.stepsSeen.length ?? 0;
    const done = Math.min(1, steps / Math.max(1, entry.stepCount));
    const link = h(
      'a',
      {
        href: lessonAddress(entry.id),
        'aria-current': entry.key === currentKey ? 'page' : undefined,
      },
      entry.title,
    );
    return h(
      'li',
      {},
      link,
      h(
        'div',
        { class: 'lesson-progress' },
        h('progress', { max: 1, value: done, 'aria-hidden': 'true' }),
        h('span', {}, summary),
      ),
    );
  });
  // On a narrow screen the list folds behind a "Lessons" button, so a step starts near the top.
  const wasOpen = nav.querySelector('.lesson-list.open') !== null;
  nav.replaceChildren(
    h('h2', { class: 'nav-title' }, heading),
    foldingMenu('Lessons', 'lesson-list', h('ol', { class: 'lesson-list' }, ...items)),
  );
  if (wasOpen) nav.querySelector('.menu-toggle')!.dispatchEvent(new MouseEvent('click'));
}
