// Negation (NegBackward0), apart from the other unary ops: the binary ops' gradients use it, and
// the unary ops' gradients use the binary ops, so this keeps the imports one way.
import { derivative } from '../derivative.ts';
import { allocateForOverwrite } from '../storage-pool.ts';
import { Tensor } from '../tensor.ts';
import { recordDerivative } from './record.ts';

const NEG = derivative<{ self: Tensor }>('NegBackward0', {
  self: { reads: [], tex: '-{{g}}', grad: (g) => neg(g) },
});

export function neg(x: Tensor): Tensor {
  const input = x.data;
  const out = allocateForOverwrite(x.dtype, input.length);
  for (let i = 0; i < out.length; i++) out[i] = -input[i];
  return recordDerivative(new Tensor(out, x.shape, x.dtype), NEG, {
    op: 'neg',
    inputs: [x],
    values: { self: x },
  });
}
