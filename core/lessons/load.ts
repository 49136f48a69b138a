// Any file a lesson can come from, by its extension: a lesson file (.md with front matter),
// notebook-style Markdown (.md/.txt without front matter, such as the seed) or a notebook
// (.ipynb). Problems always point into the file as the author wrote it.
import type { LessonProblem } from './types.ts';
import type { ParsedLesson } from './parse.ts';
import { normalizeText, parseLesson } from './parse.ts';
import { remapProblem } from './converted.ts';
import type { ConvertedLesson } from './converted.ts';
import { notebookMarkdownToLesson } from './import-markdown.ts';
import { ipynbToLesson } from './import-ipynb.ts';

const LESSON_EXTENSIONS = ['.md', '.markdown', '.txt', '.ipynb'];

export function loadLesson(file: string, source: string): ParsedLesson {
  const extension = /\.[^./]*$/.exec(file)?.[0].toLowerCase() ?? '';
  const text = normalizeText(source);
  if (!LESSON_EXTENSIONS.includes(extension))
    return failed(
      file,
      `not a lesson: expected a .md, .txt or .ipynb file, not '${extension || 'no extension'}'`,
    );
  if (extension !== '.ipynb' && text.startsWith('---')) return parseLesson(file, text);
  let converted: ConvertedLesson;
  try {
    converted =
      extension === '.ipynb' ? ipynbToLesson(file, text) : notebookMarkdownToLesson(file, text);
  } catch (error) {
    return notReadable(file, error instanceof Error ? error.message : String(error));
  }
  const parsed = parseLesson(file, converted.text, { imported: true });
  return {
    ...parsed,
    problems: parsed.problems.map((problem) => remapProblem(problem, converted.origins)),
    origins: converted.origins,
    idAt: { line: 1, column: 1 },
  };
}

/** A notebook that is not JSON: JSON.parse's "(line L column C)" says where. */
function notReadable(file: string, message: string): ParsedLesson {
  const where = /\(line (\d+) column (\d+)\)/.exec(message);
  const sentence = message.startsWith(file) ? `the file${message.slice(file.length)}` : message;
  return failed(file, sentence, where ? Number(where[1]) : 1, where ? Number(where[2]) : 1);
}

function failed(file: string, message: string, line = 1, column = 1): ParsedLesson {
  const problem: LessonProblem = { file, line, column, message };
  return { lesson: null, problems: [problem], yamlOf: new Map(), idAt: { line: 1, column: 1 } };
}
