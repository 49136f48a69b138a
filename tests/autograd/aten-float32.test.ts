// ATen's vectorised float32 arithmetic: Sleef's expf where it differs from the correctly
// rounded expf (values printed by torch.exp on a 4001-element tensor, PyTorch 1.13, AVX2), and
// the 8-lane sums of vec::reduce_all.
import { describe, expect, it } from 'vitest';
import {
  laneDot,
  laneSum,
  scalarExpF32,
  sleefExpF32,
} from '../../core/autograd/ops/aten-float32.ts';

const f = Math.fround;

describe("Sleef's expf", () => {
  it.each([
    [-4.989999771118164, 0.0068056657910346985],
    [-4.977499961853027, 0.006891269236803055],
    [-4.909999847412109, 0.00737248919904232],
  ])('exp(%f) is %f, one ulp from the correctly rounded value', (x, torchValue) => {
    expect(sleefExpF32(x)).toBe(torchValue);
    expect(scalarExpF32(x)).not.toBe(torchValue);
  });

  it('saturates and propagates as Sleef does', () => {
    expect(sleefExpF32(-105)).toBe(0);
    expect(sleefExpF32(101)).toBe(Infinity);
    expect(sleefExpF32(NaN)).toBeNaN();
    expect(sleefExpF32(0)).toBe(1);
  });
});

describe('8-lane float32 sums', () => {
  const values = [1e8, 1, -1e8, 1, 0.5, 3, 7, 1e-3, 2, 5].map(f);

  it('adds in order below 8 values', () => {
    expect(laneSum(3, (i) => values[i])).toBe(f(f(1e8 + 1) - 1e8));
  });

  it('folds the lanes as a tree from 8 values on', () => {
    // lanes: l0 = 1e8 + 2, l1 = 1 + 5, l2 = -1e8, l3 = 1, l4 = 0.5, l5 = 3, l6 = 7, l7 = 1e-3
    const lanes = [f(1e8 + 2), 6, -1e8, 1, 0.5, 3, 7, f(1e-3)];
    const expected = f(
      f(f(lanes[0] + lanes[4]) + f(lanes[2] + lanes[6])) +
        f(f(lanes[1] + lanes[5]) + f(lanes[3] + lanes[7])),
    );
    expect(laneSum(values.length, (i) => values[i])).toBe(expected);
  });

  it('fuses products into the lanes of a dot product', () => {
    const ones = (): number => 1;
    expect(laneDot(values.length, (i) => values[i], ones)).toBe(
      laneSum(values.length, (i) => values[i]),
    );
    expect(laneDot(2, (i) => values[i], ones)).toBe(f(1e8 + 1));
  });
});
