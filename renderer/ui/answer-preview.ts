// STACK-style validation as the student types: "Read as" with how the answer was read (KaTeX,
// decimals as typed, and what was left out, such as `dy/dx =`), or one sentence saying what is
// wrong with a caret under the place in what they typed.
import { readTypedAnswer } from '../../core/grading/typed-answer.ts';
import { h } from './dom.ts';
import { mathElement } from './math.ts';

export function answerPreview(input: string): HTMLElement {
  if (input.trim() === '') return h('span', { class: 'note' }, '');
  const read = readTypedAnswer(input);
  if (!read.ok) {
    const caret = `${' '.repeat(Math.max(0, read.column - 1))}^`;
    return h(
      'div',
      { class: 'invalid' },
      h('span', {}, `${read.message}.`),
      h('pre', { class: 'caret', 'aria-hidden': 'true' }, `${input}\n${caret}`),
    );
  }
  return h(
    'span',
    { class: 'read-as' },
    h('span', { class: 'read-as-label' }, 'Read as: '),
    mathElement(read.shownLatex),
    read.note ? h('span', { class: 'note' }, ` (${read.note})`) : null,
  );
}
