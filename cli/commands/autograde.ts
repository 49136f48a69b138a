// `gradlab autograde SUBMISSION... --lessons DIR [--out grades.csv] [--feedback DIR] [--jobs N]`:
// re-grades every student's answers from scratch against the lessons in DIR, code answers in a
// pool of sandboxed Python processes, and writes the gradebook CSV (stdout without --out) and
// optionally one feedback page per student. Exit status 0 when every file was graded and no
// claimed score differs, 1 otherwise (each such file has its row and reason), 2 for bad input.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseCommandArgs } from '../arguments.ts';
import { UsageError } from '../errors.ts';
import { readInputFile } from '../input-file.ts';
import { loadCourse, type GradingCourse } from '../autograde/course.ts';
import { gradeSubmission, type StudentReport } from '../autograde/grade-submission.ts';
import { gradebookCsv } from '../autograde/gradebook.ts';
import { writeFeedback } from '../autograde/feedback.ts';
import { SandboxPool } from '../autograde/pool.ts';
import { TIMEOUT_OPTION, cellSeconds } from '../sandbox/timeout-option.ts';
import { terminalText } from '../terminal-text.ts';

const USAGE =
  'usage: gradlab autograde SUBMISSION... --lessons DIR [--out grades.csv] [--feedback DIR] [--jobs N] [--timeout SECONDS]';

export interface AutogradeRun {
  reports: StudentReport[];
  /** Milliseconds each answer took to grade. */
  answerMs: number[];
}

function parseArguments(args: string[]) {
  const { positionals, values } = parseCommandArgs('autograde', USAGE, args, {
    lessons: { type: 'string' },
    out: { type: 'string' },
    feedback: { type: 'string' },
    jobs: { type: 'string' },
    ...TIMEOUT_OPTION,
  });
  if (values.lessons === undefined)
    throw new UsageError(`autograde: --lessons DIR is missing (${USAGE})`);
  if (positionals.length === 0) throw new UsageError(`autograde: no SUBMISSION given (${USAGE})`);
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    throw new UsageError(`autograde: --jobs '${values.jobs}' is not a whole number from 1 to 64`);
  return {
    submissions: positionals,
    lessons: values.lessons,
    out: values.out,
    feedback: values.feedback,
    jobs,
    cellSeconds: cellSeconds('autograde', values.timeout),
  };
}

export async function main(args: string[]): Promise<number> {
  const options = parseArguments(args);
  const course = loadCourse(options.lessons);
  // Every file is read before grading starts: a folder or device among them is bad input.
  const files = options.submissions.map((file) => ({
    file,
    text: readInputFile(file, 'autograde'),
  }));
  const { reports } = await autograde(course, files, options);
  const csv = gradebookCsv(course, reports);
  if (options.out === undefined) process.stdout.write(csv);
  else writeFileSync(options.out, csv);
  if (options.feedback !== undefined) writeFeedback(options.feedback, course, reports);
  const summary = summarize(reports);
  process.stderr.write(terminalText(summary.text) + '\n');
  return summary.attention ? 1 : 0;
}

/** Grades every file (in the order given), `jobs` sandboxed Python processes at most. */
export async function autograde(
  course: GradingCourse,
  files: readonly { file: string; text: string }[],
  options: { jobs: number; cellSeconds: number },
): Promise<AutogradeRun> {
  const pool = new SandboxPool(options.jobs, { cellSeconds: options.cellSeconds });
  const progress = progressBar(files.length);
  const reports: StudentReport[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < files.length; index = next++) {
      const { file, text } = files[index];
      reports[index] = await gradeSubmission(file, text, course, pool.python);
      progress.advance();
    }
  };
  try {
    // More students in flight than processes, so maths answers keep this process busy while
    // code answers wait for Python.
    await Promise.all(Array.from({ length: options.jobs * 2 }, worker));
  } finally {
    pool.close();
    progress.done();
  }
  const answerMs = reports.flatMap((report) => (report.kind === 'graded' ? report.answerMs : []));
  return { reports, answerMs };
}

function summarize(reports: readonly StudentReport[]): { text: string; attention: boolean } {
  const graded = reports.filter((report) => report.kind === 'graded');
  const rejected = reports.filter((report) => report.kind === 'rejected');
  const tampered = graded.filter((report) =>
    report.flags.some((flag) => /possible tampering/.test(flag)),
  );
  const changed = graded.filter((report) =>
    report.flags.some((flag) => /lesson changed/.test(flag)),
  );
  const parts = [
    `${reports.length} submission${reports.length === 1 ? '' : 's'}: ${graded.length} graded`,
    rejected.length > 0
      ? `${rejected.length} not graded (${rejected.map((r) => `${r.file}: ${r.reason}`).join(', ')})`
      : '',
    tampered.length > 0
      ? `${tampered.length} with a claimed score that differs (possible tampering)`
      : '',
    changed.length > 0 ? `${changed.length} with answers to a lesson that changed since` : '',
  ];
  return {
    text: `autograde: ${parts.filter((part) => part !== '').join('; ')}`,
    attention: rejected.length > 0 || tampered.length > 0,
  };
}

/** A bar on a terminal; nothing otherwise (the summary line says it all). */
function progressBar(total: number): { advance: () => void; done: () => void } {
  if (!process.stderr.isTTY || total === 0)
    return { advance: () => undefined, done: () => undefined };
  let count = 0;
  const draw = () => {
    const width = 30;
    const filled = Math.round((count / total) * width);
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total} submissions`,
    );
  };
  draw();
  return {
    advance: () => {
      count++;
      draw();
    },
    done: () => process.stderr.write('\n'),
  };
}
