// Step-through backward: Step, Previous step, Run to end and Reset (keys →, ←, End, Home on the
// controls) walk the engine's recorded backward pass node by node, marking the node running,
// the edges its gradients leave by and the nodes already done, and showing the step's card.
import type { BackwardTrace, GraphNode } from '../../core/autograd/index.ts';
import { button, h } from '../ui/dom.ts';
import type { DrawnGraph } from './graph-svg.ts';
import { stepCard } from './step-card.ts';

export interface StepThrough {
  element: HTMLElement;
  /** Shows step `index` (-1: before the first). */
  go(index: number): void;
}

export function stepThrough(
  trace: BackwardTrace,
  nodes: ReadonlyMap<number, GraphNode>,
  drawn: DrawnGraph,
  table: HTMLElement,
  sources: () => readonly string[],
): StepThrough {
  const steps = trace.steps;
  let current = -1;
  const status = h('p', { class: 'step-status', role: 'status', 'aria-live': 'polite' });
  const card = h('div', { class: 'step-card-slot' });
  const back = button('Previous step', () => go(current - 1), { 'aria-keyshortcuts': 'ArrowLeft' });
  const step = button('Step', () => go(current + 1), { 'aria-keyshortcuts': 'ArrowRight' });
  const toEnd = button('Run to end', () => go(steps.length - 1), { 'aria-keyshortcuts': 'End' });
  const reset = button('Reset', () => go(-1), { 'aria-keyshortcuts': 'Home' });
  const controls = h(
    'div',
    {
      class: 'step-controls',
      role: 'toolbar',
      'aria-label': 'Step through backward (keys: ← → Home End)',
    },
    step,
    back,
    toEnd,
    reset,
  );
  controls.addEventListener('keydown', (event) => {
    const target = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      End: steps.length - 1,
      Home: -1,
    }[event.key];
    if (target === undefined) return;
    // The arrows belong to the stepper here, not to the lesson's own step navigation.
    event.preventDefault();
    event.stopPropagation();
    go(target);
  });
  const mark = (id: number, name: string, on: boolean) => {
    drawn.nodes.get(id)?.classList.toggle(name, on);
    if (name === 'current')
      table.querySelector(`tr[data-node="${id}"]`)?.classList.toggle(name, on);
  };
  function go(index: number): void {
    const started = performance.now();
    const next = Math.max(-1, Math.min(steps.length - 1, index));
    for (const path of drawn.edges) path.classList.remove('carrying');
    for (const [id] of drawn.nodes) {
      mark(id, 'current', false);
      mark(id, 'done', false);
    }
    current = next;
    steps.slice(0, Math.max(current, 0)).forEach((s) => mark(s.id, 'done', true));
    if (current < 0) {
      status.textContent = `Backward ran ${steps.length} nodes. Press Step to run the first.`;
      card.replaceChildren();
    } else {
      const now = steps[current];
      mark(now.id, 'current', true);
      for (const input of now.inputs)
        if (input.grad !== null && input.id !== null)
          for (const path of drawn.edges)
            if (path.dataset.from === String(input.id) && path.dataset.to === String(now.id))
              path.classList.add('carrying');
      status.textContent = `Step ${current + 1} of ${steps.length}: ${now.gradFn}`;
      card.replaceChildren(stepCard(trace, current, nodes, sources));
    }
    back.disabled = current < 0;
    reset.disabled = current < 0;
    step.disabled = current >= steps.length - 1;
    toEnd.disabled = current >= steps.length - 1;
    // npm run bench:ui reads how long one step took to show.
    performance.measure('gradlab:backward-step', { start: started });
  }
  go(-1);
  return {
    element: h(
      'div',
      { class: 'step-through' },
      h('h4', {}, 'Step through backward'),
      controls,
      status,
      card,
    ),
    go,
  };
}
