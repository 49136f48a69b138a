// Lesson Markdown to HTML the renderer can insert as is: markdown-it, then sanitize-html with
// an allow-list (no script, no event handlers, no javascript: URLs, no SVG, no `id`/`name`
// that could clobber globals), then KaTeX's formulas in their places (see math.ts).
import sanitizeHtml from 'sanitize-html';
import type { Token } from 'markdown-it';
import { markdownIt } from './markdown.ts';
import type { MathProblem, RenderEnv } from './math.ts';
import { insertFormulas, newRenderEnv } from './math.ts';

const MATHML_TAGS = [
  'math',
  'semantics',
  'annotation',
  'mrow',
  'mi',
  'mn',
  'mo',
  'ms',
  'mtext',
  'mspace',
  'msup',
  'msub',
  'msubsup',
  'mfrac',
  'msqrt',
  'mroot',
  'mover',
  'munder',
  'munderover',
  'mtable',
  'mtr',
  'mtd',
  'mlabeledtr',
  'mpadded',
  'mphantom',
  'menclose',
  'mstyle',
];

const MATHML_ATTRIBUTES = [
  'mathvariant',
  'mathcolor',
  'mathbackground',
  'displaystyle',
  'scriptlevel',
  'stretchy',
  'fence',
  'separator',
  'minsize',
  'maxsize',
  'lspace',
  'rspace',
  'accent',
  'accentunder',
  'notation',
  'width',
  'height',
  'depth',
  'voffset',
  'linethickness',
  'columnalign',
  'columnspacing',
  'columnlines',
  'rowalign',
  'rowspacing',
  'rowlines',
  'frame',
  'encoding',
  'display',
  'xmlns',
  'style',
];

// Lengths, colours and keywords only: no url(), no expression(), no quotes.
const SAFE_STYLE_VALUE = /^(?!.*(?:url|expression)\s*\()[-\w\s.,%#()]*$/i;
// A margin of one plain length that is not negative (no calc()): a negative margin could pull
// the element over the app outside the lesson's box.
const NON_NEGATIVE_LENGTH = /^(?:auto|0|\d*\.?\d+(?:px|em|ex|rem|pt|%))$/i;
// Nothing that takes an element out of the lesson's box: no position (fixed, absolute, sticky)
// nor its offsets, no z-index, no transform, no negative margin.
const STYLE_PROPERTIES = [
  'height',
  'width',
  'min-width',
  'max-width',
  'vertical-align',
  'padding-left',
  'padding-right',
  'border',
  'border-style',
  'border-color',
  'border-width',
  'border-top-width',
  'border-bottom-width',
  'border-left-width',
  'border-right-width',
  'color',
  'background-color',
  'text-align',
];
const MARGIN_PROPERTIES = ['margin-left', 'margin-right', 'margin-top', 'margin-bottom'];

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags,
    'img',
    'span',
    'del',
    's',
    'details',
    'summary',
    ...MATHML_TAGS,
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    span: ['class', 'style', 'aria-hidden'],
    code: ['class'],
    pre: ['class'],
    div: ['class'],
    th: ['style'],
    td: ['style'],
    ...Object.fromEntries(MATHML_TAGS.map((tag) => [tag, MATHML_ATTRIBUTES])),
  },
  allowedStyles: {
    '*': Object.fromEntries([
      ...STYLE_PROPERTIES.map((property) => [property, [SAFE_STYLE_VALUE]]),
      ...MARGIN_PROPERTIES.map((property) => [property, [NON_NEGATIVE_LENGTH]]),
    ]),
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  parser: { lowerCaseAttributeNames: false },
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
};

export interface RenderedMarkdown {
  html: string;
  /** Formulas KaTeX could not typeset (shown as their source). */
  mathProblems: MathProblem[];
}

/** Sanitises any HTML (for example rendered by us) to what a lesson may contain. */
function sanitizeLessonHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

export function renderMarkdown(markdown: string): RenderedMarkdown {
  const env = newRenderEnv();
  return finish(markdownIt.render(markdown, env), env);
}

/** Renders tokens of a document parsed with `env` (keeps its reference links). */
export function renderTokens(tokens: Token[], parseEnv: RenderEnv): RenderedMarkdown {
  const env: RenderEnv = { ...parseEnv, ...newRenderEnv() };
  return finish(markdownIt.renderer.render(tokens, markdownIt.options, env), env);
}

/** One line of inline Markdown (a heading's text) to safe HTML without a paragraph. */
export function renderInline(markdown: string): RenderedMarkdown {
  const env = newRenderEnv();
  return finish(markdownIt.renderInline(markdown, env), env);
}

function finish(html: string, env: RenderEnv): RenderedMarkdown {
  return {
    html: insertFormulas(sanitizeLessonHtml(html), env.formulas),
    mathProblems: env.mathProblems,
  };
}
