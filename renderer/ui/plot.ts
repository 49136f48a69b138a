// Plots a cell recorded with matplotlib, drawn with Chart.js: lines, scatter points, contours
// (contour-layer.ts) and text, with legend, axis titles, tooltips, zoom (wheel, pinch, shift-drag
// to pan). 3-D axes go to plot3d.ts. Lines are min-max decimated before Chart.js sees them
// (measured: a million points as objects through Chart.js's own decimation plugin took 1.6 s to
// draw), and decimated again for the visible range after each zoom, so no detail is lost.
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
  type Plugin,
} from 'chart.js';
import zoomModule from 'chartjs-plugin-zoom';
import type { PlotRecord, PlotSeries } from '../../core/python/cell-result.ts';
import { button, h } from './dom.ts';
import { decimate } from './decimate.ts';
import { contourPlugin, traceContours, type ContourLayer } from './contour-layer.ts';
import { normaliser, viridis } from './colormap.ts';
import { plot3dFigure } from './plot3d.ts';
import { followPageTheme } from './plot-theme.ts';

// The plugin's types describe a CommonJS module; its ES build's default export is the plugin.
const zoomPlugin = zoomModule as unknown as Plugin;

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  Legend,
  Title,
  Tooltip,
  zoomPlugin,
);
followPageTheme();

const threeD = new Set<PlotSeries['kind']>(['surface', 'line3d', 'scatter3d']);

const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];

/** Horizontal buckets for min-max decimation: about one per pixel column of a wide plot. */
const buckets = 1000;

/** The line's points within the visible x range, decimated to what the canvas can show. */
function points(line: PlotSeries, from?: number, to?: number) {
  return decimate(line.x, line.y, buckets, from, to);
}

function axisTitle(text: string | null) {
  return { display: Boolean(text), text: text ?? '' };
}

/** One set of axes as the notebook shows it: a chart, or a turnable 3-D view. */
export function plotElement(plot: PlotRecord): HTMLElement {
  return plot.lines.some((series) => threeD.has(series.kind))
    ? plot3dFigure(plot)
    : plotFigure(plot).figure;
}

/** Draws one 2-D plot; returns its figure element and the chart (for tests and benchmarks). */
export function plotFigure(plot: PlotRecord): { figure: HTMLElement; chart: Chart } {
  const canvas = h('canvas', { role: 'img', 'aria-label': describe(plot) });
  const began = performance.now();
  const drawn = plot.lines.filter((series) => series.kind === 'line' || series.kind === 'scatter');
  const contours = plot.lines
    .filter((series) => series.kind === 'contour' || series.kind === 'contourf')
    .map(traceContours);
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      datasets: drawn.map((line, i) => ({
        label: plot.legendLabels?.[i] ?? line.label ?? `${line.kind} ${i + 1}`,
        data: points(line),
        borderColor: palette[i % palette.length],
        backgroundColor: palette[i % palette.length],
        borderWidth: 2,
        showLine: line.kind === 'line',
        pointRadius: line.kind === 'scatter' ? 3 : line.x.length > 50 ? 0 : 2,
        indexAxis: 'x' as const,
      })),
    },
    plugins: [
      drawTiming(began),
      contourPlugin(contours, plot.contourLabels),
      textPlugin(plot),
      ...(plot.colorbar ? [colourbarPlugin(contours)] : []),
    ],
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      // The box's shape is set in styles.css: wide on a desktop, a readable height on a phone.
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', intersect: false, axis: 'x' },
      layout: { padding: { right: plot.colorbar ? 70 : 0 } },
      scales: {
        x: { type: 'linear', title: axisTitle(plot.xlabel), ...extent(plot, 'x') },
        y: { type: 'linear', title: axisTitle(plot.ylabel), ...extent(plot, 'y') },
      },
      plugins: {
        title: axisTitle(plot.title),
        legend: {
          display: drawn.length > 0 && (plot.legend || drawn.some((line) => line.label)),
        },
        zoom: {
          zoom: {
            wheel: { enabled: true },
            pinch: { enabled: true },
            mode: 'xy',
            onZoomComplete: ({ chart }) => showRange(chart, plot),
          },
          pan: {
            enabled: true,
            mode: 'xy',
            modifierKey: 'shift',
            onPanComplete: ({ chart }) => showRange(chart, plot),
          },
        },
      },
    },
  });
  const reset = button(
    'Reset zoom',
    () => {
      chart.resetZoom();
      showRange(chart, plot);
    },
    { class: 'small' },
  );
  const figure = h('figure', { class: 'plot' }, h('div', { class: 'plot-canvas' }, canvas), reset);
  return { figure, chart };
}

