// Random shapes and values (N-D, nan/inf, -0, wide and tiny magnitudes, int64 beyond 2^32,
// grad suffixes) printed by real torch and numpy: fixtures/generate.py made them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dtype, TensorSuffixes } from '../../core/printing/index.ts';
import { formatNumpyArray, formatTensor } from '../../core/printing/index.ts';

interface RandomCase {
  shape: number[];
  dtype: Dtype;
  values: (number | string | boolean)[];
  suffix?: TensorSuffixes;
  expected: string;
}

function load(name: string): RandomCase[] {
  const url = new URL(`fixtures/${name}`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: RandomCase[] }).cases;
}

const NON_FINITE: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity };

/** The fixture's values as the printers take them (int64 as bigint, so no precision is lost). */
function elements({ dtype, values }: RandomCase): (number | bigint | boolean)[] {
  if (dtype === 'int64') return values.map((v) => BigInt(v as string));
  if (dtype === 'bool') return values as boolean[];
  return values.map((v) => (typeof v === 'string' ? NON_FINITE[v] : (v as number)));
}

describe('random tensors printed by torch', () => {
  it.each(load('random-torch.json').map((c, i) => [i, c] as const))('case %i', (_i, c) => {
    expect(formatTensor(elements(c), c.shape, c.dtype, c.suffix)).toBe(c.expected);
  });
});

describe('random arrays printed by numpy', () => {
  it.each(load('random-numpy.json').map((c, i) => [i, c] as const))('case %i', (_i, c) => {
    expect(formatNumpyArray(elements(c), c.shape, c.dtype)).toBe(c.expected);
  });
});
