// 3-D axes (surfaces, lines and points from mpl_toolkits.mplot3d), drawn on a canvas by our own
// small painter: an orthographic view of the unit box the data is scaled into, quads sorted back
// to front. Dragging turns the view; the arrow keys do the same from the keyboard. A plotting
// library with 3-D (plotly's gl3d bundle) would add megabytes for what these 200 lines do.
import type { PlotRecord, PlotSeries } from '../../core/python/cell-result.ts';
import { h } from './dom.ts';
import { normaliser, viridis } from './colormap.ts';

const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];

interface View {
  /** Turn about the vertical axis and tilt, in degrees (matplotlib's default view). */
  azimuth: number;
  elevation: number;
}

type Point3 = [number, number, number];

/** Scales each axis of the data into [-0.5, 0.5], as 3-D axes box their data. */
function boxScaler(series: PlotSeries[]): (p: Point3) => Point3 {
  const ranges = [0, 1, 2].map((axis) => {
    let low = Infinity;
    let high = -Infinity;
    for (const s of series) {
      const values = axis === 0 ? s.x : axis === 1 ? s.y : (s.z ?? []);
      for (const v of values) {
        if (!Number.isFinite(v)) continue;
        if (v < low) low = v;
        if (v > high) high = v;
      }
    }
    return low <= high ? [low, high] : [0, 1];
  });
  return (p) =>
    p.map((v, axis) => {
      const [low, high] = ranges[axis]!;
      return high > low ? (v - low) / (high - low) - 0.5 : 0;
    }) as Point3;
}

/** Rotates a boxed point for the view: x right, y up the screen, depth towards the viewer. */
function project([x, y, z]: Point3, view: View): Point3 {
  const a = ((view.azimuth - 90) * Math.PI) / 180;
  const e = (view.elevation * Math.PI) / 180;
  const rx = x * Math.cos(a) - y * Math.sin(a);
  const ry = x * Math.sin(a) + y * Math.cos(a);
  return [rx, z * Math.cos(e) - ry * Math.sin(e), ry * Math.cos(e) + z * Math.sin(e)];
}

interface Shape {
  depth: number;
  points: Point3[];
  fill: string | null;
  stroke: string;
  dot?: boolean;
}

function shapesOf(plot: PlotRecord, scale: (p: Point3) => Point3): Shape[] {
  const shapes: Shape[] = [];
  plot.lines.forEach((series, index) => {
    const colour = palette[index % palette.length]!;
    const z = series.z ?? [];
    const at = (k: number) => scale([series.x[k]!, series.y[k]!, z[k]!]);
    if (series.kind === 'surface') {
      const columns = series.columns ?? 1;
      const rows = Math.floor(z.length / columns);
      const colourOf = normaliser(Math.min(...z), Math.max(...z));
      for (let r = 0; r + 1 < rows; r++) {
        for (let c = 0; c + 1 < columns; c++) {
          const corners = [
            r * columns + c,
            r * columns + c + 1,
            (r + 1) * columns + c + 1,
            (r + 1) * columns + c,
          ];
          const mean = corners.reduce((sum, k) => sum + z[k]!, 0) / 4;
          shapes.push({
            depth: 0,
            points: corners.map(at),
            fill: viridis(colourOf(mean)),
            stroke: 'rgba(0,0,0,0.25)',
          });
        }
      }
    } else if (series.kind === 'line3d') {
      for (let k = 0; k + 1 < series.x.length; k++) {
        shapes.push({ depth: 0, points: [at(k), at(k + 1)], fill: null, stroke: colour });
      }
    } else {
      for (let k = 0; k < series.x.length; k++) {
        shapes.push({ depth: 0, points: [at(k)], fill: colour, stroke: colour, dot: true });
      }
    }
  });
  return shapes;
}

const boxEdges: [Point3, Point3][] = (() => {
  const corners: Point3[] = [];
  for (const x of [-0.5, 0.5])
    for (const y of [-0.5, 0.5]) for (const z of [-0.5, 0.5]) corners.push([x, y, z]);
  const edges: [Point3, Point3][] = [];
  corners.forEach((a, i) =>
    corners.slice(i + 1).forEach((b) => {
      if (a.filter((v, k) => v !== b[k]).length === 1) edges.push([a, b]);
    }),
  );
  return edges;
})();

