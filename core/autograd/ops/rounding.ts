// floor, ceil, round (half to even) and trunc: piecewise constant, so their gradient is zero
// (FloorBackward0, ...). Integer tensors come back unchanged, as in torch.
import { isFloating } from '../dtype.ts';
import { allocate } from '../storage-pool.ts';
import { Tensor } from '../tensor.ts';
import { zerosLike } from './creation.ts';
import { recordDerivative } from './record.ts';
import { derivative, type Derivative } from '../derivative.ts';

/** Rounds half to even, as torch.round (and C's nearbyint) do. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  const half = Math.abs(x % 1) === 0.5;
  // Math.round goes up on halves; step back when that lands on an odd number. Keep -0.
  const even = half && r % 2 !== 0 ? r - 1 : r;
  return even === 0 && (x < 0 || Object.is(x, -0)) ? -0 : even;
}

/** Piecewise constant: the gradient is zero wherever it exists. */
const flat = (name: string): Derivative<{ self: Tensor }> =>
  derivative(name, { self: { reads: [], tex: '0', grad: (g) => zerosLike(g) } });

const ROUNDING = {
  floor: { backward: flat('FloorBackward0'), apply: Math.floor },
  ceil: { backward: flat('CeilBackward0'), apply: Math.ceil },
  round: { backward: flat('RoundBackward0'), apply: roundHalfEven },
  trunc: { backward: flat('TruncBackward0'), apply: Math.trunc },
} as const;

type Rounding = keyof typeof ROUNDING;

function rounding(op: Rounding, x: Tensor): Tensor {
  const { backward, apply } = ROUNDING[op];
  const out = allocate(x.dtype, x.numel);
  if (isFloating(x.dtype)) for (let i = 0; i < out.length; i++) out[i] = apply(x.data[i]);
  else out.set(x.data);
  return recordDerivative(new Tensor(out, x.shape, x.dtype), backward, {
    op,
    inputs: [x],
    values: { self: x },
  });
}

export const floor = (x: Tensor): Tensor => rounding('floor', x);
export const ceil = (x: Tensor): Tensor => rounding('ceil', x);
export const round = (x: Tensor): Tensor => rounding('round', x);
export const trunc = (x: Tensor): Tensor => rounding('trunc', x);
