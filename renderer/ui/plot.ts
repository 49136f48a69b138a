// Plots a cell recorded with matplotlib, drawn with Chart.js: legend, axis titles, tooltips,
// zoom (wheel, pinch, shift-drag to pan). Lines are min-max decimated before Chart.js sees them
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
import { button, h } from './dom.ts';
import { decimate } from './decimate.ts';
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

export interface PlotLine {
  x: number[];
  y: number[];
  label: string | null;
}

export interface PlotData {
  lines: PlotLine[];
  xlabel: string | null;
  ylabel: string | null;
  title: string | null;
  legend: boolean;
}

const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];

/** Horizontal buckets for min-max decimation: about one per pixel column of a wide plot. */
const buckets = 1000;

/** The line's points within the visible x range, decimated to what the canvas can show. */
function points(line: PlotLine, from?: number, to?: number) {
  return decimate(line.x, line.y, buckets, from, to);
}

function axisTitle(text: string | null) {
  return { display: Boolean(text), text: text ?? '' };
}

/** Draws one plot; returns its figure element and the chart (for tests and benchmarks). */
export function plotFigure(plot: PlotData): { figure: HTMLElement; chart: Chart } {
  const canvas = h('canvas', { role: 'img', 'aria-label': describe(plot) });
  const began = performance.now();
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      datasets: plot.lines.map((line, i) => ({
        label: line.label ?? `line ${i + 1}`,
        data: points(line),
        borderColor: palette[i % palette.length],
        backgroundColor: palette[i % palette.length],
        borderWidth: 2,
        pointRadius: line.x.length > 50 ? 0 : 2,
        indexAxis: 'x' as const,
      })),
    },
    plugins: [drawTiming(began)],
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      // The box's shape is set in styles.css: wide on a desktop, a readable height on a phone.
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', intersect: false, axis: 'x' },
      scales: {
        x: { type: 'linear', title: axisTitle(plot.xlabel), ...xExtent(plot) },
        y: { type: 'linear', title: axisTitle(plot.ylabel) },
      },
      plugins: {
        title: axisTitle(plot.title),
        legend: { display: plot.legend || plot.lines.some((line) => line.label) },
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

/** The full x range of the plot, so "Reset zoom" returns to all of it. */
function xExtent(plot: PlotData): { min?: number; max?: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const line of plot.lines) {
    for (const x of line.x) {
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  return min <= max ? { min, max } : {};
}

/** After a zoom or pan: the visible part of each line, decimated afresh for full detail. */
function showRange(chart: Chart, plot: PlotData): void {
  const { min, max } = chart.scales.x!;
  plot.lines.forEach((line, i) => {
    chart.data.datasets[i]!.data = points(line, min, max);
  });
  chart.update('none');
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

function describe(plot: PlotData): string {
  const names = plot.lines.map((line) => line.label).filter(Boolean);
  const what = plot.title ?? (names.length ? names.join(' and ') : 'plot');
  const axes = [plot.xlabel, plot.ylabel].filter(Boolean).join(' against ');
  return `Plot: ${what}${axes ? ` (${axes})` : ''}`;
}
