// Parses a lesson file (YAML front matter + Markdown + ```python / ```derivative / ```practice
// fences) into steps, reporting every structural problem at its line and column. Checks that
// need Python, the symbolic engine or the grader are in validate.ts.
import type { Token } from 'markdown-it';
import type {
  DerivativeBlock,
  Lesson,
  LessonBlock,
  LessonMeta,
  LessonProblem,
  LessonStep,
  PracticeBlock,
  PracticeItem,
  SourcePosition,
} from './types.ts';
import type { PositionedMessage, YamlBlock } from './yaml-block.ts';
import { readYamlBlock } from './yaml-block.ts';
import { derivativeSchema, frontMatterSchema, practiceSchema } from './schema.ts';
import { parseMarkdown } from './markdown.ts';
import type { ParsedMarkdown } from './markdown.ts';
import { fenceLanguage, isPythonFence, trimTrailingBlankLines } from './markdown-cells.ts';
import { renderInline, renderMarkdown, renderTokens } from './html.ts';
import type { MathProblem } from './math.ts';
import { closestWord } from './suggest.ts';
import { normalizeDerivative, normalizePractice } from './normalize.ts';
import type { LineOrigin } from './converted.ts';

const BLOCK_KINDS = ['python', 'derivative', 'practice'];

export interface ParsedLesson {
  /** Null when the front matter is missing or unusable; blocks with problems are left out. */
  lesson: Lesson | null;
  problems: LessonProblem[];
  /** Where each YAML block's keys are, for the checks of validate.ts. */
  yamlOf: Map<PracticeItem | DerivativeBlock, YamlBlock<unknown>>;
  /** For a lesson converted from another format: where each line came from. */
  origins?: LineOrigin[];
  /** Where the lesson's `id` is written (for problems about the id across a course). */
  idAt: SourcePosition;
}

export interface ParseOptions {
  /** Converted from a notebook: a heading with nothing under it is dropped, not a problem. */
  imported?: boolean;
}

interface FrontMatter {
  yaml: string;
  /** 0-based index of the closing `---` line. */
  closingLine: number;
}

export function parseLesson(
  file: string,
  source: string,
  options: ParseOptions = {},
): ParsedLesson {
  const text = normalizeText(source);
  const lines = text.split('\n');
  const problems: PositionedMessage[] = [];
  const yamlOf = new Map<PracticeItem | DerivativeBlock, YamlBlock<unknown>>();
  let idAt: SourcePosition = { line: 1, column: 1 };
  const finish = (lesson: Lesson | null): ParsedLesson => ({
    lesson,
    idAt,
    problems: problems
      .map((problem) => ({ file, ...problem }))
      .sort((a, b) => a.line - b.line || a.column - b.column),
    yamlOf,
  });

  const frontMatter = findFrontMatter(lines);
  if (frontMatter === 'unclosed') {
    problems.push(at(1, 1, "front matter: the '---' on line 1 is never closed by another '---'"));
    return finish(null);
  }
  if (frontMatter === null) {
    problems.push(
      at(1, 1, "a lesson starts with front matter: '---', then id: and title: lines, then '---'"),
    );
    return finish(null);
  }
  const metaBlock = readYamlBlock(
    frontMatter.yaml,
    { line: 2, column: 1 },
    0,
    frontMatterSchema,
    'front matter',
  );
  problems.push(...metaBlock.problems);
  idAt = metaBlock.locate(['id']);
  const meta: LessonMeta | undefined = metaBlock.value;

  // Blank out the front matter so markdown-it's line numbers are the file's.
  const body = lines
    .map((line, index) => (index <= frontMatter.closingLine ? '' : line))
    .join('\n');
  const steps = parseSteps(body, lines, meta?.title ?? '', problems, yamlOf, options).filter(
    (step) => !options.imported || step.blocks.length > 0,
  );
  if (steps.length === 0)
    problems.push(
      at(frontMatter.closingLine + 2, 1, 'the lesson has no content after its front matter'),
    );
  checkUniquePracticeIds(steps, yamlOf, problems);
  return finish(meta && steps.length > 0 ? { file, meta, steps } : null);
}

