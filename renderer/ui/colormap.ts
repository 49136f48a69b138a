// matplotlib's default colour map, viridis, through five of its published stops (linear in
// between): what contour fills, contour lines and surfaces are coloured with, low to high.
const stops: [number, number, number][] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/** The colour at t in [0, 1] (clamped), as an rgb() string. */
export function viridis(t: number): string {
  const at = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const low = Math.min(stops.length - 2, Math.floor(at));
  const f = at - low;
  const [a, b] = [stops[low]!, stops[low + 1]!];
  const mix = (i: number) => Math.round(a[i]! + (b[i]! - a[i]!) * f);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

/** Maps values in [low, high] to [0, 1] (the middle when they are all equal). */
export function normaliser(low: number, high: number): (value: number) => number {
  return high > low ? (value) => (value - low) / (high - low) : () => 0.5;
}
