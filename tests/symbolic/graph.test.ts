// The symbolic form of graphs recorded by the Python runtime, beside autograd's grads.
import { beforeAll, describe, expect, it } from 'vitest';
import katex from 'katex';
import type { PythonKernel } from '../../core/python/kernel.ts';
import { startNodeKernel } from '../../cli/python-node.ts';
import type { GraphSymbolic, Snapshot } from '../../core/symbolic/graph.ts';
import { graphToSymbolic } from '../../core/symbolic/graph.ts';
import { squareFunction } from '../grading/support.ts';

let kernel: PythonKernel;
beforeAll(async () => {
  kernel = await startNodeKernel();
});

function symbolicOf(code: string, output?: string): Extract<GraphSymbolic, { ok: true }> {
  kernel.reset();
  const result = kernel.runCell(`import torch\n${code}`);
  if (result.error) throw new Error(result.error);
  expect(result.graphs).toHaveLength(1);
  const form = graphToSymbolic(result.graphs[0].graph as Snapshot, output ? { output } : {});
  if (!form.ok) throw new Error(form.reason);
  for (const tex of [form.equationLatex, ...form.leaves.map((l) => l.equationLatex)])
    expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
  return form;
}

describe('graphToSymbolic', () => {
  it('shows dy/dx = 2x + 2 = 6 beside x.grad for the seed example', () => {
    const form = symbolicOf(
      'x = torch.tensor(2.0, requires_grad = True)\ny = x ** 2 + 2 * x + 1\ny.backward()',
      'y',
    );
    expect(form.equationLatex).toBe('y = x^{2} + 2 x + 1');
    expect(form.leaves).toMatchObject([
      {
        name: 'x',
        equationLatex: '\\frac{dy}{dx} = 2 x + 2',
        derivativeValues: [6],
        grad: [6],
        agrees: true,
      },
    ]);
  });

  it('gives both partials of f = uv + u^2', () => {
    const form = symbolicOf(
      'u = torch.tensor(1.0, requires_grad=True)\nv = torch.tensor(2.0, requires_grad=True)\nf = u * v + u ** 2\nf.backward()',
      'f',
    );
    expect(form.leaves.map((l) => [l.equationLatex, l.derivativeValues, l.agrees])).toEqual([
      ['\\frac{\\partial f}{\\partial u} = v + 2 u', [4], true],
      ['\\frac{\\partial f}{\\partial v} = u', [1], true],
    ]);
  });

  it('reads the sum trick over linspace elementwise, relu included', () => {
    const square = symbolicOf(
      'x = torch.linspace(-10, 10, 10, requires_grad = True)\ny = torch.sum(x ** 2)\ny.backward()',
    );
    expect(square).toMatchObject({ reduction: 'sum', equationLatex: 'y = \\sum_{i} x_{i}^{2}' });
    expect(square.leaves[0]).toMatchObject({
      equationLatex: '\\frac{\\partial y}{\\partial x_{i}} = 2 x_{i}',
      agrees: true,
    });
    const relu = symbolicOf(
      'x = torch.linspace(-10, 10, 1000, requires_grad = True)\ny = torch.relu(x).sum()\ny.backward()',
    );
    expect(relu.leaves[0]).toMatchObject({ text: 'step(x)', agrees: true });
  });

  it("uses a custom Function's forward and says when its backward disagrees", () => {
    const form = symbolicOf(
      [
        squareFunction('2 * i'),
        'x = torch.tensor(2.0, requires_grad=True)',
        'y = 3 * SQ.apply(x)',
        'y.backward()',
      ].join('\n'),
    );
    expect(form.equationLatex).toBe('y = 3 x^{2}');
    expect(form.leaves[0]).toMatchObject({
      text: '6*x',
      derivativeValues: [12],
      grad: [4],
      agrees: false,
    });
    expect(form.notes[0]).toMatch(/SQ disagrees with autograd/);
  });

  it('says plainly when an op has no symbolic form', () => {
    kernel.reset();
    const result = kernel.runCell(
      'import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = x @ x\ny.backward()',
    );
    expect(graphToSymbolic(result.graphs[0].graph as Snapshot)).toEqual({
      ok: false,
      reason: "No symbolic form: the op 'dot' has no symbolic form here.",
    });
  });
});
