// "Export submission…": the student's progress as a submission file (core/grading/submission.ts)
// for the instructor's `gradlab autograde`.
import {
  SUBMISSION_FORMAT,
  SUBMISSION_VERSION,
  type Submission,
  type SubmittedItem,
} from '../../core/grading/submission.ts';
import type { ItemProgress, ProgressDocument } from './progress.ts';

/** `lessonId` maps a progress key to the lesson's own id (undefined: the lesson is gone). */
export async function submissionFile(
  progress: ProgressDocument,
  student: { name: string; id: string },
  lessonId: (key: string) => Promise<string | undefined>,
  appVersion: string,
  now = new Date(),
): Promise<Submission> {
  const lessons: Submission['lessons'] = [];
  for (const [key, lesson] of Object.entries(progress.lessons)) {
    const id = await lessonId(key);
    const items = Object.entries(lesson.items).flatMap(([itemId, item]) =>
      item.attempts === 0 && !item.solutionShown ? [] : [submittedItem(itemId, item)],
    );
    if (id !== undefined && items.length > 0) lessons.push({ id, title: lesson.title, items });
  }
  return {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    app: { name: 'gradlab', version: appVersion },
    exportedAt: now.toISOString(),
    student,
    lessons,
  };
}

function submittedItem(id: string, item: ItemProgress): SubmittedItem {
  // Progress saved before answers were kept has only the last one.
  const attempts =
    item.history.length > 0 || item.attempts === 0
      ? item.history
      : [{ answer: item.lastAnswer, time: item.time, lessonHash: null }];
  return {
    id,
    attempts,
    solutionShown: item.solutionShown,
    claimed: { score: item.score, correct: item.correct },
  };
}
