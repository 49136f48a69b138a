// One feedback page per student, as nbgrader gives: each item, the answer, the verdict, the
// feedback sentence and the points, with the maths typeset by KaTeX. The pages work offline:
// KaTeX's stylesheet and fonts are copied beside them.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderMarkdown } from '../../core/lessons/html.ts';
import type { GradingCourse } from './course.ts';
import type { ItemGrade, StudentReport } from './grade-submission.ts';
import { points } from './gradebook.ts';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}
section{border-top:1px solid #ccc;padding:.5rem 0}pre{background:#f4f4f4;padding:.5rem;overflow:auto}
.right{color:#075e00}.wrong{color:#a00000}.flag{color:#7a4b00}`;

/** Writes DIR/<student id>.html for each graded report; returns how many pages were written. */
export function writeFeedback(
  folder: string,
  course: GradingCourse,
  reports: readonly StudentReport[],
): number {
  mkdirSync(folder, { recursive: true });
  const katexDist = dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'));
  cpSync(join(katexDist, 'katex.min.css'), join(folder, 'katex/katex.min.css'));
  cpSync(join(katexDist, 'fonts'), join(folder, 'katex/fonts'), { recursive: true });
  let written = 0;
  for (const report of reports) {
    if (report.kind !== 'graded') continue;
    writeFileSync(join(folder, feedbackFileName(report.student.id)), page(course, report));
    written++;
  }
  return written;
}

function feedbackFileName(studentId: string): string {
  return `${studentId.replace(/[^\w.-]+/g, '_')}.html`;
}

function page(course: GradingCourse, report: StudentReport & { kind: 'graded' }): string {
  const maxTotal = course.columns.reduce((sum, { item }) => sum + item.points, 0);
  const title = `Feedback for ${report.student.name} (${report.student.id})`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<link rel="stylesheet" href="katex/katex.min.css"><style>${STYLE}</style></head>
<body><h1>${escape(title)}</h1>
<p>Total: <strong>${points(report.total)}</strong> of ${points(maxTotal)} points.</p>
${report.items.map((grade) => itemSection(course, grade)).join('\n')}
</body></html>
`;
}

function itemSection(course: GradingCourse, grade: ItemGrade): string {
  const lessonTitle = course.lessons.get(grade.lessonId)?.lesson.meta.title ?? grade.lessonId;
  const outcome = grade.finalOutcome;
  const verdict =
    outcome === null
      ? '<p>Not answered.</p>'
      : `<p class="${outcome.correct ? 'right' : 'wrong'}">${outcome.correct ? 'Right' : 'Not right'}: ${renderMarkdown(outcome.feedback).html}</p>`;
  return `<section><h2>${escape(lessonTitle)}: ${escape(grade.item.id)}</h2>
${renderMarkdown(grade.item.prompt).html}
${grade.finalAnswer === null ? '' : `<p>Your answer:</p><pre>${escape(grade.finalAnswer)}</pre>`}
${verdict}
<p>Points: ${points(grade.points)} of ${points(grade.item.points)} (${grade.attempts} attempt${grade.attempts === 1 ? '' : 's'}).</p>
${grade.flags.map((flag) => `<p class="flag">${escape(flag)}</p>`).join('\n')}</section>`;
}

function escape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
