// torch.where(condition, a, b): elementwise choice, gradient routed to the chosen side.
import { broadcastShapes, expandStorage } from '../broadcast.ts';
import { allocate } from '../storage-pool.ts';
import { Tensor } from '../tensor.ts';
import { numelOf } from '../shapes.ts';
import { zerosLike } from './creation.ts';
import type { ScalarKind } from '../dtype.ts';
import { promote, storageAs, toTensor, type Operand } from './elementwise.ts';
import { recordDerivative } from './record.ts';
import { derivative } from '../derivative.ts';

/** How Python scalar operands promote (`torch.where(c, 1.0, 0.0)` is float32). */
export interface WhereOptions {
  aKind?: ScalarKind;
  bKind?: ScalarKind;
}

/** The gradient goes to the side each element was taken from (the condition, bool, has none). */
const WHERE = derivative<{ condition: Tensor; self: Tensor; other: Tensor }>('WhereBackward0', {
  condition: null,
  self: {
    reads: ['condition'],
    tex: '{{g}} \\cdot [{{condition}}]',
    grad: (g, { condition }) => where(condition, g, zerosLike(g)),
  },
  other: {
    reads: ['condition'],
    tex: '{{g}} \\cdot (1 - [{{condition}}])',
    grad: (g, { condition }) => where(condition, zerosLike(g), g),
  },
});

export function where(condition: Tensor, a: Operand, b: Operand, options?: WhereOptions): Tensor {
  const ta = toTensor(a, options?.aKind);
  const tb = toTensor(b, options?.bKind);
  const dtype = promote(ta, tb);
  const shape = broadcastShapes(condition.shape, broadcastShapes(ta.shape, tb.shape));
  const n = numelOf(shape);
  const c = expandStorage(condition.data, condition.shape, shape);
  const av = expandStorage(storageAs(ta, dtype), ta.shape, shape);
  const bv = expandStorage(storageAs(tb, dtype), tb.shape, shape);
  const out = allocate(dtype, n);
  for (let i = 0; i < n; i++) out[i] = c[i] ? av[i] : bv[i];
  return recordDerivative(new Tensor(out, shape, dtype), WHERE, {
    op: 'where',
    inputs: [condition, ta, tb],
    values: { condition, self: ta, other: tb },
  });
}
