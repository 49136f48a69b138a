// What the graph view lays out for graphs the engine records: a box per leaf, op and constant,
// torch's grad_fn names, the output marked, and one edge per operand (dashed for constants).
import { describe, expect, it } from 'vitest';
import * as torch from '../../core/autograd/index.ts';
import { exportGraph, exportGraphWithTrace } from '../../core/autograd/graph-export.ts';
import { layoutInput } from '../../renderer/graph/layout-input.ts';
import { tableRows } from '../../renderer/graph/graph-table.ts';
import { backwardSource } from '../../renderer/graph/backward-source.ts';

function leaf(value: number, name: string): torch.Tensor {
  const t = torch.tensor([value], [], { requiresGrad: true });
  t.label = name;
  return t;
}

function uvPlusUSquared() {
  const u = leaf(2, 'u');
  const v = leaf(3, 'v');
  const y = torch.add(torch.mul(u, v), torch.pow(u, 2));
  y.backward();
  return exportGraph(y);
}

describe('graph view layout input', () => {
  it('has one box per leaf, op and constant of uv + u², named as torch names them', () => {
    const input = layoutInput(uvPlusUSquared());
    const titles = input.boxes.map((b) => `${b.kind}:${b.title}`).sort();
    expect(titles).toEqual(
      [
        'constant:2.',
        'leaf:u',
        'leaf:v',
        'op:MulBackward0',
        'op:PowBackward0',
        'output:AddBackward0',
      ].sort(),
    );
    const u = input.boxes.find((b) => b.title === 'u')!;
    expect(u.lines.map((l) => l.text)).toEqual(['= 2.', 'scalar float32']);
    const output = input.boxes.find((b) => b.kind === 'output')!;
    expect(output.lines[0].text).toBe('= 10.');
  });

  it('draws an edge per operand, u feeding two ops; the constant exponent carries no gradient', () => {
    const snapshot = uvPlusUSquared();
    const input = layoutInput(snapshot);
    const title = new Map(input.boxes.map((b) => [b.id, b.title]));
    const edges = input.edges.map(
      (e) => `${title.get(e.from)}->${title.get(e.to)}${e.carriesGrad ? '' : ' (no grad)'}`,
    );
    expect(edges.sort()).toEqual(
      [
        'u->MulBackward0',
        'v->MulBackward0',
        'u->PowBackward0',
        '2.->PowBackward0 (no grad)',
        'MulBackward0->AddBackward0',
        'PowBackward0->AddBackward0',
      ].sort(),
    );
  });

  it('shows a tensor by its shape and first values, and sizes boxes to their text', () => {
    const x = torch.linspace(0, 1, 10, { requiresGrad: true });
    x.label = 'x';
    const y = torch.sum(torch.mul(x, x));
    const input = layoutInput(exportGraph(y));
    const box = input.boxes.find((b) => b.title === 'x')!;
    expect(box.lines.map((l) => l.text)).toEqual([
      '= [0., 0.1111, 0.2222, 0.3333, …]',
      'shape (10) float32',
    ]);
    const longest = Math.max(...[box.title, ...box.lines.map((l) => l.text)].map((t) => t.length));
    expect(box.width).toBeGreaterThan(longest * 6);
    expect(input.boxes.find((b) => b.kind === 'output')!.title).toBe('SumBackward0');
  });

  it("lists backward's steps in the engine's order, u's gradient summed from both paths", () => {
    const u = leaf(1, 'u');
    const v = leaf(2, 'v');
    const y = torch.add(torch.mul(u, v), torch.pow(u, 2));
    const recording = new torch.BackwardRecording();
    y.backward(undefined, { trace: recording });
    const { graph, trace } = exportGraphWithTrace(y, recording);
    const rows = tableRows(graph, trace).map((r) => r.cells);
    expect(rows.map((r) => r[1])).toEqual(
      trace.steps.map(
        (s) => s.gradFn + (s.gradFn === 'AccumulateGrad' ? ` (${graph.nodes[s.id].label})` : ''),
      ),
    );
    expect(rows[0].slice(1)).toEqual([
      'AddBackward0',
      'MulBackward0, PowBackward0',
      '3.',
      '1.',
      'MulBackward0: 1.; PowBackward0: 1.',
    ]);
    const accumulateU = rows.find((r) => r[1] === 'AccumulateGrad (u)')!;
    expect(accumulateU.slice(4)).toEqual(['4.', '.grad = 4.']);
    // u's AccumulateGrad runs once, after both ops that use u.
    const order = rows.map((r) => r[1]);
    expect(order.indexOf('AccumulateGrad (u)')).toBeGreaterThan(order.indexOf('MulBackward0'));
    expect(order.indexOf('AccumulateGrad (u)')).toBeGreaterThan(order.indexOf('PowBackward0'));
    expect(order.filter((name) => name === 'AccumulateGrad (u)')).toHaveLength(1);
  });
});

describe("a custom Function's backward source", () => {
  const seed = [
    'import torch',
    'class SQ(torch.autograd.Function):',
    '    @staticmethod',
    '    def forward(ctx, i):',
    '        ctx.save_for_backward(i)',
    '        return i ** 2',
    '',
    '    @staticmethod',
    '    def backward(ctx, grad_output):',
    '        i, = ctx.saved_tensors',
    '        # forgets grad_output',
    '        grad_output = 2 * i',
    '        return grad_output',
    '',
    'x = torch.tensor(2.0, requires_grad=True)',
  ].join('\n');

  it('finds the method by its class and sees that the seed overwrites grad_output unread', () => {
    const source = backwardSource('SQ', ['print(1)', seed])!;
    expect(source.code.split('\n')[0]).toBe('def backward(ctx, grad_output):');
    expect(source.code).not.toContain('x = torch.tensor');
    expect(source.gradName).toBe('grad_output');
    expect(source.usesGrad).toBe(false);
  });

  it('sees a backward that multiplies by its incoming gradient', () => {
    const fixed = seed
      .replace('grad_output = 2 * i', 'grad_input = grad_output * 2 * i')
      .replace('return grad_output', 'return grad_input');
    expect(backwardSource('SQ', [fixed])!.usesGrad).toBe(true);
    expect(backwardSource('Cube', [fixed])).toBeNull();
  });
});
