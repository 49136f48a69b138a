// One configured markdown-it for lessons: CommonMark plus tables and strikethrough, `$maths$`,
// and raw HTML allowed at parse time (the seed is full of it; html.ts sanitises every output).
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { mathPlugin } from './math.ts';
import type { RenderEnv } from './math.ts';
import { newRenderEnv } from './math.ts';

export const markdownIt = new MarkdownIt('default', { html: true, linkify: false }).use(mathPlugin);

export interface ParsedMarkdown {
  /** Block-level tokens, each with its 0-based `map` of source lines. */
  tokens: Token[];
  /** The parse environment (link reference definitions) to render the tokens with. */
  env: RenderEnv;
}

export function parseMarkdown(text: string): ParsedMarkdown {
  const env = newRenderEnv();
  return { tokens: markdownIt.parse(text, env), env };
}
