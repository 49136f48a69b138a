// Random numbers against PyTorch 1.13's CPU generator: the probes of tools/rng-probes/probes.py,
// whose draws real PyTorch recorded (tests/fixtures/rng-probes.json, written by
// tools/rng-probes/generate.py), each run in Gradlab's runtime after `import torch`; the same
// digest code packs the draws as the bytes of their dtype, so equal hashes mean equal bits.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PythonKernel } from '../../core/python/kernel.ts';
import { startNodeKernel } from '../../cli/python-node.ts';
import { maskAddresses } from './compare.ts';

interface Digest {
  sha256: string;
  tensors: [string, number[]][];
  values: number;
  head: string;
  float64?: string[];
  sha256_not_float64?: string;
}

interface RngFixture {
  meta: { torch: string; digest: string; libm: { probes: string[]; reason: string } };
  cases: Record<string, Digest & { code: string }>;
  outputs: Record<string, { code: string; stdout: string; error: string | null }>;
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/rng-probes.json', import.meta.url), 'utf8'),
) as RngFixture;
const libm = new Set(fixture.meta.libm.probes);
let kernel: PythonKernel;

beforeAll(async () => {
  kernel = await startNodeKernel();
});

function run(code: string): Digest {
  kernel.runCell('import torch', { fresh: true });
  const drawn = kernel.runCell(code);
  expect(drawn.error).toBeNull();
  const digest = kernel.runCell(fixture.meta.digest);
  expect(digest.error).toBeNull();
  return JSON.parse(digest.stdout) as Digest;
}

/** The float64 values of a hex dump (little-endian, 8 bytes each) as 64-bit integers. */
function float64Bits(hex: string): bigint[] {
  const bytes = Buffer.from(hex, 'hex');
  return Array.from({ length: bytes.length / 8 }, (_, i) => bytes.readBigInt64LE(i * 8));
}

/** How many values differ in their last bit; fails on anything larger. */
function lastBitDifferences(actual: string, expected: string, where: string): number {
  const a = float64Bits(actual);
  const e = float64Bits(expected);
  expect(a.length, where).toBe(e.length);
  let differing = 0;
  e.forEach((bits, i) => {
    if (a[i] === bits) return;
    differing++;
    expect(a[i] - bits === 1n || bits - a[i] === 1n, `${where}[${i}] differs beyond 1 ulp`).toBe(
      true,
    );
  });
  return differing;
}

describe(`random draws against PyTorch ${fixture.meta.torch}`, () => {
  it.each(Object.entries(fixture.cases).filter(([name]) => !libm.has(name)))(
    '%s: every bit equal',
    (_name, expected) => {
      const actual = run(expected.code);
      expect(actual.tensors).toEqual(expected.tensors);
      expect(actual.head).toBe(expected.head);
      expect(actual.sha256).toBe(expected.sha256);
    },
  );

  // LIBM_REASON in the generator: glibc misrounds a few float64 log/sin/cos results.
  it.each(Object.entries(fixture.cases).filter(([name]) => libm.has(name)))(
    '%s: every bit equal but the last of at most 1% of float64 values',
    (name, expected) => {
      const actual = run(expected.code);
      expect(actual.tensors).toEqual(expected.tensors);
      expect(actual.sha256_not_float64).toBe(expected.sha256_not_float64);
      const expectedFloat64 = expected.float64 ?? [];
      let differing = 0;
      let total = 0;
      expectedFloat64.forEach((hex, i) => {
        differing += lastBitDifferences(actual.float64?.[i] ?? '', hex, `${name} tensor ${i}`);
        total += hex.length / 16;
      });
      expect(differing).toBeLessThanOrEqual(Math.ceil(total / 100));
    },
  );

  it.each(Object.entries(fixture.outputs))('%s: prints as in PyTorch', (_name, expected) => {
    kernel.runCell('import torch', { fresh: true });
    const actual = kernel.runCell(expected.code);
    expect(maskAddresses(actual.stdout)).toBe(maskAddresses(expected.stdout));
    expect(actual.error ?? null).toBe(expected.error);
  });
});
