// The exact binary value of an IEEE float, so that decimal formatting can work on
// integers (value = mantissa * 2^exponent) instead of trusting lossy double arithmetic.

export type FloatWidth = 'float32' | 'float64';

export interface FiniteBinary {
  negative: boolean;
  /** Integer significand, hidden bit included; 0n for zeros. */
  mantissa: bigint;
  /** Power of two the significand is scaled by. */
  exponent: number;
  /** Index of the highest set bit of the significand. */
  mantissaBit: number;
  /** True for powers of two above the subnormal range: the gap below is half the gap above. */
  unequalMargins: boolean;
}

const scratch = new DataView(new ArrayBuffer(8));

/** Splits a finite number, read as a value of the given width, into its exact parts. */
export function decomposeFinite(value: number, width: FloatWidth): FiniteBinary {
  let biasedExponent: number;
  let fraction: bigint;
  let negative: boolean;
  let fractionBits: number;
  let bias: number;
  if (width === 'float32') {
    scratch.setFloat32(0, value);
    const bits = scratch.getUint32(0);
    negative = bits >>> 31 === 1;
    biasedExponent = (bits >>> 23) & 0xff;
    fraction = BigInt(bits & 0x7fffff);
    fractionBits = 23;
    bias = 127;
  } else {
    scratch.setFloat64(0, value);
    const bits = scratch.getBigUint64(0);
    negative = bits >> 63n === 1n;
    biasedExponent = Number((bits >> 52n) & 0x7ffn);
    fraction = bits & 0xfffffffffffffn;
    fractionBits = 52;
    bias = 1023;
  }
  if (biasedExponent === 0) {
    // Subnormal (or zero): no hidden bit, smallest exponent.
    return {
      negative,
      mantissa: fraction,
      exponent: 1 - bias - fractionBits,
      mantissaBit: fraction === 0n ? 0 : fraction.toString(2).length - 1,
      unequalMargins: false,
    };
  }
  return {
    negative,
    mantissa: fraction | (1n << BigInt(fractionBits)),
    exponent: biasedExponent - bias - fractionBits,
    mantissaBit: fractionBits,
    unequalMargins: biasedExponent > 1 && fraction === 0n,
  };
}

/** True when the sign bit is set (so -0 counts as negative, as Python and numpy print it). */
export function hasSignBit(value: number): boolean {
  return value < 0 || Object.is(value, -0);
}

export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}
