// torch.where(condition, a, b): elementwise choice, gradient routed to the chosen side.
import { broadcastShapes, expandStorage } from '../broadcast.ts';
import { allocate } from '../dtype.ts';
import { numelOf, Tensor } from '../tensor.ts';
import { zerosLike } from './creation.ts';
import { promote, storageAs, toTensor, type Operand } from './elementwise.ts';
import { record } from './record.ts';

export function where(condition: Tensor, a: Operand, b: Operand): Tensor {
  const ta = toTensor(a);
  const tb = toTensor(b);
  const dtype = promote(ta, tb);
  const shape = broadcastShapes(condition.shape, broadcastShapes(ta.shape, tb.shape));
  const n = numelOf(shape);
  const c = expandStorage(condition.data, condition.shape, shape);
  const av = expandStorage(storageAs(ta, dtype), ta.shape, shape);
  const bv = expandStorage(storageAs(tb, dtype), tb.shape, shape);
  const out = allocate(dtype, n);
  for (let i = 0; i < n; i++) out[i] = c[i] ? av[i] : bv[i];
  return record(new Tensor(out, shape, dtype), {
    name: 'WhereBackward0',
    op: 'where',
    inputs: [condition, ta, tb],
    saved: [condition],
    backward: ([g], node) => {
      const [cond] = node.saved;
      const zero = zerosLike(g);
      return [
        null,
        node.needsInputGrad(1) ? where(cond, g, zero) : null,
        node.needsInputGrad(2) ? where(cond, zero, g) : null,
      ];
    },
  });
}
