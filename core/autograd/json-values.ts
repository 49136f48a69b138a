// Tensor values as JSON carries them, for the graph export and the backward trace.
import type { Tensor } from './tensor.ts';

/** A float as JSON can carry it: non-finite values become 'nan', 'inf' or '-inf'. */
export type JsonNumber = number | 'nan' | 'inf' | '-inf';

/** How many values of a tensor are shown (row-major, from the first). */
export const VALUE_LIMIT = 64;

export function jsonNumber(v: number): JsonNumber {
  return Number.isFinite(v) ? v : Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
}

/** The first VALUE_LIMIT values of `t`, row-major. */
export function headValues(t: Tensor): JsonNumber[] {
  return Array.from(t.data.subarray(0, VALUE_LIMIT), jsonNumber);
}

/** A tensor as the backward trace shows it, copied when taken (the engine reuses storage). */
export interface TensorValue {
  shape: number[];
  /** The first (up to 64) values, row-major. */
  values: JsonNumber[];
}

export function tensorValue(t: Tensor): TensorValue {
  return { shape: [...t.shape], values: headValues(t) };
}
