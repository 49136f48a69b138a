// Plot text and lines in the page's theme: Chart.js draws ticks, axis titles, legend and title in
// the page's text colour and the grid in --plot-grid (styles.css, 3:1 or more against the page in
// both themes), and every chart follows a switch between light and dark.
import { Chart } from 'chart.js';

function applyPageColours(): void {
  const style = getComputedStyle(document.documentElement);
  Chart.defaults.color = style.getPropertyValue('--fg').trim();
  Chart.defaults.borderColor = style.getPropertyValue('--plot-grid').trim();
}

/** Sets Chart.js's colours from the page now, and again (redrawing every chart) on a theme switch. */
export function followPageTheme(): void {
  applyPageColours();
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    applyPageColours();
    for (const chart of Object.values(Chart.instances)) chart.update('none');
  });
}
