// numpy's float printing: Dragon4 in "unique" digit mode (numpy/_core/src/multiarray/dragon4.c),
// and its positional and scientific layouts with numpy's trim and padding rules.
//
// Digits are the shortest that read back as the same value *of the given width*: a float32
// prints as 0.1, not 0.10000000149011612. An optional cutoff rounds them (half-to-even on the
// exact value) to a number of fractional or total digits, as numpy's precision does.

import type { FloatWidth } from './binary-float.ts';
import { decomposeFinite, hasSignBit, pow10 } from './binary-float.ts';

export interface DecimalDigits {
  /** Significant digits, no leading zeros (just '0' for zero). */
  digits: string;
  /** Power of ten of the first digit. */
  exponent: number;
}

type CutoffMode = 'total' | 'fraction';

/**
 * Dragon4 of numpy, unique mode. cutoffMax: most digits (total, or past the decimal point),
 * -1 for none; cutoffMin: least digits likewise, -1 for none.
 */
function dragon4(
  value: number,
  width: FloatWidth,
  cutoffMode: CutoffMode,
  cutoffMax: number,
  cutoffMin: number,
): DecimalDigits {
  const { mantissa, exponent, mantissaBit, unequalMargins } = decomposeFinite(value, width);
  if (mantissa === 0n) return { digits: '0', exponent: 0 };
  const isEven = (mantissa & 1n) === 0n;

  // value = scaledValue / scale; the margins are half the gaps to the neighbouring floats.
  const extra = unequalMargins ? 2 : 1;
  let scaledValue: bigint;
  let scale: bigint;
  let marginLow: bigint;
  if (exponent > 0) {
    scaledValue = mantissa << BigInt(exponent + extra);
    scale = 1n << BigInt(extra);
    marginLow = 1n << BigInt(exponent);
  } else {
    scaledValue = mantissa << BigInt(extra);
    scale = 1n << BigInt(-exponent + extra);
    marginLow = 1n;
  }
  const marginHigh = (): bigint => (unequalMargins ? marginLow * 2n : marginLow);

  // Estimate of floor(log10(value)) + 1 that is right or one too low (numpy's formula).
  let digitExponent = Math.ceil((mantissaBit + exponent) * 0.3010299956639812 - 0.69);
  if (cutoffMax >= 0 && cutoffMode === 'fraction' && digitExponent <= -cutoffMax) {
    digitExponent = -cutoffMax + 1;
  }
  if (digitExponent > 0) {
    scale *= pow10(digitExponent);
  } else if (digitExponent < 0) {
    const factor = pow10(-digitExponent);
    scaledValue *= factor;
    marginLow *= factor;
  }
  if (scaledValue >= scale) {
    digitExponent += 1;
  } else {
    scaledValue *= 10n;
    marginLow *= 10n;
  }

  let cutoffMaxExponent = -Infinity;
  if (cutoffMax >= 0) {
    cutoffMaxExponent = cutoffMode === 'total' ? digitExponent - cutoffMax : -cutoffMax;
  }
  let cutoffMinExponent = digitExponent;
  if (cutoffMin >= 0) {
    const desired = cutoffMode === 'total' ? digitExponent - cutoffMin : -cutoffMin;
    cutoffMinExponent = Math.min(cutoffMinExponent, desired);
  }
  let firstExponent = digitExponent - 1;

  const out: number[] = [];
  let digit: number;
  let low: boolean;
  let high: boolean;
  for (;;) {
    digitExponent -= 1;
    digit = Number(scaledValue / scale);
    scaledValue %= scale;
    const lowCompare = scaledValue - marginLow;
    const highCompare = scaledValue + marginHigh() - scale;
    low = isEven ? lowCompare <= 0n : lowCompare < 0n;
    high = isEven ? highCompare >= 0n : highCompare > 0n;
    if (
      ((low || high) && digitExponent <= cutoffMinExponent) ||
      digitExponent === cutoffMaxExponent
    ) {
      break;
    }
    out.push(digit);
    scaledValue *= 10n;
    marginLow *= 10n;
  }

  // Round the last digit: towards the nearer neighbour, half-to-even when both are legal.
  let roundDown = low;
  if (low === high) {
    const twice = scaledValue * 2n;
    roundDown = twice < scale || (twice === scale && digit % 2 === 0);
  }
  if (roundDown) {
    out.push(digit);
  } else if (digit < 9) {
    out.push(digit + 1);
  } else {
    // Carry through trailing nines; all nines become a 1 one place higher.
    while (out.length > 0 && out[out.length - 1] === 9) out.pop();
    if (out.length === 0) {
      out.push(1);
      firstExponent += 1;
    } else {
      out[out.length - 1] += 1;
    }
  }
  return { digits: out.join(''), exponent: firstExponent };
}

/** The shortest digits that identify a finite value among floats of its width. */
export function shortestDigits(value: number, width: FloatWidth): DecimalDigits {
  return dragon4(Math.abs(value), width, 'total', -1, -1);
}

