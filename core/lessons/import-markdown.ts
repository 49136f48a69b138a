// Notebook-style Markdown (a Jupyter lab exported to Markdown, such as the seed) as a lesson
// file: front matter from its first title, `<h2>` headings as steps, and each practice prompt
// whose code cell is followed by "Double-click here for the solution" and a hidden HTML comment
// turned into a ```practice item of type code with that solution.
import { stringify } from 'yaml';
import type { Token } from 'markdown-it';
import { parseMarkdown } from './markdown.ts';
import { hiddenSolution, isPythonFence, trimTrailingBlankLines } from './markdown-cells.ts';
import type { ConvertedLesson, LineOrigin } from './converted.ts';
import { frontMatterLines, lessonIdFromFile } from './converted.ts';

interface Edit {
  /** 0-based line range [start, end) of the source replaced by `lines`. */
  start: number;
  end: number;
  lines: string[];
}

const LEAF_TENSOR = /^\s*([A-Za-z_]\w*)\s*=\s*torch\.\w+\(.*requires_grad\s*=\s*True/gm;

export function notebookMarkdownToLesson(file: string, text: string): ConvertedLesson {
  const lines = text.split('\n');
  const { tokens } = parseMarkdown(text);
  const edits: Edit[] = [];
  let title: string | undefined;
  let practiceCount = 0;

  tokens.forEach((token, index) => {
    if (token.level !== 0 || !token.map) return;
    const [start, end] = token.map;
    if (token.type === 'heading_open' && token.tag === 'h1' && title === undefined) {
      title = tokens[index + 1].content.trim();
      edits.push({ start, end, lines: [] });
    } else if (token.type === 'html_block') {
      const rewritten = rewriteHtmlHeadings(token.content, title === undefined);
      if (rewritten.title !== undefined) title = rewritten.title;
      if (rewritten.lines) edits.push({ start, end, lines: rewritten.lines });
    }
    const solution = hiddenSolution(tokens, index);
    const fenceIndex = index - 4;
    const fence = tokens[fenceIndex];
    if (
      !solution ||
      !fence ||
      !isPythonFence(fence) ||
      tokens[index - 3]?.type !== 'paragraph_open'
    )
      return;
    practiceCount += 1;
    const prompt = promptBefore(tokens, fenceIndex, lines);
    const item = practiceYaml(
      `practice-${practiceCount}`,
      prompt.text,
      fence.content,
      solution.code,
    );
    // The prompt paragraphs, the starter cell, the "for the solution" line and the comment.
    edits.push({ start: prompt.start, end, lines: ['```practice', ...item, '```'] });
  });

  const output: string[] = [];
  const origins: LineOrigin[] = [];
  const pushLines = (added: string[], line: number, exact: boolean) => {
    for (const [offset, text] of added.entries()) {
      output.push(text);
      origins.push({ line: exact ? line + offset : line, column: exact ? 1 : 0 });
    }
  };
  const header = frontMatterLines(lessonIdFromFile(file), title ?? lessonIdFromFile(file));
  pushLines(header, 1, false);
  const sorted = edits.sort((a, b) => a.start - b.start);
  let next = 0;
  for (let line = 0; line < lines.length;) {
    const edit = sorted[next];
    if (edit && edit.start === line) {
      pushLines(edit.lines, line + 1, false);
      line = Math.max(edit.end, line + 1);
      next += 1;
      while (sorted[next] && sorted[next].start < line) next += 1;
      continue;
    }
    pushLines([lines[line]], line + 1, true);
    line += 1;
  }
  return { text: output.join('\n'), origins };
}

/** `<h1>T</h1>` becomes the title; `<h2 ...>T</h2>` a `## T` heading that starts a step. */
function rewriteHtmlHeadings(
  html: string,
  wantTitle: boolean,
): { title?: string; lines?: string[] } {
  const result: { title?: string; lines?: string[] } = {};
  let rest = html;
  const h1 = /^\s*<h1[^>]*>([\s\S]*?)<\/h1>\s*/i.exec(rest);
  if (h1 && wantTitle) {
    result.title = stripTags(h1[1]);
    rest = rest.slice(h1[0].length);
  }
  const h2 = /^\s*<h2[^>]*>([\s\S]*?)<\/h2>\s*/i.exec(rest);
  if (h2) rest = `## ${stripTags(h2[1])}\n\n${rest.slice(h2[0].length)}`;
  if (rest !== html) result.lines = trimTrailingBlankLines(rest).split('\n');
  return result;
}

function stripTags(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The paragraphs right before a practice cell (back to the previous heading or cell). */
function promptBefore(
  tokens: Token[],
  fenceIndex: number,
  lines: string[],
): { text: string; start: number } {
  const fenceStart = tokens[fenceIndex].map?.[0] ?? 0;
  let start = fenceStart;
  for (let index = fenceIndex - 1; index >= 0; index -= 1) {
    const token = tokens[index];
    if (token.level !== 0) continue;
    if (token.type === 'paragraph_close' || token.type === 'inline') continue;
    if (token.type !== 'paragraph_open' || !token.map) break;
    start = token.map[0];
  }
  const text = trimTrailingBlankLines(lines.slice(start, fenceStart).join('\n')).trim();
  return { text: text || 'Complete the code below.', start };
}

/** The practice item's YAML: the solution's leaf tensors' gradients are what is checked. */
function practiceYaml(id: string, prompt: string, starter: string, solution: string): string[] {
  const leaves = [...solution.matchAll(LEAF_TENSOR)].map((match) => match[1]);
  const item = {
    id,
    prompt,
    answer: {
      type: 'code',
      starter: trimTrailingBlankLines(starter),
      checks: [...new Set(leaves)].map((leaf) => ({ expr: `${leaf}.grad` })),
      requireBackward: leaves.length > 0,
    },
    solution,
  };
  return trimTrailingBlankLines(stringify(item, { lineWidth: 0 })).split('\n');
}
