// Python cells of notebook-style Markdown: every ```python fence, and each solution the seed
// hides in an HTML comment right after a "Double-click here for the solution" paragraph that
// follows the student's code cell (after a question in prose the hidden answer is prose too).
import type { Token } from 'markdown-it';
import type { NotebookCell } from './notebook-cell.ts';
import { parseMarkdown } from './markdown.ts';

const PYTHON_INFO: ReadonlySet<string> = new Set([
  'python',
  'python3',
  'py',
  'ipython',
  'ipython3',
]);
const SOLUTION_PROMPT = /for the solution/i;
const WHOLE_COMMENT = /^<!--([\s\S]*?)-->\s*$/;
/** "Your answer is below:", "The solution:": a sentence introducing the hidden code (IBM's labs). */
const LEAD_IN = /^\s*(?:your |the )?(?:answer|solution)\b[^=()[\]{}#'"]*:\s*$/i;

/** A top-level ```python fence (fences inside lists or quotes are only shown). */
export function isPythonFence(token: Token): boolean {
  return token.type === 'fence' && token.level === 0 && PYTHON_INFO.has(fenceLanguage(token.info));
}

/** The first word of a fence's info string, lower-cased (```Python title="x" -> 'python'). */
export function fenceLanguage(info: string): string {
  return (info.trim().split(/\s+/)[0] ?? '').toLowerCase();
}

export function markdownCells(text: string): NotebookCell[] {
  const { tokens } = parseMarkdown(text);
  const cells: NotebookCell[] = [];
  tokens.forEach((token, index) => {
    const startLine = token.map ? token.map[0] : 0;
    if (isPythonFence(token)) {
      cells.push({
        kind: 'code',
        code: trimTrailingBlankLines(token.content),
        line: startLine + 2,
      });
      return;
    }
    const solution = hiddenSolution(tokens, index);
    // The student's cell is the fence before the prompt, or (in a notebook's Markdown cell that
    // starts with the prompt) the code cell before this one, which the caller checks.
    const before = tokens[index - 4];
    const afterCode = index === 3 || (before !== undefined && isPythonFence(before));
    if (solution !== null && afterCode)
      cells.push({ kind: 'solution', code: solution.code, line: startLine + 1 + solution.offset });
  });
  return cells;
}

/** The code of an HTML comment that follows a "... for the solution" paragraph, else null. */
export function hiddenSolution(
  tokens: Token[],
  index: number,
): { code: string; offset: number } | null {
  const token = tokens[index];
  if (token.type !== 'html_block') return null;
  const comment = WHOLE_COMMENT.exec(token.content.trim());
  const prompt = tokens[index - 2];
  if (!comment || tokens[index - 1]?.type !== 'paragraph_close' || prompt?.type !== 'inline')
    return null;
  if (!SOLUTION_PROMPT.test(prompt.content)) return null;
  const lines = trimTrailingBlankLines(comment[1]).split('\n');
  let offset = 0;
  while (lines.length > 0 && (lines[0].trim() === '' || LEAD_IN.test(lines[0]))) {
    lines.shift();
    offset += 1;
  }
  if (lines.length === 0) return null;
  return { code: dedent(lines).join('\n'), offset };
}

/** Removes trailing lines that hold only whitespace (a notebook export's padding). */
export function trimTrailingBlankLines(code: string): string {
  const lines = code.split('\n');
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.join('\n');
}

/** Strips the indentation all non-blank lines share (a comment's code may be indented). */
function dedent(lines: string[]): string[] {
  const indents = lines
    .filter((line) => line.trim() !== '')
    .map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = Math.min(...indents);
  return lines.map((line) => line.slice(common));
}
