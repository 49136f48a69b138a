// What grading one answer produces (the JSON of `gradlab grade` is its first five fields).

/** The usual mistakes the grader recognises, for the UI and for statistics. */
export type MistakeKind =
  | 'function-value'
  | 'expression-for-number'
  | 'number-for-expression'
  | 'wrong-variable'
  | 'chain-rule'
  | 'sign'
  | 'constant-factor'
  | 'constant-offset'
  | 'ignores-grad-output'
  | 'no-backward'
  | 'instructor-rule';

export interface GradeOutcome {
  correct: boolean;
  /** Fraction of the item's points this attempt earns (0..1), after the penalty. */
  score: number;
  /** One or two sentences for the student. */
  feedback: string;
  /** How the answer was read (canonical text), or null when it could not be read. */
  parsed: string | null;
  parsedLatex: string | null;
  /** false when the answer could not be read or is of the wrong kind: it costs no attempt. */
  valid: boolean;
  mistake?: MistakeKind;
  /** What decided the verdict: `tolerance`, `symbolic`, `numeric`, `checks`. */
  method?: string;
  /** What the student's code printed (code answers). */
  output?: string;
  /** The value a failed code check expected: for the lesson's author, never shown to students. */
  key?: string;
}

/** A problem with the item itself (a key that cannot be derived): the lesson is wrong. */
export class LessonKeyError extends Error {
  override name = 'LessonKeyError';
}

export function invalid(
  feedback: string,
  parsed: Pick<GradeOutcome, 'parsed' | 'parsedLatex'>,
  mistake?: MistakeKind,
): GradeOutcome {
  return {
    correct: false,
    score: 0,
    feedback,
    ...parsed,
    valid: false,
    ...(mistake ? { mistake } : {}),
  };
}
