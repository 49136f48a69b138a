// The shape of the stored progress document, checked whenever stored progress is read back.
// Its own module so that zod loads only when there is stored progress to check.
import { z } from 'zod';

/** One checked answer, kept for the submission file (core/grading/submission.ts). */
const attemptSchema = z.object({
  answer: z.string(),
  time: z.string(),
  /** lessonTextHash of the lesson's text when the answer was checked. */
  lessonHash: z.string().nullable(),
});

const itemProgressSchema = z.object({
  attempts: z.number().int().nonnegative(),
  score: z.number().min(0).max(1),
  correct: z.boolean(),
  hintsShown: z.number().int().nonnegative(),
  solutionShown: z.boolean(),
  lastAnswer: z.string(),
  /** ISO time of the last check. */
  time: z.string(),
  /** Every valid answer, oldest first (progress saved before it was kept has none). */
  history: z.array(attemptSchema).default([]),
});

const lessonProgressSchema = z.object({
  title: z.string(),
  step: z.number().int().nonnegative(),
  stepsSeen: z.array(z.number().int().nonnegative()),
  /** 0-based numbers of the lesson's code cells run at least once (absent in older saves). */
  cellsRun: z.array(z.number().int().nonnegative()).default([]),
  stepCount: z.number().int().nonnegative(),
  items: z.record(z.string(), itemProgressSchema),
});

export const progressSchema = z.object({
  version: z.literal(1),
  currentLesson: z.string().nullable(),
  lessons: z.record(z.string(), lessonProgressSchema),
  /** Name and id the student gave for their submissions, asked once. */
  student: z.object({ name: z.string(), id: z.string() }).nullable().default(null),
});

export type AttemptRecord = z.infer<typeof attemptSchema>;
export type ItemProgress = z.infer<typeof itemProgressSchema>;
export type LessonProgress = z.infer<typeof lessonProgressSchema>;
export type ProgressDocument = z.infer<typeof progressSchema>;
