// Element values built the way torch and numpy compute them, so tests can print real tensors.

/** torch.linspace for float32 as PyTorch 2.11's CPU kernel computes it: a float32 step, the
 * first half counted up from start and the second half down from end, each value one fused
 * multiply-add rounded once to float32 (step * i is exact in a double, so one fround does it).
 * Rounding the product separately is 1 ulp off at 338 of the 1000 points of linspace(-10, 10). */
export function torchLinspace(start: number, end: number, steps: number): number[] {
  const f = Math.fround;
  if (steps === 1) return [f(start)];
  const step = f(f(f(end) - f(start)) / (steps - 1));
  const halfway = Math.floor(steps / 2);
  return Array.from({ length: steps }, (_, i) =>
    i < halfway ? f(f(start) + step * i) : f(f(end) - step * (steps - i - 1)),
  );
}

/** numpy.linspace in float64: start + i * step, with the last value exactly stop. */
export function numpyLinspace(start: number, stop: number, count: number): number[] {
  const step = (stop - start) / (count - 1);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? stop : i * step + start));
}

/** 0, 1, ..., n - 1 mapped through fn (torch.arange / numpy.arange followed by an op). */
export function range(n: number, fn: (i: number) => number = (i) => i): number[] {
  return Array.from({ length: n }, (_, i) => fn(i));
}

/** Python's print(*parts): items joined by a space, then a newline. */
export function printed(...parts: string[]): string {
  return parts.join(' ') + '\n';
}
