// Re-grades one student's submission from scratch: every attempt at every item of the course,
// in order, with the lesson's grading rules of today and STACK's penalty for wrong attempts.
// Only the answers are trusted; the claimed scores are compared, never used.
import { verdict } from '../../core/grading/grade.ts';
import type { IsolatedPython } from '../../core/grading/code-answer.ts';
import { NO_ATTEMPTS, recordAttempt } from '../../core/grading/attempts.ts';
import { DerivedKeys } from '../../core/grading/keys.ts';
import { LessonKeyError, type GradeOutcome } from '../../core/grading/outcome.ts';
import {
  readSubmission,
  type Submission,
  type SubmittedItem,
} from '../../core/grading/submission.ts';
import type { PracticeItem } from '../../core/lessons/types.ts';
import { autogradEvaluator } from '../../core/symbolic/autograd.ts';
import type { GradingCourse } from './course.ts';

export interface ItemGrade {
  lessonId: string;
  item: PracticeItem;
  /** Points earned (the item's points times the best fraction earned). */
  points: number;
  attempts: number;
  /** The student's last answer and its verdict, for the feedback page (null: not answered). */
  finalAnswer: string | null;
  finalOutcome: GradeOutcome | null;
  flags: string[];
}

export type StudentReport =
  | {
      kind: 'graded';
      file: string;
      student: Submission['student'];
      items: ItemGrade[];
      total: number;
      flags: string[];
      /** Milliseconds each answer took to grade (the benchmark's per-answer figure). */
      answerMs: number[];
    }
  | { kind: 'rejected'; file: string; reason: string; message: string };

export async function gradeSubmission(
  file: string,
  text: string,
  course: GradingCourse,
  python: IsolatedPython,
): Promise<StudentReport> {
  const reading = readSubmission(text);
  if (!reading.ok)
    return { kind: 'rejected', file, reason: reading.reason, message: reading.message };
  const { submission } = reading;
  const submitted = new Map<string, SubmittedItem>();
  const flags: string[] = [];
  for (const lesson of submission.lessons)
    for (const item of lesson.items) {
      const key = `${lesson.id}/${item.id}`;
      if (course.lessons.get(lesson.id)?.items.some((known) => known.id === item.id))
        submitted.set(key, item);
      else flags.push(`${key}: not an item of the lessons graded`);
    }
  const answerMs: number[] = [];
  const items = await Promise.all(
    course.columns.map(({ lessonId, item }) =>
      gradeItem(lessonId, item, submitted.get(`${lessonId}/${item.id}`), course, python, answerMs),
    ),
  );
  for (const grade of items)
    flags.push(...grade.flags.map((f) => `${grade.lessonId}/${grade.item.id}: ${f}`));
  const total = items.reduce((sum, grade) => sum + grade.points, 0);
  return { kind: 'graded', file, student: submission.student, items, total, flags, answerMs };
}

async function gradeItem(
  lessonId: string,
  item: PracticeItem,
  submitted: SubmittedItem | undefined,
  course: GradingCourse,
  python: IsolatedPython,
  answerMs: number[],
): Promise<ItemGrade> {
  const grade: ItemGrade = {
    lessonId,
    item,
    points: 0,
    attempts: 0,
    finalAnswer: null,
    finalOutcome: null,
    flags: [],
  };
  if (submitted === undefined || submitted.attempts.length === 0) return grade;
  const todayHash = course.lessons.get(lessonId)?.textHash;
  if (submitted.attempts.some((a) => a.lessonHash !== null && a.lessonHash !== todayHash))
    grade.flags.push("lesson changed since answered (graded against today's lesson)");
  let outcomes: GradeOutcome[];
  const keys = new DerivedKeys();
  try {
    outcomes = await Promise.all(
      submitted.attempts.map(async ({ answer }) => {
        const started = performance.now();
        const outcome = await verdict(item, answer, { autograd: autogradEvaluator, python, keys });
        answerMs.push(performance.now() - started);
        return outcome;
      }),
    );
  } catch (error) {
    if (!(error instanceof LessonKeyError)) throw error;
    grade.flags.push(`cannot be graded: ${error.message}`);
    return grade;
  }
  let state = NO_ATTEMPTS;
  for (const outcome of outcomes) state = recordAttempt(item, state, outcome).state;
  grade.points = state.score * item.points;
  grade.attempts = state.attempts;
  grade.finalAnswer = submitted.attempts[submitted.attempts.length - 1].answer;
  grade.finalOutcome = outcomes[outcomes.length - 1];
  // The app gives no marks after the solution was shown, and the file cannot say when it was.
  const { claimed } = submitted;
  if (
    !submitted.solutionShown &&
    (claimed.correct !== state.correct || Math.abs(claimed.score - state.score) > 1e-9)
  )
    grade.flags.push(
      `claimed score ${formatFraction(claimed.score)} differs from the re-graded ${formatFraction(state.score)} (possible tampering)`,
    );
  return grade;
}

function formatFraction(score: number): string {
  return String(Math.round(score * 1000) / 1000);
}