export function normalizeText(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function at(line: number, column: number, message: string): PositionedMessage {
  return { line, column, message };
}

function findFrontMatter(lines: string[]): FrontMatter | 'unclosed' | null {
  if (lines[0]?.trimEnd() !== '---') return null;
  const closing = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (closing === -1) return 'unclosed';
  return { yaml: lines.slice(1, closing).join('\n'), closingLine: closing };
}

/** Level-2 headings start steps; content before the first one is a step named by the lesson. */
function parseSteps(
  body: string,
  lines: string[],
  lessonTitle: string,
  problems: PositionedMessage[],
  yamlOf: ParsedLesson['yamlOf'],
  options: ParseOptions,
): LessonStep[] {
  const markdown = parseMarkdown(body);
  const { tokens } = markdown;
  const steps: LessonStep[] = [];
  let current: LessonStep | null = null;
  let pending: Token[] = [];
  let contentSinceHeading = false;

  const flushMarkdown = () => {
    if (pending.length === 0) return;
    const block = markdownBlock(pending, markdown, lines, problems);
    pending = [];
    addBlock(block);
  };
  const addBlock = (block: LessonBlock) => {
    if (!current) {
      const titleHtml = renderInline(lessonTitle).html;
      current = { title: lessonTitle, titleHtml, line: block.line, blocks: [] };
      steps.push(current);
    }
    current.blocks.push(block);
  };

  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    const line = (token.map?.[0] ?? 0) + 1;
    if (token.type === 'heading_open' && token.tag === 'h2' && token.level === 0) {
      flushMarkdown();
      if (current !== null && !contentSinceHeading) reportEmptyStep(current);
      contentSinceHeading = false;
      const title = tokens[index + 1].content.replace(/<[^>]*>/g, '').trim();
      const heading = renderInline(title);
      reportMath(heading.mathProblems, lines, { from: line, to: line }, problems);
      current = { title, titleHtml: heading.html, line, blocks: [] };
      steps.push(current);
      index += 2;
      continue;
    }
    contentSinceHeading = true;
    if (token.type !== 'fence') {
      pending.push(token);
      continue;
    }
    const language = fenceLanguage(token.info);
    const indent = /^ */.exec(lines[line - 1] ?? '')?.[0].length ?? 0;
    if (!fenceIsClosed(token, lines)) {
      problems.push(at(line, indent + 1, `this ${token.markup} fence is never closed`));
    }
    if (token.level > 0 && (language === 'practice' || language === 'derivative')) {
      problems.push(
        at(line, indent + 1, `a \`\`\`${language} block must not be inside a list or a quote`),
      );
    }
    const isBlock =
      token.level === 0 &&
      (isPythonFence(token) || language === 'derivative' || language === 'practice');
    if (!isBlock) {
      const guess = closestWord(language, BLOCK_KINDS);
      if (token.level === 0 && guess && language !== '')
        problems.push(
          at(line, indent + 1, `unknown block '${language}' (did you mean '${guess}'?)`),
        );
      pending.push(token);
      continue;
    }
    flushMarkdown();
    const origin: SourcePosition = { line: line + 1, column: indent + 1 };
    if (isPythonFence(token)) {
      const graph = graphOption(token.info);
      if (graph === null)
        problems.push(at(line, indent + 1, 'graph= takes on or off (```python graph=off)'));
      addBlock({
        kind: 'python',
        line: line + 1,
        code: trimTrailingBlankLines(token.content),
        ...(graph === false ? { graph } : {}),
      });
    } else if (language === 'derivative') {
      const yaml = readYamlBlock(token.content, origin, indent, derivativeSchema, 'derivative');
      problems.push(...yaml.problems);
      if (yaml.value) {
        const block = normalizeDerivative(yaml.value, line, yaml, problems);
        if (block) {
          yamlOf.set(block, yaml);
          addBlock(block);
        }
      }
    } else {
      const yaml = readYamlBlock(token.content, origin, indent, practiceSchema, 'practice');
      problems.push(...yaml.problems);
      if (yaml.value) {
        const block = practiceBlock(normalizePractice(yaml.value, line, yaml, problems), yaml);
        if (block) {
          yamlOf.set(block.item, yaml);
          addBlock(block);
        }
      }
    }
  }
  flushMarkdown();
  if (current !== null && !contentSinceHeading) reportEmptyStep(current);
  return steps;

  function reportEmptyStep(step: LessonStep) {
    if (options.imported) return;
    problems.push(at(step.line, 1, `the step '${step.title}' has no content before the next one`));
  }

  function practiceBlock(
    item: PracticeItem | null,
    yaml: YamlBlock<unknown>,
  ): PracticeBlock | null {
    if (!item) return null;
    const render = (markdownText: string, path: Array<string | number>) => {
      const rendered = renderMarkdown(markdownText);
      for (const math of rendered.mathProblems)
        problems.push({ ...yaml.locate(path), message: mathMessage(math) });
      return rendered.html;
    };
    return {
      kind: 'practice',
      line: item.line,
      item,
      html: {
        prompt: render(item.prompt, ['prompt']),
        hints: item.hints.map((hint, index) => render(hint, ['hints', index])),
        ...(item.explanation !== undefined && {
          explanation: render(item.explanation, ['explanation']),
        }),
      },
    };
  }
}

