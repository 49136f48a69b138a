// A student's submission file: every attempt at every practice item, the text hash of the lesson
// each attempt answered, who the student says they are and which app wrote it. The autograder
// trusts only the answers: claimed scores are compared with its own grades, never used.
import { z } from 'zod';
import { MAX_CODE_LENGTH } from './grade.ts';

export const SUBMISSION_FORMAT = 'gradlab-submission';
export const SUBMISSION_VERSION = 1;

const attemptSchema = z
  .object({
    answer: z.string().max(MAX_CODE_LENGTH).describe('The answer as typed: maths or Python.'),
    time: z.string().max(64).describe('ISO 8601 time the answer was checked.'),
    lessonHash: z
      .string()
      .max(64)
      .nullable()
      .describe("lessonTextHash of the lesson file's text when answered (null: not recorded)."),
  })
  .strict();

const itemSchema = z
  .object({
    id: z.string().max(200),
    attempts: z.array(attemptSchema).max(1000).describe('Every checked answer, oldest first.'),
    solutionShown: z.boolean().describe('The student opened the solution (no marks after it).'),
    claimed: z
      .object({
        score: z.number().min(0).max(1).describe('Fraction of the points the app gave.'),
        correct: z.boolean(),
      })
      .strict()
      .describe('What the app said; compared with the re-grade, never trusted.'),
  })
  .strict();

const lessonSchema = z
  .object({
    id: z.string().max(200).describe("The lesson's id (its front matter)."),
    title: z.string().max(500),
    items: z.array(itemSchema).max(1000),
  })
  .strict();

const submissionSchema = z
  .object({
    format: z.literal(SUBMISSION_FORMAT),
    version: z.literal(SUBMISSION_VERSION),
    app: z.object({ name: z.literal('gradlab'), version: z.string().max(64) }).strict(),
    exportedAt: z.string().max(64),
    student: z
      .object({ name: z.string().min(1).max(200), id: z.string().min(1).max(200) })
      .strict(),
    lessons: z.array(lessonSchema).max(1000),
  })
  .strict();

export type Submission = z.infer<typeof submissionSchema>;
type SubmittedLesson = Submission['lessons'][number];
export type SubmittedItem = SubmittedLesson['items'][number];

/** The published JSON Schema (lessons/submission.schema.json). */
export function submissionJsonSchema(): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(submissionSchema, { io: 'input' });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Gradlab submission',
    description:
      'A student\'s answers, exported by the app ("Export submission…") and graded by `gradlab autograde` (see lessons/README.md).',
    ...rest,
  };
}

export type SubmissionReading =
  | { ok: true; submission: Submission }
  | { ok: false; reason: 'corrupt' | 'foreign' | 'newer'; message: string };

/** Reads a submission file's text; says why when it is not one this version can grade. */
export function readSubmission(text: string): SubmissionReading {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'corrupt', message: `not valid JSON (${message})` };
  }
  const header = data as { format?: unknown; version?: unknown } | null;
  if (typeof header !== 'object' || header === null || header.format !== SUBMISSION_FORMAT)
    return { ok: false, reason: 'foreign', message: 'not a Gradlab submission file' };
  if (typeof header.version === 'number' && header.version > SUBMISSION_VERSION)
    return {
      ok: false,
      reason: 'newer',
      message: `written by a newer Gradlab (submission version ${header.version}; this one reads ${SUBMISSION_VERSION})`,
    };
  const parsed = submissionSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.join('.') || 'the file';
    return { ok: false, reason: 'corrupt', message: `${where}: ${issue.message}` };
  }
  return { ok: true, submission: parsed.data };
}
