// torch.unique (sorted): the distinct values in ascending order, with where each element went
// and how often each value occurs. Not differentiable: backward raises torch's error.
import { TorchError } from '../errors.ts';
import { Tensor } from '../tensor.ts';
import { record } from './record.ts';
import { allocate } from '../storage-pool.ts';

export interface Unique {
  values: Tensor;
  inverse: Tensor;
  counts: Tensor;
}

export function unique(t: Tensor): Unique {
  const data = Array.from(t.data);
  const distinct = [...new Set(data)].sort((p, q) => p - q);
  const position = new Map(distinct.map((v, i) => [v, i]));
  const inverse = allocate('int64', data.length);
  const counts = allocate('int64', distinct.length);
  data.forEach((v, i) => {
    const at = position.get(v)!;
    inverse[i] = at;
    counts[at] += 1;
  });
  const values = allocate(t.dtype, distinct.length);
  values.set(distinct);
  return {
    values: record(new Tensor(values, [distinct.length], t.dtype), {
      name: 'Unique2Backward0',
      op: 'unique',
      inputs: [t],
      backward: () => {
        throw new TorchError(
          'NotImplementedError',
          "the derivative for '_unique2' is not implemented.",
        );
      },
    }),
    inverse: new Tensor(inverse, t.shape, 'int64'),
    counts: new Tensor(counts, [distinct.length], 'int64'),
  };
}
