// What a cell printed, displayed, warned, raised and plotted, as a notebook shows it.
import type { CellResult } from '../../core/python/kernel.ts';
import { h } from './dom.ts';
import { lazyElement } from './lazy.ts';

export function cellOutput(result: CellResult): HTMLElement[] {
  const parts: HTMLElement[] = [];
  if (result.stdout) parts.push(h('pre', { class: 'out-stdout' }, result.stdout));
  for (const warning of result.warnings) {
    parts.push(h('pre', { class: 'out-warning', role: 'note' }, warning));
  }
  if (result.display !== null) parts.push(h('pre', { class: 'out-display' }, result.display));
  if (result.error !== null) {
    parts.push(h('pre', { class: 'out-error' }, result.traceback ?? result.error));
  }
  for (const plot of result.plots) {
    parts.push(lazyElement(async () => (await import('./plot.ts')).plotElement(plot)));
  }
  return parts;
}

/** Shown when a cell was stopped by ending its worker. */
export function cancelledNotice(): HTMLElement {
  return h('p', { class: 'out-notice' }, 'Stopped before it ran.');
}

export function restartNotice(runAllAbove: () => void): HTMLElement {
  return h(
    'div',
    { class: 'out-notice', role: 'alert' },
    'The cell was stopped by restarting Python, so every variable was reset. ',
    h('button', { type: 'button', onclick: runAllAbove }, 'Run all above'),
    ' runs the earlier cells again.',
  );
}
