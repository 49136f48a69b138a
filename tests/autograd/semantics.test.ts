// PyTorch semantics the golden programs do not print directly: linspace's exact float32 values,
// type promotion, in-place rules, custom Function plumbing and the graph export.
import { describe, expect, it } from 'vitest';
import * as A from '../../core/autograd/index.ts';
import { readSharedJson } from '../support/shared.ts';

interface SeedCell {
  plots?: { lines: { x: number[] }[] }[];
}

const seedCells = readSharedJson<{ cells: SeedCell[] }>('golden/seed-lab.json').cells;
const plottedX = (cell: number): number[] => seedCells[cell].plots?.[0].lines[0].x ?? [];

function errorOf(body: () => unknown): string {
  try {
    body();
  } catch (e) {
    if (e instanceof A.TorchError) return `${e.pyType}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('linspace', () => {
  it('matches the x values PyTorch plotted in the seed lab, bit for bit', () => {
    expect(Array.from(A.linspace(-10, 10, 10).values())).toEqual(plottedX(16));
    expect(Array.from(A.linspace(-10, 10, 1000).values())).toEqual(plottedX(18));
  });
});

describe('float32 sum', () => {
  it("rounds in ATen's order: tail first, then the eight vector lanes", () => {
    const values = [0.1, 1e7, 0.3, -1e7, 0.7, 3.3, 1e-3, 2.5, 7.1, 0.9];
    const f = Math.fround;
    let expected = f(f(values[8]) + f(values[9]));
    for (let lane = 0; lane < 8; lane++) expected = f(expected + f(values[lane]));
    expect(A.sum(A.tensor(values, [10])).item()).toBe(expected);
  });
});

describe('type promotion', () => {
  const ints = A.tensor([1, 2], [2], { dtype: 'int64' });
  const f32 = A.tensor([1, 2], [2]);
  const f32Scalar = A.tensor([1], []);
  const f64Scalar = A.tensor([2], [], { dtype: 'float64' });

  it('follows torch.result_type', () => {
    expect(A.mul(ints, 2.5).dtype).toBe('float32');
    expect(A.mul(ints, 2, { scalarKind: 'float' }).dtype).toBe('float32');
    expect(A.mul(ints, 2).dtype).toBe('int64');
    expect(A.div(ints, 2).dtype).toBe('float32');
    expect(A.add(A.tensor([1], [1], { dtype: 'bool' }), 1).dtype).toBe('int64');
    expect(A.mul(f32Scalar, f64Scalar).dtype).toBe('float64');
    expect(A.mul(f32, f64Scalar).dtype).toBe('float32');
    expect(A.mul(ints, f64Scalar).dtype).toBe('float64');
    expect(A.pow(ints, 2).dtype).toBe('int64');
    expect(A.sin(ints).dtype).toBe('float32');
  });

  it('gives bool masks from comparisons', () => {
    const mask = A.lt(A.tensor([-1, 0, 2], [3]), 0);
    expect(mask.dtype).toBe('bool');
    expect(Array.from(mask.values())).toEqual([1, 0, 0]);
  });

  it('rounds float32 results to float32', () => {
    const third = A.div(A.tensor([1], []), 3);
    expect(third.item()).toBe(Math.fround(1 / 3));
  });
});

describe('autograd rules', () => {
  it('refuses in-place ops on leaves that require grad, except under no_grad', () => {
    const w = A.tensor([1, 2], [2], { requiresGrad: true });
    expect(errorOf(() => A.indexPut_(w, [0], 5))).toBe(
      'RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.',
    );
    A.noGrad(() => A.sub_(w, 1));
    expect(Array.from(w.values())).toEqual([0, 1]);
    expect(w.isLeaf).toBe(true);
  });

  it('detects a saved tensor modified in place', () => {
    const x = A.tensor([1, 2], [2], { requiresGrad: true });
    const y = A.mul(x, 1);
    const z = A.pow(y, 2);
    A.add_(y, 1);
    expect(errorOf(() => A.sum(z).backward())).toMatch(
      /^RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation: \[torch\.FloatTensor \[2\]\], which is output 0 of AddBackward0, is at version 1; expected version 0 instead\./,
    );
  });

  it('words requires_grad_ on integers as PyTorch does', () => {
    expect(errorOf(() => A.tensor([2], [], { dtype: 'int64' }).requiresGrad_())).toBe(
      'RuntimeError: only Tensors of floating point and complex dtype can require gradients',
    );
  });

  it('gives autograd.grad errors for unrelated inputs', () => {
    const x = A.tensor([1], [], { requiresGrad: true });
    const unused = A.tensor([1], [], { requiresGrad: true });
    expect(errorOf(() => A.autogradGrad([A.mul(x, 2)], [unused]))).toBe(
      'RuntimeError: One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.',
    );
    expect(A.autogradGrad([A.mul(x, 2)], [unused], { allowUnused: true })).toEqual([null]);
  });

  it('differentiates with respect to a non-leaf and frees the graph afterwards', () => {
    const x = A.tensor([3], [], { requiresGrad: true });
    const y = A.mul(x, 2);
    const z = A.pow(y, 2);
    const [dy] = A.autogradGrad([z], [y]);
    expect(dy?.item()).toBe(12);
    expect(x.grad).toBeNull();
    expect(errorOf(() => z.backward())).toMatch(
      /^RuntimeError: Trying to backward through the graph a second time/,
    );
  });

  it('accumulates a second derivative into .grad through create_graph', () => {
    const x = A.tensor([2], [], { requiresGrad: true });
    A.pow(x, 3).backward(null, { createGraph: true });
    expect(x.grad?.gradFn?.name).toBe('CopyBackwards');
    (x.grad as A.Tensor).backward();
    expect(x.grad?.item()).toBe(24);
  });

  it('reduces broadcast gradients back to each input shape', () => {
    const a = A.tensor([1, 2, 3, 4, 5, 6], [2, 3], { requiresGrad: true });
    const b = A.tensor([1, 1, 1], [1, 3], { requiresGrad: true });
    A.sum(A.mul(a, b)).backward();
    expect(b.grad?.shape).toEqual([1, 3]);
    expect(Array.from(b.grad?.values() ?? [])).toEqual([5, 7, 9]);
  });
});

describe('max and min', () => {
  it('share the gradient among ties as PyTorch does', () => {
    const x = A.tensor([1, 3, 3, 2], [4], { requiresGrad: true });
    const top = A.max(x);
    expect(top.gradFn?.name).toBe('MaxBackward1');
    top.backward();
    expect(Array.from(x.grad?.values() ?? [])).toEqual([0, 0.5, 0.5, 0]);
    const y = A.tensor([1, 2], [2], { requiresGrad: true });
    A.sum(A.maximum(y, A.tensor([1, 1], [2]))).backward();
    expect(Array.from(y.grad?.values() ?? [])).toEqual([0.5, 1]);
  });

  it('return values and indices over a dim', () => {
    const m = A.tensor([1, 5, 2, 7, 0, 7], [2, 3]);
    const { values, indices } = A.maxDim(m, 1);
    expect(Array.from(values.values())).toEqual([5, 7]);
    expect(Array.from(indices.values())).toEqual([1, 0]);
    expect(indices.dtype).toBe('int64');
  });
});

describe('custom Functions', () => {
  it('reports needs_input_grad, frees saved tensors after backward and calls onRelease', () => {
    const u = A.tensor([3], [], { requiresGrad: true });
    const v = A.tensor([4], []);
    let needs: readonly boolean[] = [];
    let released = 0;
    let context: A.FunctionCtx | null = null;
    const out = A.applyFunction({
      name: 'F',
      inputs: [u, v, null],
      forward: (ctx) => {
        ctx.saveForBackward([u, v]);
        context = ctx;
        return A.mul(u, v);
      },
      backward: (ctx, [g]) => {
        needs = ctx.needsInputGrad;
        const [, b] = ctx.savedTensors;
        return [A.mul(g, b), null, null];
      },
      onRelease: () => released++,
    }) as A.Tensor;
    expect(out.gradFn?.name).toBe('FBackward');
    out.backward();
    expect(needs).toEqual([true, false, false]);
    expect(u.grad?.item()).toBe(4);
    expect(released).toBe(1);
    expect(errorOf(() => (context as unknown as A.FunctionCtx).savedTensors)).toMatch(
      /^RuntimeError: Trying to backward through the graph a second time/,
    );
  });

  it('allows a second backward through stateless ops but not through a released custom node', () => {
    const x = A.tensor([2], [], { requiresGrad: true });
    const y = A.add(x, 1);
    y.backward();
    y.backward();
    expect(x.grad?.item()).toBe(2);
    let released = 0;
    const z = A.applyFunction({
      name: 'Id',
      inputs: [x],
      forward: () => A.mul(x, 1),
      backward: (_c, [g]) => [g],
      onRelease: () => released++,
    }) as A.Tensor;
    z.backward();
    expect(errorOf(() => z.backward())).toMatch(
      /^RuntimeError: Trying to backward through the graph a second time/,
    );
    expect(released).toBe(1);
  });

  it('reports a wrong number of gradients as PyTorch does', () => {
    const u = A.tensor([1], [], { requiresGrad: true });
    const v = A.tensor([2], [], { requiresGrad: true });
    const out = A.applyFunction({
      name: 'Bad',
      inputs: [u, v],
      forward: () => A.mul(u, v),
      backward: (_c, [g]) => g,
    });
    expect(errorOf(() => (out as A.Tensor).backward())).toBe(
      'RuntimeError: function BadBackward returned an incorrect number of gradients (expected 2, got 1)',
    );
  });
});

describe('graph export', () => {
  it('describes y = x**2 + 2*x + 1 with ops, constants, labels and the leaf grad', () => {
    const x = A.tensor([2], [], { requiresGrad: true });
    x.label = 'x';
    const y = A.add(A.add(A.pow(x, 2), A.mul(x, 2)), 1);
    y.label = 'y';
    let captured: A.GraphSnapshot | null = null;
    const stop = A.onBackward(([root]) => (captured = A.exportGraph(root)));
    y.backward();
    stop();
    const graph = A.exportGraph(y);
    const root = graph.nodes[graph.root];
    expect(root).toMatchObject({
      kind: 'op',
      op: 'add',
      gradFn: 'AddBackward0',
      label: 'y',
      values: [9],
    });
    const [left, one] = root.inputs.map((id) => graph.nodes[id]);
    expect(one).toMatchObject({ kind: 'constant', values: [1] });
    expect(left.inputs.map((id) => graph.nodes[id].op)).toEqual(['pow', 'mul']);
    const power = graph.nodes[left.inputs[0]];
    expect(power.attrs).toEqual({ exponent: 2 });
    const leaf = graph.nodes[power.inputs[0]];
    expect(leaf).toMatchObject({ kind: 'leaf', label: 'x', grad: [6] });
    expect(captured).not.toBeNull();
    const ids = new Set<number>();
    for (const node of graph.nodes) {
      expect(node.inputs.every((id) => ids.has(id))).toBe(true);
      ids.add(node.id);
    }
  });

  it('records the op chain a custom Function forward ran without grad', () => {
    const x = A.tensor([2], [], { requiresGrad: true });
    const y = A.applyFunction({
      name: 'SQ',
      inputs: [x],
      forward: () => A.add(A.pow(x, 2), 1),
      backward: (_c, [g]) => [g],
    }) as A.Tensor;
    const node = A.exportGraph(y).nodes.find((n) => n.op === 'custom');
    const forward = node?.custom?.forward;
    const ops = forward?.nodes.map(
      (n) => n.op ?? (n.argument !== undefined ? `argument ${n.argument}` : n.kind),
    );
    expect(node?.custom?.name).toBe('SQ');
    expect(ops).toEqual(['argument 0', 'constant', 'pow', 'constant', 'add']);
  });

  it('carries non-finite values as JSON can', () => {
    const graph = A.exportGraph(A.log(A.tensor([0, -1], [2], { requiresGrad: true })));
    expect(graph.nodes[graph.root].values).toEqual(['-inf', 'nan']);
  });
});
