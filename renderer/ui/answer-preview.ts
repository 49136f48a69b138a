// STACK-style validation as the student types: how the answer was read (KaTeX and text), or
// one sentence saying what is wrong and where.
import { parseMath } from '../../core/symbolic/parse.ts';
import { h } from './dom.ts';
import { mathElement } from './math.ts';

export function answerPreview(input: string): HTMLElement {
  if (input.trim() === '') return h('span', { class: 'note' }, '');
  const parsed = parseMath(input);
  if (!parsed.ok) {
    return h('span', { class: 'invalid' }, `${parsed.message} (at column ${parsed.column}).`);
  }
  return h('span', {}, 'Read as ', mathElement(parsed.latex), h('code', {}, ` ${parsed.text}`));
}
