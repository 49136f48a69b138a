// A Jupyter notebook (.ipynb, nbformat 4) as a lesson: Markdown cells as they are, code cells
// as ```python cells, and nbgrader's autograded answers (a `solution` cell, with the `grade`
// test cell after it) as ```practice items of type code. The result goes through the notebook
// Markdown import, so the seed's hidden-solution pattern works in notebooks too.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { ConvertedLesson, LineOrigin } from './converted.ts';
import { composeOrigins } from './converted.ts';
import { notebookMarkdownToLesson } from './import-markdown.ts';
import { isRecord, notebookCellList, notebookSource } from './notebook.ts';
import { trimTrailingBlankLines } from './markdown-cells.ts';
import { ID_PATTERN } from './schema.ts';

interface NbgraderMeta {
  solution?: boolean;
  grade?: boolean;
  grade_id?: string;
  points?: number;
}

interface Cell {
  type: string;
  source: string;
  nbgrader: NbgraderMeta | null;
  /** Origin of each line of the source in the .ipynb text. */
  origins: LineOrigin[];
}

/** Throws an Error with one sentence when the text is not a notebook. */
export function ipynbToLesson(file: string, text: string): ConvertedLesson {
  const cells = readCells(file, text);
  const output: string[] = [];
  const origins: LineOrigin[] = [];
  const push = (lines: string[], from: LineOrigin[] | LineOrigin) => {
    lines.forEach((line, index) => {
      output.push(line);
      origins.push(Array.isArray(from) ? (from[index] ?? from[from.length - 1]) : from);
    });
    output.push('');
    origins.push(origins[origins.length - 1] ?? { line: 1, column: 0 });
  };
  let practiceCount = 0;
  for (let index = 0; index < cells.length; index += 1) {
    const cell = cells[index];
    const next = cells[index + 1];
    if (cell.type === 'markdown' && next && isAutogradedAnswer(next)) continue; // its prompt
    const lines = cell.source.split('\n');
    if (cell.type === 'markdown') push(lines, cell.origins);
    if (cell.type !== 'code') continue;
    if (!isAutogradedAnswer(cell)) {
      const fenceStart = { ...cell.origins[0], column: 0 };
      push(['```python', ...lines, '```'], [fenceStart, ...cell.origins, fenceStart]);
      continue;
    }
    practiceCount += 1;
    const previous = cells[index - 1];
    const tests = next && isTestCell(next) ? next : undefined;
    if (tests) index += 1;
    const item = nbgraderPractice(
      cell,
      previous?.type === 'markdown' ? previous : undefined,
      tests,
      practiceCount,
    );
    push(['```practice', ...item, '```'], { line: cell.origins[0]?.line ?? 1, column: 0 });
  }
  const markdown = notebookMarkdownToLesson(file, output.join('\n'));
  return { text: markdown.text, origins: composeOrigins(markdown.origins, origins) };
}

function isAutogradedAnswer(cell: Cell): boolean {
  return cell.type === 'code' && cell.nbgrader?.solution === true && cell.nbgrader.grade !== true;
}

function isTestCell(cell: Cell): boolean {
  return cell.type === 'code' && cell.nbgrader?.grade === true && cell.nbgrader.solution !== true;
}

const BEGIN_SOLUTION = /^(\s*)### BEGIN SOLUTION\s*$/;
const END_SOLUTION = /^\s*### END SOLUTION\s*$/;
const HIDDEN_TESTS = /^\s*### (BEGIN|END) HIDDEN TESTS\s*$/;

function nbgraderPractice(
  cell: Cell,
  prompt: Cell | undefined,
  tests: Cell | undefined,
  count: number,
): string[] {
  const solution: string[] = [];
  const starter: string[] = [];
  let inSolution = false;
  for (const line of cell.source.split('\n')) {
    const begin = BEGIN_SOLUTION.exec(line);
    if (begin) {
      inSolution = true;
      starter.push(`${begin[1]}# YOUR CODE HERE`);
    } else if (END_SOLUTION.test(line)) inSolution = false;
    else {
      solution.push(line);
      if (!inSolution) starter.push(line);
    }
  }
  const gradeId = cell.nbgrader?.grade_id;
  const item: Record<string, unknown> = {
    id: gradeId && ID_PATTERN.test(gradeId) ? gradeId : `practice-${count}`,
    prompt: prompt
      ? prompt.source.trim() || 'Complete the code below.'
      : 'Complete the code below.',
  };
  const points = tests?.nbgrader?.points;
  if (typeof points === 'number' && points > 0) item.points = points;
  const testCode = tests?.source
    .split('\n')
    .filter((line) => !HIDDEN_TESTS.test(line))
    .join('\n');
  item.answer = {
    type: 'code',
    starter: trimTrailingBlankLines(starter.join('\n')),
    ...(testCode !== undefined ? { tests: trimTrailingBlankLines(testCode) } : {}),
  };
  item.solution = trimTrailingBlankLines(solution.join('\n'));
  return trimTrailingBlankLines(stringify(item, { lineWidth: 0 })).split('\n');
}

function readCells(file: string, text: string): Cell[] {
  const rawCells = notebookCellList(file, text);
  // JSON is YAML: the yaml parser gives each source string its place in the file.
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const cellNodes = isMap(document.contents) ? document.contents.get('cells', true) : undefined;
  return rawCells.map((raw: unknown, index) => {
    const cell = isRecord(raw) ? raw : {};
    const source = notebookSource(cell.source) ?? '';
    const node = isSeq(cellNodes) ? cellNodes.items[index] : undefined;
    const metadata = isRecord(cell.metadata) ? cell.metadata : {};
    return {
      type: typeof cell.cell_type === 'string' ? cell.cell_type : 'raw',
      source: source.replace(/\r\n?/g, '\n'),
      nbgrader: isRecord(metadata.nbgrader) ? (metadata.nbgrader as NbgraderMeta) : null,
      origins: sourceOrigins(node, source, lineCounter),
    };
  });
}

/** Where each source line sits in the JSON: one array element per line, or one string. */
function sourceOrigins(cellNode: unknown, source: string, lineCounter: LineCounter): LineOrigin[] {
  const lineCount = source.split('\n').length;
  const sourceNode = isMap(cellNode)
    ? (cellNode.get('source', true) as YamlNode | undefined)
    : undefined;
  const positionOf = (node: YamlNode | undefined): LineOrigin => {
    if (!node?.range) return { line: 1, column: 0 };
    const { line, col } = lineCounter.linePos(node.range[0]);
    return { line, column: isScalar(node) ? col + 1 : 0 };
  };
  if (isSeq(sourceNode))
    return Array.from({ length: lineCount }, (_, index) =>
      positionOf(sourceNode.items[index] as YamlNode | undefined),
    );
  const start = positionOf(sourceNode);
  return Array.from({ length: lineCount }, (_, index) =>
    index === 0 ? start : { ...start, column: 0 },
  );
}
