// Parts of the page whose code loads on first use (plots, maths, the symbolic engine, the
// grader), so the first lesson shows without waiting for them.
import { h } from './dom.ts';

/** A placeholder replaced by the element once its code has loaded. */
export function lazyElement(load: () => Promise<HTMLElement | HTMLElement[]>): HTMLElement {
  const slot = h('div', { class: 'lazy', 'aria-busy': 'true' });
  load()
    .then(
      (loaded) => slot.replaceChildren(...(Array.isArray(loaded) ? loaded : [loaded])),
      (error: unknown) =>
        slot.replaceChildren(
          h('p', { class: 'out-error' }, `This part could not be shown: ${String(error)}`),
        ),
    )
    .finally(() => slot.removeAttribute('aria-busy'));
  return slot;
}