function fenceIsClosed(token: Token, lines: string[]): boolean {
  const [start, end] = token.map ?? [0, 0];
  if (end - start < 2) return false;
  const last = lines[end - 1]?.trim() ?? '';
  return last.startsWith(token.markup) && /^(`+|~+)$/.test(last);
}

function markdownBlock(
  tokens: Token[],
  markdown: ParsedMarkdown,
  lines: string[],
  problems: PositionedMessage[],
): LessonBlock {
  const mapped = tokens.filter((token) => token.map);
  const first = mapped[0]?.map?.[0] ?? 0;
  // Not Math.max(...): spreading a block of a hundred thousand tokens overflows the stack.
  const last = mapped.reduce((end, token) => Math.max(end, token.map?.[1] ?? first + 1), 0);
  const rendered = renderTokens(tokens, markdown.env);
  reportMath(rendered.mathProblems, lines, { from: first + 1, to: last }, problems);
  return {
    kind: 'markdown',
    line: first + 1,
    markdown: trimTrailingBlankLines(lines.slice(first, last).join('\n')),
    html: rendered.html,
  };
}

function mathMessage(problem: MathProblem): string {
  return `maths $${problem.tex}$ does not render: ${problem.message}`;
}

/**
 * A formula's position: its first occurrence after the formula before it (they come in source
 * order), from the block's first line up to its last (1-based).
 */
function reportMath(
  mathProblems: MathProblem[],
  lines: string[],
  block: { from: number; to: number },
  problems: PositionedMessage[],
): void {
  let searchLine = block.from - 1;
  let searchColumn = 0;
  for (const math of mathProblems) {
    const needle = math.tex.split('\n')[0];
    let position = { line: block.from, column: 1 };
    for (let index = searchLine; index < Math.min(block.to, lines.length); index += 1) {
      const column = lines[index].indexOf(needle, index === searchLine ? searchColumn : 0);
      if (column >= 0) {
        position = { line: index + 1, column: Math.max(1, column) };
        searchLine = index;
        searchColumn = column + needle.length;
        break;
      }
    }
    problems.push({ ...position, message: mathMessage(math) });
  }
}

function checkUniquePracticeIds(
  steps: LessonStep[],
  yamlOf: ParsedLesson['yamlOf'],
  problems: PositionedMessage[],
): void {
  const seen = new Map<string, number>();
  for (const step of steps)
    for (const block of step.blocks) {
      if (block.kind !== 'practice') continue;
      const first = seen.get(block.item.id);
      if (first === undefined) {
        seen.set(block.item.id, block.item.line);
        continue;
      }
      const where = yamlOf.get(block.item)?.locate(['id']) ?? { line: block.line, column: 1 };
      problems.push({
        ...where,
        message: `practice: duplicate id '${block.item.id}' (already used by the practice at line ${first})`,
      });
    }
}

/** `graph=on|off` in a ```python fence's info string: true (the default), false, or null if unreadable. */
function graphOption(info: string): boolean | null {
  const word = info
    .trim()
    .split(/\s+/)
    .find((w) => w.startsWith('graph='));
  if (word === undefined || word === 'graph=on') return true;
  return word === 'graph=off' ? false : null;
}
