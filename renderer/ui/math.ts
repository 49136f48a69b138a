// KaTeX for maths the UI builds itself (derivatives, previews of answers). HTML for the eye and
// MathML for screen readers; a formula KaTeX cannot read shows as its source, never an exception.
import katex from 'katex';
import { trustedHtml } from './dom.ts';

function mathHtml(tex: string, display = false): string {
  return katex.renderToString(tex, {
    displayMode: display,
    output: 'htmlAndMathml',
    throwOnError: false,
    trust: false,
    strict: 'ignore',
  });
}

export function mathElement(tex: string, display = false): HTMLElement {
  return trustedHtml(display ? 'div' : 'span', mathHtml(tex, display), 'math');
}
