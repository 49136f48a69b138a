// Maths in lesson Markdown: `$...$` inline and `$$...$$` display, typeset by KaTeX with
// HTML + MathML output (screen readers read the MathML) and `trust: false`, so \href,
// \htmlData and friends never produce links or attributes. A formula KaTeX rejects is shown
// as its source and recorded in the render environment for `gradlab check`.
//
// KaTeX's output is kept aside and a placeholder goes into the Markdown's HTML: html.ts
// sanitises the HTML, then puts the formulas back. KaTeX builds its output itself (with
// `trust: false` nothing of the source becomes markup), and sanitising its thousands of
// styled spans would cost most of a lesson's rendering time.
import katex from 'katex';
import type { Env, MarkdownIt, StateInline } from 'markdown-it';

export interface MathProblem {
  tex: string;
  message: string;
}

/** The markdown-it `env` our renderer fills; a fresh one per render. */
export interface RenderEnv extends Env {
  mathProblems: MathProblem[];
  /** KaTeX HTML of each formula, by placeholder number. */
  formulas: string[];
}

export function newRenderEnv(): RenderEnv {
  return { mathProblems: [], formulas: [] };
}

const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

/** Puts the formulas back in place of their placeholders, and drops stray placeholder marks. */
export function insertFormulas(html: string, formulas: readonly string[]): string {
  return html
    .replace(PLACEHOLDER, (_match, index: string) => formulas[Number(index)] ?? '')
    .replace(/[\uE000\uE001]/g, '');
}

function renderTex(tex: string, displayMode: boolean, env: RenderEnv): string {
  try {
    const html = katex.renderToString(tex, {
      displayMode,
      output: 'htmlAndMathml',
      trust: false,
      throwOnError: true,
      strict: 'ignore',
    });
    env.formulas.push(html);
    return `${OPEN}${env.formulas.length - 1}${CLOSE}`;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // KaTeX appends " at position N: <the formula with combining underlines>": drop it.
    const message = reason
      .replace(/^KaTeX parse error: /, '')
      .replace(/ at position \d+:[\s\S]*$/, '');
    env.mathProblems.push({ tex, message });
    return `<code class="math-error">${escapeHtml(tex)}</code>`;
  }
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * The closing delimiter's position for a formula opened before `from`: the first `delimiter` at
 * or after `from` not preceded by `\\`. Every `$` of a paragraph asks, so each answer is kept on
 * the inline state: it also answers any later `from` up to it, and a paragraph of unclosed `$`s
 * (`\\$` repeated) is scanned once instead of once per `$`.
 */
function closingDelimiter(state: StateInline, from: number, delimiter: string): number {
  const scans = (state as ScannedState).mathClosers ?? ((state as ScannedState).mathClosers = {});
  const last = scans[delimiter];
  if (last && from >= last.from && (last.at === -1 || from <= last.at)) return last.at;
  const { src } = state;
  let at = src.indexOf(delimiter, from);
  while (at !== -1 && src[at - 1] === '\\') at = src.indexOf(delimiter, at + 1);
  scans[delimiter] = { from, at };
  return at;
}

/** markdown-it's own rules keep their scans on the state the same way (`backticksScanned`). */
type ScannedState = StateInline & {
  mathClosers?: Record<string, { from: number; at: number } | undefined>;
};

function mathInline(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src[pos] !== '$') return false;
  const delimiter = src[pos + 1] === '$' ? '$$' : '$';
  const end = closingDelimiter(state, pos + delimiter.length, delimiter);
  if (end === -1) return false;
  const tex = src.slice(pos + delimiter.length, end);
  if (tex.trim() === '') return false;
  if (!silent) {
    const token = state.push(delimiter === '$$' ? 'math_display' : 'math_inline', 'math', 0);
    token.content = tex;
    token.markup = delimiter;
  }
  state.pos = end + delimiter.length;
  return true;
}

export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.after('escape', 'math', mathInline);
  md.renderer.rules.math_inline = (tokens, index, _options, env) =>
    renderTex(tokens[index].content, false, renderEnv(env));
  md.renderer.rules.math_display = (tokens, index, _options, env) =>
    renderTex(tokens[index].content, true, renderEnv(env));
}

/** markdown-it passes the caller's `env` through untyped; a foreign one records nothing. */
function renderEnv(env: Env | undefined): RenderEnv {
  const { mathProblems, formulas } = env ?? {};
  return env && Array.isArray(mathProblems) && Array.isArray(formulas)
    ? { ...env, mathProblems, formulas }
    : newRenderEnv();
}
