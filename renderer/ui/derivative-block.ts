// A lesson's derivative block: f, each derivative in KaTeX with its value at the point beside
// autograd's, and a plot of f and f′. Needs no Python, so it shows at once.
import type { DerivativeBlock } from '../../core/lessons/types.ts';
import { derive, type Derivation } from '../../core/symbolic/derive.ts';
import { autogradEvaluator, autogradGraph } from '../../core/symbolic/autograd.ts';
import { evaluate } from '../../core/symbolic/evaluate.ts';
import type { Expr } from '../../core/symbolic/expr.ts';
import { h, trustedHtml } from './dom.ts';
import { mathElement } from './math.ts';
import type { PlotRecord } from '../../core/python/cell-result.ts';
import { plotFigure } from './plot.ts';
import { derivativeRows } from './derivative-rows.ts';
import { derivationSteps } from '../../core/symbolic/derivation-steps.ts';
import { derivationStepsView } from './derivation-steps-view.ts';
import { graphView } from '../graph/graph-view.ts';
import { graphLinks } from '../graph/graph-links.ts';

const plotSamples = 401;

const pointText = (at: Record<string, number>) =>
  Object.entries(at)
    .map(([name, value]) => `${name} = ${value}`)
    .join(', ');

export function derivativeBlock(block: DerivativeBlock): HTMLElement {
  const outcome = derive(block.f, block.wrt, {
    ...(block.at ? { at: block.at } : {}),
    autograd: autogradEvaluator,
  });
  const panel = h('section', {
    class: 'panel derivative',
    'aria-label': `Derivative of ${block.f}`,
  });
  if (!outcome.ok) {
    panel.append(
      h('p', { class: 'invalid' }, `Cannot differentiate ${block.f}: ${outcome.message}`),
    );
    return panel;
  }
  const { derivation } = outcome;
  const recorded = block.graph && block.at ? autogradGraph(derivation.expr, block.at) : null;
  const view =
    recorded && block.at
      ? graphView(
          recorded.graph,
          recorded.trace,
          `Autograd graph of f at ${pointText(block.at)}`,
          () => [],
        )
      : null;
  panel.append(
    h('h3', {}, 'Derivative'),
    mathElement(`f = ${derivation.latex}`, true),
    derivativeRows(derivation, block.at),
    // Steps only for a derivative the guard let through (it checks against autograd).
    ...block.wrt
      .filter((variable) => derivation.derivatives[variable]?.derivative != null)
      .map((variable) =>
        derivationStepsView(
          derivationSteps(derivation.expr, variable),
          block.wrt.length > 1 ? `∂f/∂${variable}` : `df/d${variable}`,
          recorded && view ? graphLinks(recorded.graph, view.highlight) : null,
        ),
      ),
  );
  if (view) panel.append(view.element);
  if (block.plot) panel.append(plotOf(derivation, block.plot.variable, block.plot.range));
  if (block.captionHtml) panel.append(trustedHtml('div', block.captionHtml, 'lesson-html'));
  return panel;
}

function plotOf(
  derivation: Derivation,
  variable: string,
  [from, to]: [number, number],
): HTMLElement {
  const derivative = derivation.derivatives[variable]?.derivative ?? null;
  const xs = Array.from(
    { length: plotSamples },
    (_, i) => from + ((to - from) * i) / (plotSamples - 1),
  );
  const line = (expr: Expr, label: string) => ({
    kind: 'line' as const,
    x: xs,
    y: xs.map((x) => safeEvaluate(expr, { [variable]: x })),
    label,
  });
  const plot: PlotRecord = {
    lines: [line(derivation.expr, 'f'), ...(derivative ? [line(derivative, 'f′')] : [])],
    xlabel: variable,
    ylabel: null,
    title: null,
    legend: true,
  };
  return plotFigure(plot).figure;
}

/** NaN (a gap in the line) where the function is undefined. */
function safeEvaluate(expr: Expr, point: Record<string, number>): number {
  try {
    return evaluate(expr, point);
  } catch {
    return Number.NaN;
  }
}
