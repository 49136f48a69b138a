// Grading one answer to one practice item, whatever its type, with attempts and penalty.
import type { CodeAnswer, ExpressionAnswer, NumberAnswer, PracticeItem } from '../lessons/types.ts';
import type { AutogradEvaluator } from '../symbolic/derive.ts';
import type { GradeOutcome } from './outcome.ts';
import { invalid } from './outcome.ts';
import type { IsolatedPython } from './code-answer.ts';
import { gradeCode } from './code-answer.ts';
import { gradeExpression, gradeNumber } from './math-answer.ts';
import type { AttemptState } from './attempts.ts';
import { NO_ATTEMPTS, recordAttempt } from './attempts.ts';
import { DerivedKeys } from './keys.ts';

export interface GradeContext {
  /** The autograd engine's evaluator (core/symbolic/autograd.ts), to cross-check keys. */
  autograd?: AutogradEvaluator;
  /** Needed for code answers only. */
  python?: IsolatedPython;
  /** The attempts made so far (none by default). */
  attempts?: AttemptState;
  /** Keys derived by earlier gradings, for a caller that grades many answers. */
  keys?: DerivedKeys;
}

/** Code longer than this is refused at once (maths input has the parser's own bound). */
export const MAX_CODE_LENGTH = 20_000;

export async function gradeAnswer(
  item: PracticeItem,
  answer: string,
  context: GradeContext = {},
): Promise<{ outcome: GradeOutcome; attempts: AttemptState }> {
  const outcome = await verdict(item, answer, context);
  const recorded = recordAttempt(item, context.attempts ?? NO_ATTEMPTS, outcome);
  return { outcome: recorded.outcome, attempts: recorded.state };
}

/** The verdict on one answer, before attempts and penalty. Throws LessonKeyError for a bad item. */
export async function verdict(
  item: PracticeItem,
  answer: string,
  context: GradeContext,
): Promise<GradeOutcome> {
  const unread = { parsed: null, parsedLatex: null };
  const keys = context.keys ?? new DerivedKeys();
  switch (item.answer.type) {
    case 'number':
      return gradeNumber(
        item as PracticeItem & { answer: NumberAnswer },
        answer,
        context.autograd,
        keys,
      );
    case 'expression':
      return gradeExpression(
        item as PracticeItem & { answer: ExpressionAnswer },
        answer,
        context.autograd,
        keys,
      );
    case 'code':
      if (answer.length > MAX_CODE_LENGTH)
        return invalid(
          `The code is ${answer.length} characters long; the limit is ${MAX_CODE_LENGTH}.`,
          unread,
        );
      if (answer.trim() === '')
        return invalid('The answer is empty: write your code first.', unread);
      if (!context.python) throw new Error('grading a code answer needs the Python runtime');
      return gradeCode(
        item as PracticeItem & { answer: CodeAnswer },
        answer,
        context.python,
        context.autograd,
        keys,
      );
  }
}
