// add/sub with alpha round a + alpha * b once, as ATen's fma(b, alpha, a) does.
import { describe, expect, it } from 'vitest';
import { fma32, fma64 } from '../../core/autograd/fused-multiply-add.ts';
import { add, sub, tensor } from '../../core/autograd/index.ts';

describe('add and sub with alpha', () => {
  // Values torch.add(a, b, alpha=0.1) gave (PyTorch 1.13) where a + 0.1 * b rounded twice differs.
  it.each([
    ['float32', 0.07152773439884186, 1.1736359596252441, 0.18889133632183075],
    ['float32', -0.1468081772327423, -1.013716220855713, -0.24817980825901031],
    ['float64', 0.05676407438763798, 0.3427781734913153, 0.0910418917367695],
    ['float64', -0.5810600891958929, 1.8508042523928276, -0.39597966395661016],
  ] as const)('%s: %f + 0.1 * %f is %f', (dtype, a, b, expected) => {
    const ta = tensor([a, a], [2], { dtype });
    const tb = tensor([b, b], [2], { dtype });
    expect(Array.from(add(ta, tb, { alpha: 0.1 }).data)).toEqual([expected, expected]);
    expect(Array.from(sub(ta, tb, { alpha: -0.1 }).data)).toEqual([expected, expected]);
    // A one-element b broadcast over a is fused per element too.
    expect(add(ta, tensor([b], [], { dtype }), { alpha: 0.1 }).data[0]).toBe(expected);
  });
});

describe('fma', () => {
  it('rounds a float32 result once where the double sum lands on a float32 tie', () => {
    const [x, y, z] = [1 + 2 ** -23, 2 ** -24 * (1 - 2 ** -23), 1 + 2 ** -23];
    expect(Math.fround(x * y + z)).toBe(1 + 2 ** -22);
    expect(fma32(x, y, z)).toBe(1 + 2 ** -23);
    expect(fma32(-x, y, -z)).toBe(-(1 + 2 ** -23));
  });

  it('rounds a double result once where the product rounded onto a tie', () => {
    const [x, y, z] = [1 + 2 ** -52, 2 ** -53 * (1 - 2 ** -52), 1 + 2 ** -52];
    expect(x * y + z).toBe(1 + 2 ** -51);
    expect(fma64(x, y, z)).toBe(1 + 2 ** -52);
    expect(fma64(-x, y, -z)).toBe(-(1 + 2 ** -52));
  });

  it('keeps infinities, NaN and exact cancellation', () => {
    expect(fma64(Infinity, 2, 1)).toBe(Infinity);
    expect(fma64(1e308, 10, -Infinity)).toBeNaN();
    expect(fma64(NaN, 1, 1)).toBeNaN();
    expect(fma32(3, 0.5, -1.5)).toBe(0);
    expect(fma64(0.1, 10, -1)).toBe(5.551115123125783e-17);
  });
});
