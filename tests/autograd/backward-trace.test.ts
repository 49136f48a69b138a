// The backward trace: each node the engine ran, in the order it ran them, with the numbers it
// computed (what the step-through graph view shows).
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as A from '../../core/autograd/index.ts';
import { squareFunction } from './square-function.ts';

const scalar = (value: number): A.Tensor => A.tensor([value], [], { requiresGrad: true });

/** Runs backward from `root` with a recording and returns the graph and trace JSON. */
function traced(
  root: A.Tensor,
  gradient?: A.Tensor,
  options?: A.BackwardOptions,
): { graph: A.GraphSnapshot; trace: A.BackwardTrace } {
  const recording = new A.BackwardRecording();
  root.backward(gradient, { ...options, trace: recording });
  return A.exportGraphWithTrace(root, recording);
}

afterEach(() => vi.restoreAllMocks());

describe('backward trace', () => {
  it('lists the nodes in the order the engine ran them', () => {
    const ran: string[] = [];
    const apply = A.Node.prototype.apply;
    vi.spyOn(A.Node.prototype, 'apply').mockImplementation(function (this: A.Node, ...args) {
      ran.push(this.name);
      return apply.apply(this, args);
    });
    const x = A.tensor([0.5, -1, 2], [3], { requiresGrad: true });
    const w = A.tensor([1, 2, 3], [3], { requiresGrad: true });
    const y = A.sum(A.mul(A.tanh(A.mul(x, w)), A.exp(x)));
    const { graph, trace } = traced(y);
    const opSteps = trace.steps.filter((s) => s.gradFn !== 'AccumulateGrad');
    expect(opSteps.map((s) => s.gradFn)).toEqual(ran);
    // Every step names the graph node it ran at.
    for (const step of opSteps) expect(graph.nodes[step.id].gradFn).toBe(step.gradFn);
    // x's gradient is complete (both paths summed) before AccumulateGrad runs, after every op.
    const last = trace.steps.slice(-2).map((s) => s.gradFn);
    expect(last).toEqual(['AccumulateGrad', 'AccumulateGrad']);
  });

  it("shows the seed's SQ receiving grad_output 3 and returning a gradient that ignores it", () => {
    const x = scalar(2);
    const y = squareFunction(x, false);
    const { graph, trace } = traced(y, A.tensor([3], []));
    const [step, leaf] = trace.steps;
    expect(step.gradFn).toBe('SQBackward');
    expect(graph.nodes[step.id].custom?.name).toBe('SQ');
    expect(step.gradOutputs).toEqual([{ shape: [], values: [3] }]);
    expect(step.custom?.returned).toEqual([{ shape: [], values: [4] }]);
    expect(step.inputs).toEqual([
      { id: leaf.id, name: null, formula: null, grad: { shape: [], values: [4] } },
    ]);
    expect(leaf.accumulated).toEqual({ before: null, after: { shape: [], values: [4] } });
  });

  it('shows u.grad of uv + u² accumulating from two paths, then a second backward adding to it', () => {
    const u = scalar(1);
    const v = scalar(2);
    u.label = 'u';
    const f = A.add(A.mul(u, v), A.pow(u, 2));
    const { graph, trace } = traced(f, undefined, { retainGraph: true });
    const uId = graph.nodes.findIndex((n) => n.label === 'u');
    const intoU = trace.steps.flatMap((s) =>
      s.inputs.filter((i) => i.id === uId).map((i) => [s.gradFn, i.grad?.values[0], s.saved]),
    );
    expect(intoU).toEqual([
      ['PowBackward0', 2, { self: { shape: [], values: [1] }, exponent: 2 }],
      ['MulBackward0', 2, { other: { shape: [], values: [2] }, self: { shape: [], values: [1] } }],
    ]);
    const mul = trace.steps.find((s) => s.gradFn === 'MulBackward0');
    expect(mul?.inputs.map((i) => i.formula)).toEqual([
      '{{g}} \\cdot {{other}}',
      '{{g}} \\cdot {{self}}',
    ]);
    const accumulateU = trace.steps.find((s) => s.gradFn === 'AccumulateGrad' && s.id === uId);
    expect(accumulateU?.gradOutputs).toEqual([{ shape: [], values: [4] }]);
    expect(accumulateU?.accumulated).toEqual({ before: null, after: { shape: [], values: [4] } });

    const second = traced(f);
    const again = second.trace.steps.find((s) => s.gradFn === 'AccumulateGrad' && s.id === uId);
    expect(again?.accumulated).toEqual({
      before: { shape: [], values: [4] },
      after: { shape: [], values: [8] },
    });
  });

  it('records gradients of inputs that need none as skipped (null)', () => {
    const x = scalar(3);
    const c = A.tensor([5], []);
    const { trace } = traced(A.mul(x, c));
    const mul = trace.steps[0];
    expect(mul.inputs.map((i) => i.grad?.values ?? null)).toEqual([[5], null]);
    // Only what the needed gradient reads is shown (and saved).
    expect(Object.keys(mul.saved)).toEqual(['other']);
  });
});
