// One row per derivative: the formula, its value at the point, autograd's value beside it, and
// a mark when the two agree (or a plain note saying why they cannot be compared).
import type { Derivation, DerivativeInfo } from '../../core/symbolic/derive.ts';
import { h } from './dom.ts';
import { mathElement } from './math.ts';

/** float32 autograd against an exact float64 value. */
const agreeRelative = 1e-5;
const agreeAbsolute = 1e-6;

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

function agrees(exact: number, autograd: number): boolean {
  if (Number.isNaN(exact) && Number.isNaN(autograd)) return true;
  const difference = Math.abs(exact - autograd);
  return difference <= agreeAbsolute || difference <= agreeRelative * Math.abs(exact);
}

/** Nothing to compare where no point was given: the formula alone is the answer. */
function comparison(info: DerivativeInfo, autograd: number | undefined): HTMLElement | null {
  if (info.value === undefined) return null;
  const symbolic = `= ${formatNumber(info.value)}`;
  if (autograd === undefined) {
    return h(
      'span',
      {},
      symbolic,
      ' ',
      h('span', { class: 'note' }, '(no autograd value to compare)'),
    );
  }
  const same = agrees(info.value, autograd);
  return h(
    'span',
    {},
    `${symbolic}; autograd: ${formatNumber(autograd)} `,
    same
      ? h('span', { class: 'agree', 'aria-label': 'agrees with autograd' }, '✓ agree')
      : h('span', { class: 'disagree', 'aria-label': 'differs from autograd' }, '✗ differ'),
  );
}

export function derivativeRows(
  derivation: Derivation,
  at: Record<string, number> | undefined,
): HTMLElement {
  const point = at
    ? Object.entries(at)
        .map(([name, value]) => `${name} = ${formatNumber(value)}`)
        .join(', ')
    : '';
  const rows = Object.values(derivation.derivatives).map((info) =>
    h(
      'li',
      {},
      info.equationLatex
        ? mathElement(info.equationLatex)
        : h('span', { class: 'note' }, info.note ?? ''),
      point ? h('span', {}, ` at ${point} `) : null,
      comparison(info, info.autograd),
      info.equationLatex && info.note ? h('p', { class: 'note' }, info.note) : null,
    ),
  );
  return h('ul', { class: 'derivatives' }, ...rows);
}
