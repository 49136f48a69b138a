// Min-max decimation of plotted lines (renderer/ui/decimate.ts): what a student sees of a
// million-point plot keeps every peak and trough, in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimate } from '../../renderer/ui/decimate.ts';

function line(n: number, f: (x: number) => number): { xs: Float64Array; ys: Float64Array } {
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = i / (n - 1);
    ys[i] = f(xs[i]!);
  }
  return { xs, ys };
}

describe('decimate', () => {
  it('keeps short lines whole', () => {
    const { xs, ys } = line(50, (x) => x * x);
    expect(decimate(xs, ys, 100)).toHaveLength(50);
  });

  it('reduces a million points to two per bucket, keeping the extremes and the x order', () => {
    const { xs, ys } = line(1_000_000, (x) => Math.sin(40 * x));
    ys[123_457] = 5; // a one-sample spike must survive
    const points = decimate(xs, ys, 1000);
    expect(points.length).toBeLessThanOrEqual(2000);
    expect(Math.max(...points.map((p) => p.y))).toBe(5);
    expect(Math.min(...points.map((p) => p.y))).toBeCloseTo(-1, 6);
    for (let i = 1; i < points.length; i++) expect(points[i]!.x).toBeGreaterThan(points[i - 1]!.x);
  });

  it('shows only the visible range after a zoom, in full detail', () => {
    const { xs, ys } = line(1_000_000, (x) => x);
    const points = decimate(xs, ys, 1000, 0.5, 0.5001);
    expect(points.length).toBeGreaterThan(90);
    expect(points.every((p) => p.x >= 0.5 && p.x <= 0.5001)).toBe(true);
  });

  it('returns points of the line only, whatever the data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true }), { maxLength: 300 }),
        fc.integer({ min: 1, max: 50 }),
        (values, buckets) => {
          const xs = values.map((_, i) => i);
          const points = decimate(xs, values, buckets);
          expect(points.length).toBeLessThanOrEqual(Math.max(values.length, 2 * buckets));
          for (const p of points) expect(values[p.x]).toBe(p.y);
        },
      ),
    );
  });
});
