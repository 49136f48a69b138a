// Min-max decimation: a line of any length reduced to at most two points per horizontal bucket
// (each bucket's lowest and highest y, in x order), so spikes survive and a million points
// draw as fast as a few thousand. Re-run on the visible range after a zoom for full detail.

export interface Point {
  x: number;
  y: number;
}

/** Points of the line with x in [from, to], at most 2 * buckets of them. */
export function decimate(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  buckets: number,
  from = -Infinity,
  to = Infinity,
): Point[] {
  const n = Math.min(xs.length, ys.length);
  let first = 0;
  while (first < n && !(xs[first]! >= from)) first++;
  let last = n - 1;
  while (last >= first && !(xs[last]! <= to)) last--;
  const count = last - first + 1;
  if (count <= 2 * buckets) {
    const all: Point[] = [];
    for (let i = first; i <= last; i++) all.push({ x: xs[i]!, y: ys[i]! });
    return all;
  }
  const out: Point[] = [];
  const size = count / buckets;
  for (let bucket = 0; bucket < buckets; bucket++) {
    const start = first + Math.floor(bucket * size);
    const end = Math.min(last + 1, first + Math.floor((bucket + 1) * size));
    let low = start;
    let high = start;
    for (let i = start + 1; i < end; i++) {
      if (ys[i]! < ys[low]!) low = i;
      if (ys[i]! > ys[high]!) high = i;
    }
    for (const i of low <= high ? [low, high] : [high, low]) {
      if (out.at(-1)?.x !== xs[i]) out.push({ x: xs[i]!, y: ys[i]! });
    }
  }
  return out;
}
