// What the graph view lays out for graphs the engine records: a box per leaf, op and constant,
// torch's grad_fn names, the output marked, and one edge per operand (dashed for constants).
import { describe, expect, it } from 'vitest';
import * as torch from '../../core/autograd/index.ts';
import { exportGraph } from '../../core/autograd/graph-export.ts';
import { layoutInput } from '../../renderer/graph/layout-input.ts';
import { backwardOrder, nodeName } from '../../renderer/graph/graph-table.ts';

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

  it("walks backward's order: the output first, each op before those it sends gradients to", () => {
    const snapshot = uvPlusUSquared();
    const order = backwardOrder(snapshot).map(nodeName);
    expect(order[0]).toBe('AddBackward0');
    expect(order.slice(-2).sort()).toEqual(['u', 'v']);
    expect(new Set(order.slice(1, 3))).toEqual(new Set(['MulBackward0', 'PowBackward0']));
  });
});
