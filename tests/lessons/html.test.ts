// Lesson HTML is safe to insert: nothing in a lesson file can run JavaScript, while KaTeX's
// maths (HTML + MathML) comes through intact.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import katex from 'katex';
import { parseLesson } from '../../core/lessons/parse.ts';
import { renderMarkdown } from '../../core/lessons/html.ts';
import { repoRoot } from '../support/shared.ts';

function allHtml(): string {
  const file = 'tests/fixtures/lessons/hostile.md';
  const { lesson, problems } = parseLesson(file, readFileSync(join(repoRoot, file), 'utf8'));
  expect(problems).toEqual([]);
  return (lesson?.steps ?? [])
    .flatMap((step) => step.blocks)
    .map((block) => {
      if (block.kind === 'markdown') return block.html;
      if (block.kind === 'practice') return [block.html.prompt, ...block.html.hints].join('\n');
      return '';
    })
    .join('\n');
}

describe('sanitised lesson HTML', () => {
  const html = allHtml();

  it('has no script, iframe or event handler', () => {
    expect(html).not.toMatch(/<script|<iframe/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('has no javascript: URL in any attribute or style', () => {
    expect(html).not.toMatch(/(href|src|style)="[^"]*javascript:/i);
    expect(html).not.toMatch(/url\(/i);
  });

  it('turns KaTeX \\href, \\url, \\htmlData and \\htmlClass into plain text', () => {
    expect(html).toContain('\\href');
    expect(html).toContain('\\htmlData');
    expect(html).not.toMatch(/data-foo|class="[^"]*evil/);
    expect(html).not.toMatch(/<a [^>]*href="[^"]*alert/);
  });

  it('keeps the harmless parts: text, links, images', () => {
    expect(html).toContain('an HTML link');
    expect(html).toContain('<img src="https://example.com/x.png" />');
    expect(html).toContain('Add them.');
  });

  it('puts in the output of KaTeX unchanged', () => {
    for (const tex of [
      '\\frac{dy}{dx} = 2x + 2',
      '\\sqrt{x^2+1}',
      '\\frac{\\partial f}{\\partial u}',
      '\\begin{cases} x & x > 0 \\\\ 0 & x \\le 0 \\end{cases}',
    ]) {
      const expected = katex.renderToString(tex, { displayMode: true, output: 'htmlAndMathml' });
      expect(renderMarkdown(`$$${tex}$$`).html).toContain(expected);
    }
  });

  it('gives maths both MathML (for screen readers) and HTML', () => {
    const { html: rendered } = renderMarkdown('The derivative is $2x$.');
    expect(rendered).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML">');
    expect(rendered).toContain('class="katex-html" aria-hidden="true"');
  });
});

describe('styles in lesson HTML', () => {
  const styleOf = (html: string) => /style="([^"]*)"/.exec(renderMarkdown(html).html)?.[1] ?? '';

  it.each([
    'position: fixed; top: 0; left: 0; width: 100%; height: 100%',
    'position: absolute; bottom: -10px; right: 0',
    'position: sticky; top: 0',
    'z-index: 2147483647',
    'transform: translate(-500px, -500px)',
    'margin-top: -1000px; margin-left: -2em',
    'margin-left: calc(0px - 1000px)',
  ])('drops what could leave the lesson box: %s', (style) => {
    const kept = styleOf(`<span style="${style}">cover</span>`);
    expect(kept).not.toMatch(/position|top|bottom|left|right|z-index|transform|margin|-\d/);
  });

  it('keeps harmless styles: colours, alignment, non-negative margins', () => {
    expect(styleOf('<span style="color: #c00; margin-left: 1em; margin-top: 0">x</span>')).toBe(
      'color:#c00;margin-left:1em;margin-top:0',
    );
    expect(styleOf('<table><tr><td style="text-align: right">1</td></tr></table>')).toBe(
      'text-align:right',
    );
  });
});
