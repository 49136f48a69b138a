// `gradlab autograde` on a class: 200 submissions answering every built-in practice item (code
// answers included), half of the answers right (the item's solution) and half wrong, graded by
// a pool of two sandboxed Python processes. Goal: under 60 s on a 2-core machine.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadCourse } from '../cli/autograde/course.ts';
import { autograde } from '../cli/commands/autograde.ts';
import { SUBMISSION_FORMAT, SUBMISSION_VERSION } from '../core/grading/submission.ts';
import type { Submission } from '../core/grading/submission.ts';

const STUDENTS = 200;
const lessonsFolder = fileURLToPath(new URL('../lessons/', import.meta.url));
const course = loadCourse(lessonsFolder);

/** A wrong answer in the item's own language: a number, an expression, or code that runs. */
function wrongAnswer(type: string): string {
  return type === 'code' ? 'x = 1' : '12345';
}

function submission(student: number): Submission {
  const lessons = [...course.lessons.values()].map(({ lesson, textHash, items }) => ({
    id: lesson.meta.id,
    title: lesson.meta.title,
    items: items.map((item, index) => {
      const right = (student + index) % 2 === 0;
      const answer = right ? (item.solution ?? '') : wrongAnswer(item.answer.type);
      return {
        id: item.id,
        attempts: [{ answer, time: '2026-12-07T10:00:00.000Z', lessonHash: textHash }],
        solutionShown: false,
        claimed: { score: right ? 1 : 0, correct: right },
      };
    }),
  }));
  return {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    app: { name: 'gradlab', version: '0.1.0' },
    exportedAt: '2026-12-07T10:00:00.000Z',
    student: { name: `Student ${student}`, id: `s${student}` },
    lessons,
  };
}

const files = Array.from({ length: STUDENTS }, (_, i) => ({
  file: `s${i}.json`,
  text: JSON.stringify(submission(i)),
}));
const codeItems = course.columns.filter(({ item }) => item.answer.type === 'code').length;
const jobs = availableParallelism();
const started = performance.now();
const { reports, answerMs } = await autograde(course, files, { jobs, cellSeconds: 30 });
const seconds = (performance.now() - started) / 1000;
const sorted = [...answerMs].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const graded = reports.filter((report) => report.kind === 'graded');
const flagged = graded.filter((report) => report.flags.length > 0).length;
console.log(
  `autograde: ${STUDENTS} submissions × ${course.columns.length} items (${codeItems} code) = ${answerMs.length} answers, ${jobs} sandboxed workers: ` +
    `${seconds.toFixed(1)} s total (goal < 60 s), median ${median.toFixed(1)} ms per answer; ` +
    `${graded.length} graded, ${flagged} flagged (expected 0)`,
);