function draw(canvas: HTMLCanvasElement, plot: PlotRecord, shapes: Shape[], view: View): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width, height } = canvas;
  const size = Math.min(width, height) * 0.62;
  const toScreen = (p: Point3): [number, number] => {
    const [x, y] = project(p, view);
    return [width / 2 + x * size, height * 0.52 - y * size];
  };
  ctx.clearRect(0, 0, width, height);
  ctx.font = `${Math.round(size / 18)}px sans-serif`;
  ctx.strokeStyle = 'rgba(128,128,128,0.6)';
  ctx.lineWidth = 1;
  for (const [a, b] of boxEdges) {
    ctx.beginPath();
    ctx.moveTo(...toScreen(a));
    ctx.lineTo(...toScreen(b));
    ctx.stroke();
  }
  const labels: [string | null | undefined, Point3][] = [
    [plot.xlabel, [0, -0.75, -0.5]],
    [plot.ylabel, [0.75, 0, -0.5]],
    [plot.zlabel, [-0.7, -0.7, 0]],
  ];
  ctx.fillStyle = getComputedStyle(canvas).color || '#333';
  ctx.textAlign = 'center';
  for (const [text, at] of labels) if (text) ctx.fillText(text, ...toScreen(at));
  if (plot.title) ctx.fillText(plot.title, width / 2, size / 12 + 4);
  for (const shape of shapes) {
    shape.depth =
      shape.points.reduce((sum, p) => sum + project(p, view)[2], 0) / shape.points.length;
  }
  // Back to front, so nearer quads cover farther ones.
  for (const shape of [...shapes].sort((a, b) => a.depth - b.depth)) {
    ctx.beginPath();
    if (shape.dot) {
      const [x, y] = toScreen(shape.points[0]!);
      ctx.arc(x, y, 3, 0, 2 * Math.PI);
    } else {
      shape.points.forEach((p, k) =>
        k === 0 ? ctx.moveTo(...toScreen(p)) : ctx.lineTo(...toScreen(p)),
      );
      if (shape.fill) ctx.closePath();
    }
    if (shape.fill) {
      ctx.fillStyle = shape.fill;
      ctx.fill();
    }
    ctx.strokeStyle = shape.stroke;
    ctx.lineWidth = shape.fill ? 0.5 : 2;
    ctx.stroke();
  }
}

/** Draws one set of 3-D axes; drag (or the arrow keys) to turn it. */
export function plot3dFigure(plot: PlotRecord): HTMLElement {
  const canvas = h('canvas', {
    role: 'img',
    tabindex: '0',
    'aria-label': `3-D plot${plot.title ? `: ${plot.title}` : ''} (drag or use the arrow keys to turn it)`,
  });
  canvas.width = 720;
  canvas.height = 540;
  const view: View = { azimuth: -60, elevation: 30 };
  const shapes = shapesOf(plot, boxScaler(plot.lines));
  const redraw = () => draw(canvas, plot, shapes, view);
  let dragging: { x: number; y: number } | null = null;
  canvas.addEventListener('pointerdown', (event) => {
    dragging = { x: event.clientX, y: event.clientY };
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!dragging) return;
    turn(view, event.clientX - dragging.x, event.clientY - dragging.y);
    dragging = { x: event.clientX, y: event.clientY };
    redraw();
  });
  canvas.addEventListener('pointerup', () => (dragging = null));
  canvas.addEventListener('keydown', (event) => {
    const step = {
      ArrowLeft: [-10, 0],
      ArrowRight: [10, 0],
      ArrowUp: [0, -10],
      ArrowDown: [0, 10],
    }[event.key];
    if (!step) return;
    event.preventDefault();
    turn(view, step[0]!, step[1]!);
    redraw();
  });
  redraw();
  return h('figure', { class: 'plot plot-3d' }, h('div', { class: 'plot-canvas' }, canvas));
}

function turn(view: View, dx: number, dy: number): void {
  view.azimuth -= dx * 0.5;
  view.elevation = Math.max(-90, Math.min(90, view.elevation + dy * 0.5));
}
