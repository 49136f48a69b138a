// Zoom for the graph drawing: buttons (and + / - / 0 on the focused drawing) scale it, the
// wheel with Ctrl zooms as browsers do, and the box around it scrolls to pan.
import { button, h } from '../ui/dom.ts';

const STEP = 1.25;
const MIN = 0.2;
const MAX = 4;

export function zoomable(svg: SVGSVGElement, width: number, height: number): HTMLElement {
  let scale = 1;
  const frame = h('div', {
    class: 'graph-frame',
    tabindex: 0,
    role: 'group',
    'aria-label': 'Graph drawing; + and - zoom, 0 fits',
  });
  frame.append(svg);
  const readout = h('span', { class: 'graph-zoom-level', 'aria-live': 'polite' }, '100%');
  const apply = (next: number) => {
    scale = Math.min(MAX, Math.max(MIN, next));
    svg.setAttribute('width', String(Math.round(width * scale)));
    svg.setAttribute('height', String(Math.round(height * scale)));
    readout.textContent = `${Math.round(scale * 100)}%`;
  };
  const fit = () => apply(Math.min(1, (frame.clientWidth || width) / width));
  frame.addEventListener('wheel', (event) => {
    if (!event.ctrlKey) return;
    event.preventDefault();
    apply(scale * (event.deltaY < 0 ? STEP : 1 / STEP));
  });
  frame.addEventListener('keydown', (event) => {
    if (event.key === '+' || event.key === '=') apply(scale * STEP);
    else if (event.key === '-') apply(scale / STEP);
    else if (event.key === '0') fit();
    else return;
    event.preventDefault();
  });
  const controls = h(
    'div',
    { class: 'graph-zoom' },
    button('−', () => apply(scale / STEP), { 'aria-label': 'Zoom out' }),
    readout,
    button('+', () => apply(scale * STEP), { 'aria-label': 'Zoom in' }),
    button('Fit', fit, { 'aria-label': 'Fit the graph to the width' }),
  );
  return h('div', { class: 'graph-zoomable' }, controls, frame);
}
