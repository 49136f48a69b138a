// What one step of backward shows: the gradient arriving at the node, its local derivative for
// each input with the saved values put in (KaTeX), the gradient it sends on, AccumulateGrad
// adding into `.grad`, or a custom Function's own backward with what it got and returned.
// Every number is the engine's, recorded during the real backward (core/autograd backward-trace).
import type {
  BackwardStep,
  BackwardTrace,
  GraphNode,
  JsonNumber,
  TensorValue,
} from '../../core/autograd/index.ts';
// Straight from the declarations' module: the index would bring the whole engine into the page.
import { fillFormula, INCOMING_GRADIENT } from '../../core/autograd/derivative.ts';
import { h } from '../ui/dom.ts';
import { mathElement } from '../ui/math.ts';
import { formatValues } from './layout-input.ts';
import { nodeName } from './graph-table.ts';
import { tensorText } from './tensor-text.ts';
import { backwardSource } from './backward-source.ts';

function savedText(value: TensorValue | JsonNumber): string {
  return typeof value === 'object' ? tensorText(value) : formatValues([value], 1, []);
}

/** `\text{2.}` so KaTeX sets a tensor's text as it reads in the table. */
const tex = (text: string) => `\\text{${text.replace(/[\\{}]/g, '')}}`;

function inputRows(
  step: BackwardStep,
  nodes: ReadonlyMap<number, GraphNode>,
  arriving: string,
): HTMLElement[] {
  return step.inputs.map((input) => {
    const target = input.id === null ? 'an input' : nodeName(nodes.get(input.id)!);
    const sent = input.grad === null ? null : tensorText(input.grad);
    if (sent === null) return h('li', {}, `to ${target}: nothing (it needs no gradient)`);
    if (input.formula === null) return h('li', {}, `to ${target}: ${sent}`);
    const symbols = fillFormula(input.formula, (name) =>
      name === INCOMING_GRADIENT ? 'g' : `\\mathit{${name}}`,
    );
    const values = fillFormula(input.formula, (name) =>
      name === INCOMING_GRADIENT
        ? tex(arriving)
        : step.saved[name] === undefined
          ? `\\mathit{${name}}`
          : tex(savedText(step.saved[name])),
    );
    return h(
      'li',
      { 'data-input': input.id ?? '' },
      `to ${target} (${input.name ?? 'input'}): `,
      mathElement(`${symbols} = ${values} = ${tex(sent)}`),
    );
  });
}

/** "2. from MulBackward0 + 2. from PowBackward0": what earlier steps sent to this node. */
function contributions(
  trace: BackwardTrace,
  index: number,
  nodes: ReadonlyMap<number, GraphNode>,
): string {
  const id = trace.steps[index].id;
  const parts = trace.steps
    .slice(0, index)
    .flatMap((earlier) =>
      earlier.inputs
        .filter((input) => input.id === id && input.grad !== null)
        .map((input) => `${tensorText(input.grad)} from ${nodeName(nodes.get(earlier.id)!)}`),
    );
  return parts.length > 1 ? ` (${parts.join(' + ')}, summed before this node runs)` : '';
}

export function stepCard(
  trace: BackwardTrace,
  index: number,
  nodes: ReadonlyMap<number, GraphNode>,
  sources: () => readonly string[],
): HTMLElement {
  const step = trace.steps[index];
  const node = nodes.get(step.id)!;
  const arriving = step.gradOutputs.map(tensorText).join(', ');
  const card = h(
    'div',
    { class: 'step-card', 'data-grad-fn': step.gradFn },
    h(
      'h4',
      {},
      `Step ${index + 1} of ${trace.steps.length}: ${step.gradFn}${node.kind === 'leaf' ? ` of ${nodeName(node)}` : ''}`,
    ),
    h(
      'p',
      { class: 'grad-output' },
      `grad_output arriving: ${arriving}${contributions(trace, index, nodes)}`,
    ),
  );
  if (step.accumulated) {
    const { before, after } = step.accumulated;
    const name = nodeName(node);
    card.append(
      h(
        'p',
        { class: 'accumulated' },
        before === null
          ? `${name}.grad was None: now ${name}.grad = ${tensorText(after)}`
          : `${name}.grad was ${tensorText(before)}; backward() adds to it: ${name}.grad = ${tensorText(before)} + ${arriving} = ${tensorText(after)}`,
      ),
    );
    return card;
  }
  if (step.custom) {
    const className = String(node.attrs.function ?? node.custom?.name ?? '');
    const source = backwardSource(className, sources());
    const returned = step.custom.returned.map(tensorText).join(', ');
    card.append(
      source
        ? h('pre', { class: 'backward-source', 'aria-label': `${className}.backward` }, source.code)
        : h('p', { class: 'note' }, `The source of ${className}.backward is not in this lesson.`),
      h(
        'p',
        { class: 'custom-returned' },
        `${className}.backward(ctx, ${source?.gradName ?? 'grad_output'} = ${arriving}) returned ${returned}`,
      ),
    );
    if (source && !source.usesGrad)
      card.append(
        h(
          'p',
          { class: 'dropped', role: 'note' },
          `It never reads ${source.gradName ?? 'grad_output'}: the ${arriving} arriving here is dropped, so the gradient of everything after this op is lost.`,
        ),
      );
    return card;
  }
  card.append(
    h('p', {}, 'Sends on, by its local derivative:'),
    h('ul', { class: 'sent' }, ...inputRows(step, nodes, arriving)),
  );
  return card;
}
