// Beside every run that called backward(): the output as an expression of the leaves, each
// leaf's derivative in KaTeX, its value, and autograd's .grad with a mark when they agree.
import type { LabelledGraph } from '../../core/python/kernel.ts';
import {
  graphToSymbolic,
  type GraphSymbolic,
  type LeafDerivative,
} from '../../core/symbolic/graph.ts';
import { h } from './dom.ts';
import { mathElement } from './math.ts';
import { formatNumber } from './derivative-rows.ts';
import { accumulatedCalls } from './accumulated-grad.ts';
import { derivationSteps } from '../../core/symbolic/derivation-steps.ts';
import { derivationStepsView, type StepLinks } from './derivation-steps-view.ts';

/** Vectors show their first few elements. */
const shownElements = 4;

function numbers(values: number[]): string {
  const shown = values.slice(0, shownElements).map(formatNumber).join(', ');
  if (values.length === 1) return shown;
  return `[${shown}${values.length > shownElements ? ', …' : ''}]`;
}

function comparisonMark(leaf: LeafDerivative): HTMLElement {
  if (leaf.agrees === null) {
    return h(
      'span',
      { class: 'note' },
      `${leaf.name}.grad is None, so there is nothing to compare.`,
    );
  }
  if (leaf.agrees)
    return h('span', { class: 'agree', 'aria-label': 'agrees with autograd' }, '✓ agree');
  const calls = accumulatedCalls(leaf);
  if (calls !== null) {
    return h(
      'span',
      { class: 'note accumulated' },
      `${leaf.name}.grad is ${calls} times this derivative: backward() adds to .grad, so it most ` +
        `likely holds the sum of ${calls} backward() calls since it was last zeroed.`,
    );
  }
  return h('span', { class: 'disagree', 'aria-label': 'differs from autograd' }, '✗ differ');
}

function leafRow(
  leaf: LeafDerivative,
  form: Extract<GraphSymbolic, { ok: true }>,
  links: StepLinks | null,
): HTMLElement {
  const mark = comparisonMark(leaf);
  return h(
    'li',
    {},
    mathElement(leaf.equationLatex),
    h('span', {}, ` at ${leaf.name} = ${numbers(leaf.values)}: ${numbers(leaf.derivativeValues)}`),
    leaf.grad ? h('span', {}, `; autograd ${leaf.name}.grad = ${numbers(leaf.grad)} `) : ' ',
    mark,
    derivationStepsView(
      derivationSteps(form.expr, leaf.name),
      `d${form.output}/d${leaf.name}${form.reduction ? ` (each element, before the ${form.reduction})` : ''}`,
      links,
    ),
  );
}

/** The symbolic panel of one backward(); `links` ties its derivation steps to a graph view. */
export function symbolicPanel(
  labelled: LabelledGraph,
  links: StepLinks | null = null,
): HTMLElement {
  const title = h('h3', {}, `Symbolic derivative of backward() on line ${labelled.line}`);
  const form = graphToSymbolic(labelled.graph);
  if (!form.ok) {
    return h(
      'section',
      { class: 'panel symbolic', 'aria-label': 'Symbolic derivative' },
      title,
      h('p', { class: 'note' }, `${form.reason} The autograd values above stand on their own.`),
    );
  }
  return h(
    'section',
    { class: 'panel symbolic', 'aria-label': 'Symbolic derivative' },
    title,
    mathElement(form.equationLatex, true),
    h('ul', { class: 'derivatives' }, ...form.leaves.map((leaf) => leafRow(leaf, form, links))),
  );
}
