// Asks the student for the name and id their submissions carry (once; kept with the progress).
import { button, h } from './dom.ts';

export function askStudent(
  known: { name: string; id: string } | null,
): Promise<{ name: string; id: string } | null> {
  const name = h('input', { type: 'text', name: 'name', required: true, autocomplete: 'name' });
  const id = h('input', { type: 'text', name: 'student-id', required: true });
  name.value = known?.name ?? '';
  id.value = known?.id ?? '';
  const form = h(
    'form',
    { method: 'dialog' },
    h('h2', {}, 'Export submission'),
    h('p', {}, 'Your name and student id go into the file your instructor grades.'),
    h('label', {}, 'Name ', name),
    h('label', {}, 'Student id ', id),
    h(
      'p',
      { class: 'dialog-buttons' },
      h('button', { type: 'submit', class: 'primary' }, 'Export'),
      button('Cancel', () => dialog.close('cancel')),
    ),
  );
  const dialog = h('dialog', { class: 'student-dialog', 'aria-label': 'Export submission' }, form);
  document.body.append(dialog);
  return new Promise((resolve) => {
    form.addEventListener('submit', () => dialog.close('export'));
    dialog.addEventListener('close', () => {
      dialog.remove();
      const given = { name: name.value.trim(), id: id.value.trim() };
      resolve(dialog.returnValue === 'export' && given.name && given.id ? given : null);
    });
    dialog.showModal();
  });
}
