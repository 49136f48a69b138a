// Contour lines and filled contours of a recorded grid, traced by d3-contour (marching squares,
// ISC licence) and painted under a Chart.js plot's datasets, so paths and points drawn with
// plt.plot/plt.scatter sit on top, and zoom and pan move the contours with the axes.
import { contours } from 'd3-contour';
import type { Chart, Plugin } from 'chart.js';
import type { PlotSeries } from '../../core/python/cell-result.ts';
import { normaliser, viridis } from './colormap.ts';

type Ring = [number, number][];

/** One traced level: its rings in data coordinates, with its colour. */
interface TracedLevel {
  level: number;
  colour: string;
  /** Rings of the region at or above the level (d3-contour's polygons). */
  polygons: Ring[][];
  /** Where the level's line runs: the rings without the stretches along the grid's border. */
  lines: Ring[];
}

export interface ContourLayer {
  filled: boolean;
  levels: TracedLevel[];
}

/** Traces a 'contour' or 'contourf' series of the grid it was given. */
export function traceContours(series: PlotSeries): ContourLayer {
  const columns = series.columns ?? 1;
  const z = series.z ?? [];
  const rows = Math.floor(z.length / columns);
  const levels = series.levels ?? [];
  const filled = series.kind === 'contourf';
  const colourOf = normaliser(levels[0] ?? 0, levels.at(-1) ?? 0);
  const tracer = contours().size([columns, rows]).thresholds(levels);
  const toData = gridToData(series.x, series.y, columns, rows);
  const traced = levels.map((level, i) => {
    const [shape] = tracer.thresholds([level])(z);
    const gridPolygons = (shape?.coordinates ?? []).map((polygon) =>
      polygon.map((ring): Ring => ring.map((point) => [point[0]!, point[1]!])),
    );
    const inData = (ring: Ring): Ring => ring.map(([u, v]) => toData(u, v));
    const polygons = gridPolygons.map((polygon) => polygon.map(inData));
    const lines = gridPolygons.flatMap((polygon) =>
      polygon.flatMap((ring) => interiorRuns(ring, columns, rows).map(inData)),
    );
    // A band is coloured by its middle, a line by its level (as matplotlib does).
    const middle = filled && i + 1 < levels.length ? (level + levels[i + 1]!) / 2 : level;
    return { level, colour: viridis(colourOf(middle)), polygons, lines };
  });
  return { filled, levels: traced };
}

/**
 * d3-contour puts grid node (i, j) at (i + 0.5, j + 0.5); this maps such a point to data
 * coordinates by bilinear interpolation of the X and Y grids (exact for meshgrid's grids).
 */
function gridToData(xs: number[], ys: number[], columns: number, rows: number) {
  return (u: number, v: number): [number, number] => {
    const i = Math.min(columns - 1, Math.max(0, u - 0.5));
    const j = Math.min(rows - 1, Math.max(0, v - 0.5));
    const i0 = Math.min(columns - 2, Math.floor(i));
    const j0 = Math.min(rows - 2, Math.floor(j));
    const [fi, fj] = [i - i0, j - j0];
    const at = (grid: number[]) => {
      const corner = (di: number, dj: number) => grid[(j0 + dj) * columns + i0 + di]!;
      return (
        corner(0, 0) * (1 - fi) * (1 - fj) +
        corner(1, 0) * fi * (1 - fj) +
        corner(0, 1) * (1 - fi) * fj +
        corner(1, 1) * fi * fj
      );
    };
    return [at(xs), at(ys)];
  };
}

/** The stretches of a ring that do not run along the grid's outer border. */
function interiorRuns(ring: Ring, columns: number, rows: number): Ring[] {
  const onBorder = ([u, v]: [number, number]) =>
    u <= 0.5 || u >= columns - 0.5 || v <= 0.5 || v >= rows - 0.5;
  const runs: Ring[] = [];
  let run: Ring = [];
  for (let k = 0; k < ring.length; k++) {
    const point = ring[k]!;
    const previous = ring[k - 1];
    if (previous && onBorder(previous) && onBorder(point)) {
      if (run.length > 1) runs.push(run);
      run = [point];
    } else run.push(point);
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

/** Paints the layers in the chart's plotting area, beneath its datasets (`labelled`: each line's
 * level written on it, as plt.clabel asks). */
export function contourPlugin(layers: ContourLayer[], labelled = false): Plugin {
  return {
    id: 'gradlab-contours',
    beforeDatasetsDraw(chart: Chart) {
      const { ctx, chartArea, scales } = chart;
      const px = ([x, y]: [number, number]): [number, number] => [
        scales.x!.getPixelForValue(x),
        scales.y!.getPixelForValue(y),
      ];
      ctx.save();
      ctx.beginPath();
      ctx.rect(chartArea.left, chartArea.top, chartArea.width, chartArea.height);
      ctx.clip();
      for (const layer of layers) {
        if (layer.filled) paintBands(ctx, layer, px);
        else paintLines(ctx, layer, px);
      }
      if (labelled) for (const layer of layers) writeLevels(ctx, layer, px);
      ctx.restore();
    },
  };
}

type ToPixels = (point: [number, number]) => [number, number];

function addRing(ctx: CanvasRenderingContext2D, ring: Ring, px: ToPixels, close: boolean) {
  ring.forEach((point, k) => {
    const [x, y] = px(point);
    if (k === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  if (close) ctx.closePath();
}

/** Band k: the region above level k less the region above level k + 1 (even-odd fill). */
function paintBands(ctx: CanvasRenderingContext2D, layer: ContourLayer, px: ToPixels) {
  layer.levels.slice(0, -1).forEach((band, k) => {
    ctx.beginPath();
    for (const polygon of [...band.polygons, ...layer.levels[k + 1]!.polygons]) {
      for (const ring of polygon) addRing(ctx, ring, px, true);
    }
    ctx.fillStyle = band.colour;
    ctx.fill('evenodd');
  });
}

function paintLines(ctx: CanvasRenderingContext2D, layer: ContourLayer, px: ToPixels) {
  ctx.lineWidth = 1.5;
  for (const traced of layer.levels) {
    ctx.beginPath();
    for (const run of traced.lines) addRing(ctx, run, px, false);
    ctx.strokeStyle = traced.colour;
    ctx.stroke();
  }
}

/** Each level's value at the middle of its longest line, on a small clearing. */
function writeLevels(ctx: CanvasRenderingContext2D, layer: ContourLayer, px: ToPixels) {
  ctx.font = '11px sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const traced of layer.levels) {
    const longest = traced.lines.reduce<Ring>((a, b) => (b.length > a.length ? b : a), []);
    const middle = longest[Math.floor(longest.length / 2)];
    if (!middle) continue;
    const [x, y] = px(middle);
    const text = String(Number(traced.level.toPrecision(4)));
    const width = ctx.measureText(text).width + 4;
    ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
    ctx.fillRect(x - width / 2, y - 7, width, 14);
    ctx.fillStyle = traced.colour;
    ctx.fillText(text, x, y);
  }
}
