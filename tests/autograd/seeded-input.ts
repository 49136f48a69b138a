// Deterministic float64 inputs for the finite-difference tests: the same values on every run.
import * as A from '../../core/autograd/index.ts';

/**
 * A maker of float64 tensors with values in [low, high) that require grad. Unless given, a
 * tensor's seed is its rank plus `seedOffset`, so each test file draws its own values.
 */
export function seededInputs(
  seedOffset: number,
): (shape: number[], low?: number, high?: number, seed?: number) => A.Tensor {
  return (shape, low = -2, high = 2, seed = shape.length + seedOffset) => {
    const n = shape.reduce((p, d) => p * d, 1);
    let state = seed * 2654435761;
    const values = Array.from({ length: n }, () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return low + ((high - low) * state) / 2147483648;
    });
    return A.tensor(values, shape, { dtype: 'float64', requiresGrad: true });
  };
}
