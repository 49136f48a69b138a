// torch.tril / torch.triu: the lower or upper triangle of the last two dims, from diagonal k
// (TrilBackward0 / TriuBackward0: the gradient keeps the same triangle).
import { TorchError } from '../errors.ts';
import { Tensor } from '../tensor.ts';
import { record } from './record.ts';

export function triangle(t: Tensor, upper: boolean, diagonal = 0): Tensor {
  if (t.ndim < 2) {
    // torch looks for the second-to-last dim, which a vector does not have.
    const rank = Math.max(t.ndim, 1);
    throw new TorchError(
      'IndexError',
      `Dimension out of range (expected to be in range of [${-rank}, ${rank - 1}], but got -2)`,
    );
  }
  const [rows, cols] = t.shape.slice(-2);
  const out = t.data.slice();
  for (let i = 0; i < out.length; i++) {
    const column = i % cols;
    const row = Math.floor(i / cols) % rows;
    const kept = upper ? column - row >= diagonal : column - row <= diagonal;
    if (!kept) out[i] = 0;
  }
  return record(new Tensor(out, t.shape, t.dtype), {
    name: upper ? 'TriuBackward0' : 'TrilBackward0',
    op: upper ? 'triu' : 'tril',
    inputs: [t],
    attrs: { diagonal },
    backward: ([g]) => [triangle(g, upper, diagonal)],
  });
}
