// The dtypes beyond float32/float64/int64/bool: casts wrap and round as PyTorch's C++ casts do,
// and promotion follows torch.promote_types (the values were printed by PyTorch 1.13).
import { describe, expect, it } from 'vitest';
import * as A from '../../core/autograd/index.ts';
import { castValue, roundToDType } from '../../core/autograd/dtype.ts';

const f16round = (Math as unknown as { f16round: (x: number) => number }).f16round;

describe('float16 rounding', () => {
  it("equals the platform's Math.f16round of the float32 value, subnormals and overflow included", () => {
    const values = [
      0,
      -0,
      0.1,
      0.7,
      1.3,
      65504,
      65519.99,
      65520,
      -65520,
      2 ** -24,
      2 ** -25,
      3 * 2 ** -26,
      6.1e-5,
      1 + 2 ** -11,
      1 + 3 * 2 ** -11,
      2049,
      2051,
      Infinity,
      -Infinity,
    ];
    // A deterministic spread over every binade float16 has, and beyond it.
    for (let i = 0; i < 20000; i++) values.push(Math.sin(i) * 2 ** ((i % 44) - 28));
    for (const value of values)
      expect(Object.is(roundToDType(value, 'float16'), f16round(Math.fround(value)))).toBe(true);
    expect(roundToDType(Number.NaN, 'float16')).toBeNaN();
  });
});

describe('bfloat16 rounding', () => {
  it("keeps a float32's top 16 bits, ties to even, as torch prints them", () => {
    // torch.tensor([0.1, 0.7, 1.3], dtype=torch.bfloat16).tolist()
    expect([0.1, 0.7, 1.3].map((v) => roundToDType(v, 'bfloat16'))).toEqual([
      0.10009765625, 0.69921875, 1.296875,
    ]);
    expect(roundToDType(1 + 2 ** -8, 'bfloat16')).toBe(1); // a tie goes to the even 1
    expect(roundToDType(1 + 3 * 2 ** -8, 'bfloat16')).toBe(1 + 2 ** -6);
    expect(roundToDType(Number.NaN, 'bfloat16')).toBeNaN();
  });
});

describe('integer casts', () => {
  it('truncate and wrap around as torch.tensor([...]).to(torch.int8) does', () => {
    // torch.tensor([300.7, -129.5, 1e10, nan, inf]).to(torch.int8).tolist() == [44, 127, 0, 0, 0]
    expect([300.7, -129.5, 1e10, Number.NaN, Infinity].map((v) => castValue(v, 'int8'))).toEqual([
      44, 127, 0, 0, 0,
    ]);
    expect(castValue(-1, 'uint8')).toBe(255);
    expect(castValue(40000, 'int16')).toBe(40000 - 65536);
    expect(castValue(2 ** 31, 'int32')).toBe(-(2 ** 31));
  });

  it('wrap around in arithmetic: uint8 250 + 10 is 4, int8 100 * 3 is 44', () => {
    const u = A.tensor([250], [1], { dtype: 'uint8' });
    expect(Array.from(A.add(u, 10).values())).toEqual([4]);
    expect(A.add(u, 10).dtype).toBe('uint8');
    const i = A.tensor([100], [1], { dtype: 'int8' });
    expect(Array.from(A.mul(i, 3).values())).toEqual([44]);
  });
});

describe('promotion', () => {
  it('follows torch.promote_types, including its two pairs that meet in a third type', () => {
    expect(A.promoteTypes('uint8', 'int8')).toBe('int16');
    expect(A.promoteTypes('float16', 'bfloat16')).toBe('float32');
    expect(A.promoteTypes('int32', 'int64')).toBe('int64');
    expect(A.promoteTypes('int64', 'float16')).toBe('float16');
    expect(A.promoteTypes('bool', 'uint8')).toBe('uint8');
  });

  it('keeps a narrow dtype against a Python scalar of its category, as torch does', () => {
    const h = A.tensor([3], [1], { dtype: 'float16' });
    // torch.tensor([3.0], dtype=torch.float16) * 0.1 == 0.2998046875: the scalar becomes a half
    const product = A.mul(h, 0.1, { scalarKind: 'float' });
    expect(product.dtype).toBe('float16');
    expect(product.item()).toBe(0.2998046875);
    expect(A.mul(A.tensor([1], [1], { dtype: 'int8' }), 2.5, { scalarKind: 'float' }).dtype).toBe(
      'float32',
    );
  });
});
