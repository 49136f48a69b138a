// The app bar's commands for students and instructors. On a narrow screen they fold into one
// "Menu" button (styles.css shows the button and hides the list below 700 px).
import { button, h } from './dom.ts';

export interface ToolbarActions {
  openFolder: () => void;
  resetProgress: () => void;
  exportGrades: () => void;
  exportSubmission: () => void;
}

export function renderToolbar(container: HTMLElement, actions: ToolbarActions): void {
  const commands = [
    button('Open lesson folder…', actions.openFolder),
    button('Export grades', actions.exportGrades),
    button('Export submission…', actions.exportSubmission),
    button('Reset progress', actions.resetProgress),
  ];
  container.replaceChildren(
    foldingMenu('Menu', 'toolbar-commands', h('div', { class: 'toolbar-commands' }, ...commands)),
  );
}

/**
 * A disclosure button and the element it shows and hides on narrow screens: a command in it
 * closes it again, as does Escape (focus returns to the button).
 */
export function foldingMenu(label: string, id: string, content: HTMLElement): DocumentFragment {
  content.id = id;
  const toggle = h(
    'button',
    { type: 'button', class: 'menu-toggle', 'aria-expanded': 'false', 'aria-controls': id },
    label,
  );
  const setOpen = (open: boolean) => {
    toggle.setAttribute('aria-expanded', String(open));
    content.classList.toggle('open', open);
  };
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  content.addEventListener('click', (event) => {
    if ((event.target as Element).closest('button, a')) setOpen(false);
  });
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !content.classList.contains('open')) return;
    setOpen(false);
    toggle.focus();
  };
  toggle.addEventListener('keydown', closeOnEscape);
  content.addEventListener('keydown', closeOnEscape);
  const fragment = document.createDocumentFragment();
  fragment.append(toggle, content);
  return fragment;
}
