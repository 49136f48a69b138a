// What lesson validation needs from the Python runtime and the grader, injected so that
// core/lessons stays pure: the CLI wires in core/python and core/grading; tests may pass less.
// A missing service means that check is skipped, never that it passes silently in output.
import type { DerivativeBlock, Lesson, PracticeItem } from './types.ts';

/** A problem inside a piece of text; line and column are 1-based within that text. */
export interface TextProblem {
  line: number;
  column: number;
  message: string;
}

export interface GradeResult {
  /** 0..1 of the item's points. */
  score: number;
  feedback: string;
}

export interface LessonServices {
  /** A maths expression as a person types it: null when it parses, else where and why not. */
  checkExpression?(text: string): TextProblem | null;
  /** Python syntax check without running the code: null when it compiles. */
  checkPython?(code: string): Promise<TextProblem | null>;
  /** Derives an item's `from:` keys (answer and code checks): null when all derive, else why. */
  deriveKey?(item: PracticeItem): Promise<string | null>;
  /** Grades the item's own `solution` as a student's answer. */
  gradeSolution?(item: PracticeItem, lesson: Lesson): Promise<GradeResult>;
  /** Compares a derivative panel's symbolic value with autograd: null when they agree. */
  checkDerivative?(block: DerivativeBlock): Promise<string | null>;
}
