// Plots a cell recorded with matplotlib, drawn with Chart.js: legend, axis titles, tooltips,
// zoom (wheel, pinch, drag) and LTTB decimation so a million points stay fast.
import {
  Chart,
  Decimation,
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
  Decimation,
  zoomPlugin,
);

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

function points(line: PlotLine): { x: number; y: number }[] {
  const n = Math.min(line.x.length, line.y.length);
  const data = new Array<{ x: number; y: number }>(n);
  for (let i = 0; i < n; i++) data[i] = { x: line.x[i]!, y: line.y[i]! };
  return data;
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
      maintainAspectRatio: true,
      aspectRatio: 1.8,
      interaction: { mode: 'nearest', intersect: false, axis: 'x' },
      scales: {
        x: { type: 'linear', title: axisTitle(plot.xlabel) },
        y: { type: 'linear', title: axisTitle(plot.ylabel) },
      },
      plugins: {
        title: axisTitle(plot.title),
        legend: { display: plot.legend || plot.lines.some((line) => line.label) },
        decimation: { enabled: true, algorithm: 'lttb', samples: 1000, threshold: 2000 },
        zoom: {
          zoom: { wheel: { enabled: true }, pinch: { enabled: true }, mode: 'xy' },
          pan: { enabled: true, mode: 'xy', modifierKey: 'shift' },
        },
      },
    },
  });
  const reset = button('Reset zoom', () => chart.resetZoom(), { class: 'small' });
  const figure = h('figure', { class: 'plot' }, h('div', { class: 'plot-canvas' }, canvas), reset);
  return { figure, chart };
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
