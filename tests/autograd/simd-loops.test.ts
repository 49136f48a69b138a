// The WebAssembly SIMD loops must give exactly what the JS loops give (same float32 rounding,
// same treatment of NaN, infinities and signed zeros), for every length (chunk and lane tails),
// and the engine must work unchanged where WebAssembly cannot run them.
import { describe, expect, it } from 'vitest';
import * as A from '../../core/autograd/index.ts';
import { thresholdBackward } from '../../core/autograd/ops/binary.ts';
import {
  loadKernels,
  setSimdEnabled,
  simdAvailable,
  type WasmApi,
} from '../../core/autograd/wasm/simd-loops.ts';

const LENGTHS = [64, 67, 1001, 8192, 2 * 8192 + 5];
const SPECIAL = [NaN, Infinity, -Infinity, 0, -0, 1e-45, -1e-45, 3.4e38, -3.4e38, 1, -1];

/** Seeded values: mostly ordinary, every 7th a special value (NaN, ±inf, ±0, subnormal, huge). */
function values(n: number, seed: number): Float32Array {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Float32Array.from({ length: n }, (_, i) =>
    i % 7 === 3
      ? SPECIAL[Math.floor(next() * SPECIAL.length)]
      : (next() - 0.5) * 2 ** (next() * 20 - 10),
  );
}

/** What `compute` gives with the SIMD loops and with the JS loops. */
function bothPaths(compute: () => A.Tensor): [Float32Array, Float32Array] {
  const previous = setSimdEnabled(true);
  try {
    const fast = compute().values() as Float32Array;
    setSimdEnabled(false);
    const plain = compute().values() as Float32Array;
    return [fast, plain];
  } finally {
    setSimdEnabled(previous);
  }
}

/** Indices where the two differ (Object.is: NaN equals NaN, 0 differs from -0). */
function differences(fast: Float32Array, plain: Float32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < plain.length; i++) if (!Object.is(fast[i], plain[i])) out.push(i);
  return out;
}

describe('float32 SIMD loops', () => {
  it('are available here, so the comparisons below compare two paths', () => {
    expect(simdAvailable()).toBe(true);
  });

  const cases: [string, (a: A.Tensor, b: A.Tensor) => A.Tensor][] = [
    ['a * b', (a, b) => A.mul(a, b)],
    ['a * a', (a) => A.mul(a, a)],
    ['a + b', (a, b) => A.add(a, b)],
    ['a + a', (a) => A.add(a, a)],
    ['a - b', (a, b) => A.sub(a, b)],
    ['a - 0.1', (a) => A.sub(a, 0.1)],
    ['0.1 - a (reflected)', (a) => A.rsub(a, 0.1)],
    ['a / b', (a, b) => A.div(a, b)],
    ['a / 3', (a) => A.div(a, 3)],
    ['3 / a (reflected)', (a) => A.rdiv(a, 3)],
    ['a - b with alpha 0.5', (a, b) => A.sub(a, b, { alpha: 0.5 })],
    ['a * 2.5', (a) => A.mul(a, 2.5)],
    ['0.1 * a (scalar first)', (a) => A.mul(A.tensor([0.1]), a)],
    ['a + 0.1', (a) => A.add(a, 0.1)],
    ['a + b with alpha 3', (a, b) => A.add(a, b, { alpha: 3 })],
    ['relu', (a) => A.relu(a)],
    ['relu backward', (a, b) => thresholdBackward(a, b, 0)],
    ['threshold 0.1 (not a float32)', (a, b) => thresholdBackward(a, b, 0.1)],
  ];
  for (const n of LENGTHS)
    for (const [name, op] of cases)
      it(`${name} equals the JS loop, ${n} elements`, () => {
        const a = A.tensor(values(n, n), [n]);
        const b = A.tensor(values(n, n + 1), [n]);
        const [fast, plain] = bothPaths(() => op(a, b));
        expect(differences(fast, plain)).toEqual([]);
      });

  for (const n of [...LENGTHS, 128 * 16 + 1, 1_000_003])
    it(`the float32 sum adds in ATen's order as the JS loop does, ${n} elements`, () => {
      const x = A.tensor(values(n, 2 * n), [n]);
      const finite = A.tensor(
        Array.from(values(n, 3 * n), (v) => (Number.isFinite(v) ? v : 0.5)),
        [n],
      );
      for (const t of [x, finite]) {
        const [fast, plain] = bothPaths(() => A.sum(t));
        expect(differences(fast, plain)).toEqual([]);
      }
    });

  it('give the same gradients for sum(relu(x*x + 2*x)) and accumulate the same', () => {
    const n = 2 * 8192 + 3;
    const grads = bothPaths(() => {
      const x = A.tensor(values(n, 5), [n], { requiresGrad: true });
      for (let pass = 0; pass < 2; pass++)
        A.sum(A.relu(A.add(A.mul(x, x), A.mul(x, 2)))).backward();
      return x.grad as A.Tensor;
    });
    expect(differences(...grads)).toEqual([]);
  });
});

describe('accumulating x * x', () => {
  // sum(x*x + 3*x): 3*x's backward runs first (made later), then x*x sends g*x twice into the
  // same .grad. Torch adds the two one after the other, rounding each sum to float32.
  for (const simd of [true, false])
    it(`adds its two gradients in turn, rounding each time (${simd ? 'SIMD' : 'JS loops'})`, () => {
      const n = 8192 + 7;
      const data = values(n, 11).map((v) => (Number.isFinite(v) ? v : 1.5));
      const previous = setSimdEnabled(simd);
      try {
        const x = A.tensor(data, [n], { requiresGrad: true });
        A.sum(A.add(A.mul(x, x), A.mul(x, 3))).backward();
        const inTurn = Array.from(data, (v) => Math.fround(Math.fround(3 + v) + v));
        const doubledFirst = Array.from(data, (v) => Math.fround(3 + 2 * v));
        expect(differences(x.grad!.values() as Float32Array, Float32Array.from(inTurn))).toEqual(
          [],
        );
        expect(inTurn).not.toEqual(doubledFirst); // the order is visible in these values
      } finally {
        setSimdEnabled(previous);
      }
    });
});

describe('without SIMD', () => {
  const bytesValidate = (ok: boolean): WasmApi =>
    ({
      validate: () => ok,
      Memory: Object,
      Module: Object,
      Instance: Object,
    }) as unknown as WasmApi;

  it('no loops load where WebAssembly is missing, lacks SIMD or may not compile', () => {
    expect(loadKernels(undefined)).toBeNull();
    expect(loadKernels(bytesValidate(false))).toBeNull();
    const refused = {
      ...bytesValidate(true),
      Module: function () {
        throw new Error('Refused to compile WebAssembly: CSP');
      },
    } as unknown as WasmApi;
    expect(loadKernels(refused)).toBeNull();
  });

  it('the engine computes with its JS loops alone', () => {
    const previous = setSimdEnabled(false);
    try {
      // Long enough for the loops, were they on; the kink x = -2 has gradient 0 as in torch.
      const pattern = [-3, -2, -1, 0, 0.5, 3];
      const x = A.tensor(Array(20).fill(pattern).flat(), [120], { requiresGrad: true });
      A.sum(A.relu(A.add(A.mul(x, x), A.mul(x, 2)))).backward();
      expect(Array.from(x.grad!.values())).toEqual(Array(20).fill([-4, 0, 0, 0, 3, 8]).flat());
    } finally {
      setSimdEnabled(previous);
    }
  });
});
