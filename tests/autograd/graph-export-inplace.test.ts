// The graph export after in-place ops: a Tensor object that an in-place op gave a new grad_fn
// must still read as its old value in the ops that used it before (y[0] += 10 used to loop
// forever: y's select read y's new CopySlices, which reads the select).
import { describe, expect, it } from 'vitest';
import * as A from '../../core/autograd/index.ts';

describe('exportGraph after in-place ops', () => {
  it('follows each op to the values its operands had when it ran', () => {
    const x = A.tensor([1, -2, 3], [3], { requiresGrad: true });
    const y = A.mul(x, 1);
    const first = A.index(y, [0]);
    A.add_(first, 10); // Python's y[0] += 10: select a view, add in place, write back
    A.indexPut_(y, [0], first);
    const { nodes, root } = A.exportGraph(A.sum(y));

    const names = nodes.map((n) => n.gradFn ?? n.kind);
    expect(names).toEqual([
      'leaf',
      'constant',
      'MulBackward0',
      'constant',
      // torch's CopySlices wraps the add: its edges are the old product and the add's others.
      'CopySlices',
      // The view's grad_fn, remade from its base's new history after the write through it.
      'AsStridedBackward0',
      'CopySlices',
      'SumBackward0',
    ]);
    const byName = (name: string) => nodes.find((n) => n.gradFn === name);
    const mul = byName('MulBackward0');
    // Adding through the view made y the old product with the view's elements replaced.
    expect(byName('CopySlices')?.inputs).toEqual([mul?.id, mul!.id + 1]);
    expect(nodes[root].gradFn).toBe('SumBackward0');
    // Every node's inputs come before it.
    for (const n of nodes) for (const i of n.inputs) expect(i).toBeLessThan(n.id);
  });
});
