// One configured markdown-it for lessons: CommonMark with raw HTML allowed at parse time (the
// seed is full of it; the HTML renderer sanitises everything it emits).
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

export const markdownIt = new MarkdownIt('commonmark', { html: true, linkify: false });

/** Block-level tokens of a Markdown text, each with its 0-based `map` of source lines. */
export function blockTokens(text: string): Token[] {
  return markdownIt.parse(text, {});
}
