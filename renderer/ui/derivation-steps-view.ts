// A derivative's steps as nested, collapsible lists: each step names its rule and shows, in
// KaTeX, what the rule rewrites the derivative to and what it comes to. Where the expression came
// from recorded code, `link` ties a step to graph nodes (hovering one highlights the other).
import type { DerivationStep } from '../../core/symbolic/derivation-steps.ts';
import { h } from './dom.ts';
import { mathElement } from './math.ts';

export interface StepLinks {
  /** Graph nodes a step stands for (the op and, for the chain rule, its inner function's op). */
  nodesOf(step: DerivationStep): readonly number[];
  highlight(ids: readonly number[], on: boolean): void;
}

function stepItem(step: DerivationStep, links: StepLinks | null): HTMLElement {
  const summary = h('summary', {}, step.ruleText);
  const body = h(
    'div',
    { class: 'derivation-step-body' },
    mathElement(step.rewriteLatex, true),
    step.steps.length > 0 ? h('ol', {}, ...step.steps.map((s) => stepItem(s, links))) : null,
    step.steps.length > 0 ? mathElement(`= ${step.resultLatex}`, true) : null,
    step.kink ? h('p', { class: 'note' }, step.kink) : null,
  );
  const item = h(
    'li',
    { class: `derivation-step ${step.rule}` },
    h('details', { open: true }, summary, body),
  );
  const ids = links?.nodesOf(step) ?? [];
  if (links && ids.length > 0) {
    item.dataset.nodes = ids.join(' ');
    const on = (event: Event) => {
      event.stopPropagation();
      item.classList.add('linked');
      links.highlight(ids, true);
    };
    const off = (event: Event) => {
      event.stopPropagation();
      item.classList.remove('linked');
      links.highlight(ids, false);
    };
    summary.addEventListener('mouseenter', on);
    summary.addEventListener('mouseleave', off);
    summary.addEventListener('focus', on);
    summary.addEventListener('blur', off);
  }
  return item;
}

/** "Steps" under a derivative: collapsed until asked for, so the answer stays in view. */
export function derivationStepsView(
  step: DerivationStep,
  label: string,
  links: StepLinks | null = null,
): HTMLElement {
  return h(
    'details',
    { class: 'derivation-steps' },
    h('summary', {}, `Steps: ${label}`),
    h('ol', {}, stepItem(step, links)),
  );
}