/** numpy's trim argument: 'k' keep, '.' trim zeros keep the point, '0' keep one zero, '-' trim all. */
type TrimMode = 'k' | '.' | '0' | '-';

export interface NumpyFloatOptions {
  /** Most digits past the decimal point (positional) or after the first digit (scientific); -1 for none. */
  precision: number;
  /** Least digits, counted likewise; -1 for none. */
  minDigits: number;
  trim: TrimMode;
  /** Pad with spaces until this many characters precede the decimal point; -1 for none. */
  padLeft: number;
  /** Positional only: pad with spaces until this many characters follow the point. */
  padRight: number;
  /** Scientific only: least exponent digits; -1 for numpy's default of 2. */
  expDigits: number;
}

const NUMPY_DEFAULTS: NumpyFloatOptions = {
  precision: -1,
  minDigits: -1,
  trim: 'k',
  padLeft: -1,
  padRight: -1,
  expDigits: -1,
};

/** Trailing zero handling shared by both layouts (numpy strips zeros left over by rounding). */
function trimFraction(
  whole: string,
  fraction: string,
  trim: TrimMode,
  wantedFractionDigits: number,
): { text: string; fractionDigits: number } {
  let frac = fraction;
  if (trim === '0' && frac.length === 0) frac = '0';
  else if (trim === 'k' && wantedFractionDigits > frac.length) {
    frac = frac.padEnd(wantedFractionDigits, '0');
  }
  if (trim !== 'k' && frac.length > 0) {
    frac = frac.replace(/0+$/, '');
    if (frac.length === 0 && trim === '0') frac = '0';
  }
  const point = trim === '-' && frac.length === 0 ? '' : '.';
  return { text: whole + point + frac, fractionDigits: frac.length };
}

/**
 * Options filled in, the sign, and the digits of |value| under the precision options.
 * Scientific layout counts digits after the first one, so its cutoffs are one more in total.
 */
function signedDigits(
  value: number,
  width: FloatWidth,
  options: Partial<NumpyFloatOptions>,
  mode: CutoffMode,
): DecimalDigits & { opts: NumpyFloatOptions; sign: string } {
  const opts = { ...NUMPY_DEFAULTS, ...options };
  const shift = mode === 'total' ? 1 : 0;
  const cutoff = (digits: number): number => (digits < 0 ? -1 : digits + shift);
  const decimal = dragon4(
    Math.abs(value),
    width,
    mode,
    cutoff(opts.precision),
    cutoff(opts.minDigits),
  );
  return { ...decimal, opts, sign: hasSignBit(value) ? '-' : '' };
}

/** numpy's dragon4_positional(x, fractional=True, unique=True, ...) for a finite x. */
export function numpyPositional(
  value: number,
  width: FloatWidth,
  options: Partial<NumpyFloatOptions> = {},
): string {
  const { opts, sign, digits, exponent } = signedDigits(value, width, options, 'fraction');
  let whole: string;
  let fraction: string;
  if (exponent >= 0) {
    whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    fraction = digits.slice(exponent + 1);
  } else {
    whole = '0';
    fraction = '0'.repeat(-exponent - 1) + digits;
  }
  const trimmed = trimFraction(whole, fraction, opts.trim, Math.max(opts.minDigits, 0));
  let text = trimmed.text;
  if (opts.padRight >= trimmed.fractionDigits) {
    const missingPoint = opts.trim === '-' && trimmed.fractionDigits === 0 ? 1 : 0;
    text += ' '.repeat(missingPoint + opts.padRight - trimmed.fractionDigits);
  }
  text = sign + text;
  const wholeWidth = whole.length + sign.length;
  if (opts.padLeft > wholeWidth) text = ' '.repeat(opts.padLeft - wholeWidth) + text;
  return text;
}

/** numpy's dragon4_scientific(x, unique=True, ...) for a finite x. */
export function numpyScientific(
  value: number,
  width: FloatWidth,
  options: Partial<NumpyFloatOptions> = {},
): string {
  const { opts, sign, digits, exponent } = signedDigits(value, width, options, 'total');
  // In scientific layout trim mode '-' drops the point only when no fraction digit was made.
  const trim = opts.trim === '-' && digits.length > 1 ? '.' : opts.trim;
  const { text } = trimFraction(digits[0], digits.slice(1), trim, Math.max(opts.minDigits, 0));
  const leftChars = 1 + sign.length;
  const padding = opts.padLeft > leftChars ? ' '.repeat(opts.padLeft - leftChars) : '';
  const expDigits = opts.expDigits < 0 ? 2 : Math.min(opts.expDigits, 5);
  return `${padding}${sign}${text}e${exponentText(exponent, expDigits)}`;
}

/** An exponent as Python and numpy write it: a sign, then at least minDigits digits. */
export function exponentText(power: number, minDigits: number): string {
  return (power < 0 ? '-' : '+') + String(Math.abs(power)).padStart(minDigits, '0');
}
