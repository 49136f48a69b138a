// floor, ceil, round (half to even) and trunc: piecewise constant, so their gradient is zero
// (FloorBackward0, ...). Integer tensors come back unchanged, as in torch.
import { allocate, isFloating } from '../dtype.ts';
import { Tensor } from '../tensor.ts';
import { zerosLike } from './creation.ts';
import { record } from './record.ts';

/** Rounds half to even, as torch.round (and C's nearbyint) do. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  const half = Math.abs(x % 1) === 0.5;
  // Math.round goes up on halves; step back when that lands on an odd number. Keep -0.
  const even = half && r % 2 !== 0 ? r - 1 : r;
  return even === 0 && (x < 0 || Object.is(x, -0)) ? -0 : even;
}

const ROUNDING = {
  floor: { name: 'FloorBackward0', apply: Math.floor },
  ceil: { name: 'CeilBackward0', apply: Math.ceil },
  round: { name: 'RoundBackward0', apply: roundHalfEven },
  trunc: { name: 'TruncBackward0', apply: Math.trunc },
} as const;

type Rounding = keyof typeof ROUNDING;

function rounding(op: Rounding, x: Tensor): Tensor {
  const { name, apply } = ROUNDING[op];
  const out = allocate(x.dtype, x.numel);
  if (isFloating(x.dtype)) for (let i = 0; i < out.length; i++) out[i] = apply(x.data[i]);
  else out.set(x.data);
  return record(new Tensor(out, x.shape, x.dtype), {
    name,
    op,
    inputs: [x],
    backward: ([g]) => [zerosLike(g)],
  });
}

export const floor = (x: Tensor): Tensor => rounding('floor', x);
export const ceil = (x: Tensor): Tensor => rounding('ceil', x);
export const round = (x: Tensor): Tensor => rounding('round', x);
export const trunc = (x: Tensor): Tensor => rounding('trunc', x);
