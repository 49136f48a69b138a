// Practice answers graded by core/grading: numbers and expressions at once in the page; code
// answers in a fresh namespace on the spare Python worker, so the student's own notebook and
// its variables are left as they were.
import type {
  CodeAnswer,
  ExpressionAnswer,
  NumberAnswer,
  PracticeItem,
} from '../core/lessons/types.ts';
import { gradeCode } from '../core/grading/code-answer.ts';
import { gradeExpression, gradeNumber } from '../core/grading/math-answer.ts';
import type { GradeOutcome } from '../core/grading/outcome.ts';
import type { AutogradEvaluator } from '../core/symbolic/derive.ts';
import { autogradEvaluator } from '../core/symbolic/autograd.ts';
import type { PythonSession } from './python/session.ts';
import type { Verdict } from './ui/practice.ts';

export async function gradeAnswer(
  python: PythonSession,
  item: PracticeItem,
  answer: string,
  wrongAttemptsBefore: number,
): Promise<Verdict> {
  const isolated = { run: (cells: readonly string[]) => python.runIsolated(cells) };
  const outcome = await gradeByType(item, answer, isolated, autogradEvaluator);
  return verdict(item, outcome, wrongAttemptsBefore);
}

function gradeByType(
  item: PracticeItem,
  answer: string,
  isolated: Parameters<typeof gradeCode>[2],
  autograd: AutogradEvaluator | undefined,
): Promise<GradeOutcome> | GradeOutcome {
  switch (item.answer.type) {
    case 'number':
      return gradeNumber(item as PracticeItem & { answer: NumberAnswer }, answer, autograd);
    case 'expression':
      return gradeExpression(item as PracticeItem & { answer: ExpressionAnswer }, answer, autograd);
    case 'code':
      return gradeCode(item as PracticeItem & { answer: CodeAnswer }, answer, isolated, autograd);
  }
}

/** STACK's penalty: each earlier wrong valid attempt takes `penalty` off a correct answer. */
function verdict(item: PracticeItem, outcome: GradeOutcome, wrongAttemptsBefore: number): Verdict {
  const kept = Math.max(0, 1 - item.penalty * wrongAttemptsBefore);
  return {
    valid: outcome.valid,
    correct: outcome.correct,
    score: outcome.correct ? outcome.score * kept : outcome.score,
    feedback: outcome.feedback,
    ...(outcome.output ? { output: outcome.output } : {}),
  };
}
