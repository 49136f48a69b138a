// The grader's part of core/lessons' validation services (the symbolic checks are in
// core/grading/symbolic-services.ts): an item's own solution must earn full marks.
import type { PracticeItem } from '../lessons/types.ts';
import type { GradeResult, LessonServices } from '../lessons/services.ts';
import type { AutogradEvaluator } from '../symbolic/derive.ts';
import type { IsolatedPython } from './code-answer.ts';
import { LessonKeyError } from './outcome.ts';
import { verdict } from './grade.ts';

export function solutionGrader(
  autograd: AutogradEvaluator,
  python?: IsolatedPython,
): Required<Pick<LessonServices, 'gradeSolution'>> {
  return {
    async gradeSolution(item: PracticeItem): Promise<GradeResult> {
      if (item.solution === undefined) return { score: 0, feedback: 'The item has no solution.' };
      if (item.answer.type === 'code' && !python)
        return { score: 0, feedback: 'Code solutions need the Python runtime.' };
      try {
        const outcome = await verdict(item, item.solution, {
          autograd,
          ...(python ? { python } : {}),
        });
        const key = outcome.key === undefined ? '' : ` (the key: ${outcome.key})`;
        return { score: outcome.score, feedback: outcome.feedback + key };
      } catch (error) {
        if (error instanceof LessonKeyError) return { score: 0, feedback: error.message };
        throw error;
      }
    },
  };
}
