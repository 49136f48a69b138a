// The "Lessons" navigation: each lesson a link named by its title, with its progress.
import type { LessonProgress } from '../progress/progress.ts';
import { lessonAddress } from '../address.ts';
import { h } from './dom.ts';

export interface LessonEntry {
  key: string;
  /** The lesson's own id, which its address names. */
  id: string;
  title: string;
  stepCount: number;
  itemCount: number;
}

/** "3/5 steps · 1/2 practice", or an empty string for an untouched lesson. */
export function progressSummary(entry: LessonEntry, progress: LessonProgress | undefined): string {
  const steps = progress?.stepsSeen.filter((step) => step < entry.stepCount).length ?? 0;
  const solved = Object.values(progress?.items ?? {}).filter((item) => item.correct).length;
  const parts = [`${steps}/${entry.stepCount} steps`];
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
  nav.replaceChildren(h('h2', { class: 'nav-title' }, heading), h('ol', {}, ...items));
}
