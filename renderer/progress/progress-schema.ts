// The shape of the stored progress document, checked whenever stored progress is read back.
// Its own module so that zod loads only when there is stored progress to check.
import { z } from 'zod';
import { emptyItem } from './empty-item.ts';

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

/** A stored record that did not fully fit the schema, as it was (JSON), and when it was read. */
const setAsideSchema = z.object({ time: z.string(), record: z.string() });

const progressSchema = z.object({
  version: z.literal(1),
  currentLesson: z.string().nullable(),
  lessons: z.record(z.string(), lessonProgressSchema),
  /** Name and id the student gave for their submissions, asked once. */
  student: z.object({ name: z.string(), id: z.string() }).nullable().default(null),
  setAside: z.array(setAsideSchema).optional(),
});

/** Copies of damaged records kept with the progress (the oldest are dropped past this). */
const SET_ASIDE_KEPT = 3;

export interface ReadProgress {
  document: ProgressDocument;
  /** Where the fields that did not fit were, e.g. `lessons › derivatives › items › q1 › score`. */
  damaged: string[];
}

/**
 * Reads stored progress field by field: a field that does not fit takes its empty value and is
 * named in `damaged`, the rest is kept, and a copy of the record as it was goes into `setAside`.
 */
export function readProgress(data: unknown, now: Date): ReadProgress {
  const whole = progressSchema.safeParse(data);
  if (whole.success) return { document: whole.data, damaged: [] };
  const damaged: string[] = [];
  const record = asRecord(data);
  const lessons: Record<string, LessonProgress> = {};
  for (const [key, lesson] of Object.entries(asRecord(record.lessons))) {
    const where = ['lessons', key];
    const fields = asRecord(lesson);
    const items: Record<string, ItemProgress> = {};
    for (const [id, item] of Object.entries(asRecord(fields.items)))
      items[id] = fieldsOf(itemProgressSchema, item, emptyItem(), [...where, 'items', id], damaged);
    const rest = fieldsOf(lessonFieldsSchema, fields, EMPTY_LESSON, where, damaged);
    lessons[key] = { ...rest, items };
  }
  const currentLesson = z.string().nullable().safeParse(record.currentLesson);
  if (!currentLesson.success) damaged.push('currentLesson');
  const student = progressSchema.shape.student.safeParse(record.student);
  if (!student.success) damaged.push('student');
  const setAside = z.array(setAsideSchema).safeParse(record.setAside ?? []);
  const { setAside: _previous, ...withoutCopies } = record;
  return {
    document: {
      version: 1,
      currentLesson: currentLesson.success ? currentLesson.data : null,
      lessons,
      student: student.success ? student.data : null,
      setAside: [
        ...(setAside.success ? setAside.data : []),
        { time: now.toISOString(), record: JSON.stringify(withoutCopies) },
      ].slice(-SET_ASIDE_KEPT),
    },
    damaged: damaged.length > 0 ? damaged : ['the record as a whole'],
  };
}

const lessonFieldsSchema = lessonProgressSchema.omit({ items: true });

const EMPTY_LESSON: z.infer<typeof lessonFieldsSchema> = {
  title: '',
  step: 0,
  stepsSeen: [],
  cellsRun: [],
  stepCount: 0,
};

function fieldsOf<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  value: unknown,
  empty: z.infer<z.ZodObject<Shape>>,
  where: string[],
  damaged: string[],
): z.infer<z.ZodObject<Shape>> {
  const fields = asRecord(value);
  const result: Record<string, unknown> = { ...empty };
  for (const [key, fieldSchema] of Object.entries(schema.shape)) {
    const field = (fieldSchema as z.ZodType).safeParse(fields[key]);
    if (field.success) result[key] = field.data;
    else damaged.push([...where, key].join(' › '));
  }
  return result as z.infer<z.ZodObject<Shape>>;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export type ItemProgress = z.infer<typeof itemProgressSchema>;
export type LessonProgress = z.infer<typeof lessonProgressSchema>;
export type ProgressDocument = z.infer<typeof progressSchema>;