/**
 * The range of an axis, so "Reset zoom" returns to all of it: the limits the cell set, else the
 * full x range of the data (and the y range too where contours cover the plot, since Chart.js
 * scales to its datasets only).
 */
function extent(plot: PlotRecord, axis: 'x' | 'y'): { min?: number; max?: number } {
  const limits = axis === 'x' ? plot.xlim : plot.ylim;
  if (limits) return { min: limits[0], max: limits[1] };
  const hasGrid = plot.lines.some((series) => series.columns !== undefined);
  if (axis === 'y' && !hasGrid) return {};
  let min = Infinity;
  let max = -Infinity;
  for (const series of plot.lines) {
    for (const value of series[axis]) {
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  return min <= max ? { min, max } : {};
}

/** After a zoom or pan: the visible part of each line, decimated afresh for full detail. */
function showRange(chart: Chart, plot: PlotRecord): void {
  const { min, max } = chart.scales.x!;
  plot.lines
    .filter((series) => series.kind === 'line' || series.kind === 'scatter')
    .forEach((line, i) => {
      chart.data.datasets[i]!.data = points(line, min, max);
    });
  chart.update('none');
}

/** plt.text: each text at its data coordinates. */
function textPlugin(plot: PlotRecord): Plugin {
  return {
    id: 'gradlab-texts',
    afterDatasetsDraw(chart) {
      const { ctx, scales } = chart;
      ctx.save();
      ctx.fillStyle = getComputedStyle(chart.canvas).color || '#333';
      ctx.font = '13px sans-serif';
      for (const { x, y, text } of plot.texts ?? []) {
        ctx.fillText(text, scales.x!.getPixelForValue(x), scales.y!.getPixelForValue(y));
      }
      ctx.restore();
    },
  };
}

/** plt.colorbar: the contour levels' colours, low to high, beside the plot. */
function colourbarPlugin(layers: ContourLayer[]): Plugin {
  return {
    id: 'gradlab-colourbar',
    afterDraw(chart) {
      const levels = layers.flatMap((layer) => layer.levels.map((traced) => traced.level));
      if (levels.length === 0) return;
      const { ctx, chartArea } = chart;
      const [low, high] = [Math.min(...levels), Math.max(...levels)];
      const position = normaliser(low, high);
      const left = chartArea.right + 16;
      const height = chartArea.bottom - chartArea.top;
      ctx.save();
      for (let k = 0; k < height; k++) {
        ctx.fillStyle = viridis(1 - k / height);
        ctx.fillRect(left, chartArea.top + k, 14, 1);
      }
      ctx.fillStyle = getComputedStyle(chart.canvas).color || '#333';
      ctx.font = '11px sans-serif';
      for (const level of levels) {
        const y = chartArea.bottom - position(level) * height;
        ctx.fillText(String(Number(level.toPrecision(4))), left + 18, y + 4);
      }
      ctx.restore();
    },
  };
}

/** Marks the first drawing of a chart on the page's performance timeline (`npm run bench:ui`). */
function drawTiming(began: number): Plugin<'line'> {
  let drawn = false;
  return {
    id: 'gradlab-draw-timing',
    afterRender(chart) {
      if (drawn) return;
      drawn = true;
      const points = chart.data.datasets.reduce((sum, dataset) => sum + dataset.data.length, 0);
      performance.measure('gradlab:plot-drawn', { start: began, detail: { points } });
    },
  };
}

function describe(plot: PlotRecord): string {
  const names = plot.lines.map((line) => line.label).filter(Boolean);
  const what = plot.title ?? (names.length ? names.join(' and ') : 'plot');
  const axes = [plot.xlabel, plot.ylabel].filter(Boolean).join(' against ');
  return `Plot: ${what}${axes ? ` (${axes})` : ''}`;
}
