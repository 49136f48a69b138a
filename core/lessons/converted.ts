// A lesson file produced from another format (notebook Markdown, .ipynb), with where each of
// its lines came from, so problems are reported at the original file's lines.
import type { LessonProblem } from './types.ts';

export interface LineOrigin {
  /** 1-based line in the original file. */
  line: number;
  /** Column of the line's first character there, or 0 when the line was generated. */
  column: number;
}

export interface ConvertedLesson {
  text: string;
  /** origins[i] is where line i + 1 of `text` came from. */
  origins: LineOrigin[];
}

export function remapProblem(problem: LessonProblem, origins: LineOrigin[]): LessonProblem {
  const origin = origins[problem.line - 1] ?? origins[origins.length - 1] ?? { line: 1, column: 0 };
  const column = origin.column === 0 ? 1 : origin.column + problem.column - 1;
  return { ...problem, line: origin.line, column };
}

/** Origins of a text converted twice: through `inner` first, then `outer`. */
export function composeOrigins(outer: LineOrigin[], inner: LineOrigin[]): LineOrigin[] {
  return outer.map((origin) => {
    const base = inner[origin.line - 1] ?? { line: 1, column: 0 };
    if (origin.column === 0 || base.column === 0) return { line: base.line, column: 0 };
    return { line: base.line, column: base.column + origin.column - 1 };
  });
}

/** A lesson id from a file name: `labs/Lab 1.ipynb` -> `lab-1`. */
export function lessonIdFromFile(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '');
  return slug || 'lesson';
}

export function frontMatterLines(id: string, title: string): string[] {
  return ['---', `id: ${JSON.stringify(id)}`, `title: ${JSON.stringify(title)}`, '---', ''];
}
