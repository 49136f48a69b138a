// Python's float formatting: '{:.Nf}', '{:.Ne}' and repr(float).
//
// Python rounds the exact binary value of the double half-to-even ('{:.4f}'.format(0.03125)
// is '0.0312'), where JavaScript's toFixed/toExponential round exact ties up. So the digits
// here come from integer arithmetic on mantissa * 2^exponent.

import { decomposeFinite, hasSignBit, pow10 } from './binary-float.ts';
import { exponentText, shortestDigits } from './dragon4.ts';

function nonFinite(x: number): string {
  if (Number.isNaN(x)) return 'nan'; // Python never prints a sign on nan
  return x < 0 ? '-inf' : 'inf';
}

/** mantissa * 2^exponent * 10^power as an exact fraction [numerator, denominator]. */
function exactRatio(mantissa: bigint, exponent: number, power: number): [bigint, bigint] {
  let numerator = mantissa;
  let denominator = 1n;
  if (exponent >= 0) numerator <<= BigInt(exponent);
  else denominator <<= BigInt(-exponent);
  if (power >= 0) numerator *= pow10(power);
  else denominator *= pow10(-power);
  return [numerator, denominator];
}

/** round-half-even(mantissa * 2^exponent * 10^power) for a non-negative value. */
function roundScaled(mantissa: bigint, exponent: number, power: number): bigint {
  const [numerator, denominator] = exactRatio(mantissa, exponent, power);
  const quotient = numerator / denominator;
  const twiceRemainder = (numerator % denominator) * 2n;
  if (twiceRemainder > denominator) return quotient + 1n;
  if (twiceRemainder === denominator && quotient % 2n === 1n) return quotient + 1n;
  return quotient;
}

/** floor(log10(|x|)) for a finite non-zero x, computed exactly. */
function decimalExponent(x: number, mantissa: bigint, exponent: number): number {
  // Math.log10 can be off by one next to powers of ten; settle it with integers:
  // x >= 10^candidate exactly when x * 10^-candidate >= 1.
  const approximate = Math.floor(Math.log10(Math.abs(x)));
  for (let candidate = approximate + 1; candidate > approximate - 1; candidate--) {
    const [numerator, denominator] = exactRatio(mantissa, exponent, -candidate);
    if (numerator >= denominator) return candidate;
  }
  return approximate - 1;
}

/** Python's format(x, '.{precision}f'). */
export function formatFixed(x: number, precision: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  const { mantissa, exponent } = decomposeFinite(x, 'float64');
  const digits = roundScaled(mantissa, exponent, precision)
    .toString()
    .padStart(precision + 1, '0');
  const sign = hasSignBit(x) ? '-' : '';
  if (precision === 0) return sign + digits;
  const whole = digits.length - precision;
  return `${sign}${digits.slice(0, whole)}.${digits.slice(whole)}`;
}

/** Python's format(x, '.{precision}e'). */
export function formatExponential(x: number, precision: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  const sign = hasSignBit(x) ? '-' : '';
  const { mantissa, exponent } = decomposeFinite(x, 'float64');
  let digits: string;
  let power = 0;
  if (mantissa === 0n) {
    digits = '0'.repeat(precision + 1);
  } else {
    power = decimalExponent(x, mantissa, exponent);
    let rounded = roundScaled(mantissa, exponent, precision - power);
    if (rounded === pow10(precision + 1)) {
      rounded = pow10(precision);
      power += 1;
    }
    digits = rounded.toString();
  }
  const fraction = precision > 0 ? `.${digits.slice(1)}` : '';
  return `${sign}${digits[0]}${fraction}e${exponentText(power, 2)}`;
}

/** Python's repr(float): the shortest digits that read back as the same double. */
export function formatPythonFloat(x: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  const sign = hasSignBit(x) ? '-' : '';
  const { digits, exponent } = shortestDigits(x, 'float64');
  // Python's 'r' format: positional when the decimal point falls within
  // -4 < position <= 16, where position counts digits before the point.
  const position = exponent + 1;
  if (position > -4 && position <= 16) {
    if (position <= 0) return `${sign}0.${'0'.repeat(-position)}${digits}`;
    if (digits.length <= position) return `${sign}${digits.padEnd(position, '0')}.0`;
    return `${sign}${digits.slice(0, position)}.${digits.slice(position)}`;
  }
  const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
  return `${sign}${digits[0]}${fraction}e${exponentText(exponent, 2)}`;
}
