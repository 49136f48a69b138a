// Tracing contours for the notebook (renderer/ui/contour-layer.ts, d3-contour): median and
// slowest of 30 runs on a 100 × 100 loss grid with 10 levels, lines and filled bands.
import { traceContours } from '../renderer/ui/contour-layer.ts';

const size = 100;
const x: number[] = [];
const y: number[] = [];
const z: number[] = [];
for (let row = 0; row < size; row++) {
  for (let column = 0; column < size; column++) {
    const w = -2 + (4 * column) / (size - 1);
    const b = -2 + (4 * row) / (size - 1);
    x.push(w);
    y.push(b);
    z.push((w - 0.5) ** 2 + 2 * (b + 0.3) ** 2 + 0.5 * w * b);
  }
}
const levels = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18];

for (const kind of ['contour', 'contourf'] as const) {
  const times: number[] = [];
  for (let run = 0; run < 30; run++) {
    const start = performance.now();
    traceContours({ kind, x, y, z, columns: size, levels, label: null });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${kind}: ${size}x${size} grid, ${levels.length} levels: median ${times[15]!.toFixed(1)} ms, ` +
      `slowest ${times.at(-1)!.toFixed(1)} ms`,
  );
}
