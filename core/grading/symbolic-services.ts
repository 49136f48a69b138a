// The lesson checks core/symbolic and the grader's keys answer without Python: maths that must
// parse, `from:` keys that must derive to finite values, and derivative panels whose symbolic
// derivative must agree with autograd (when an autograd evaluator is given).
import { parseMath } from '../symbolic/parse.ts';
import { derive } from '../symbolic/derive.ts';
import type { AutogradEvaluator } from '../symbolic/derive.ts';
import type { LessonServices } from '../lessons/services.ts';
import type { PracticeItem } from '../lessons/types.ts';
import { DerivedKeys } from './keys.ts';
import { LessonKeyError } from './outcome.ts';

export type SymbolicServices = Required<
  Pick<LessonServices, 'checkExpression' | 'checkDerivative' | 'deriveKey'>
>;

export function symbolicServices(autograd?: AutogradEvaluator): SymbolicServices {
  return {
    checkExpression(text) {
      const parsed = parseMath(text);
      return parsed.ok ? null : { line: 1, column: parsed.column, message: parsed.message };
    },
    async checkDerivative(block) {
      const outcome = derive(block.f, block.wrt, {
        ...(block.at ? { at: block.at } : {}),
        ...(autograd ? { autograd } : {}),
      });
      if (!outcome.ok) return outcome.message;
      const refused = Object.values(outcome.derivation.derivatives).find(
        (info) => autograd && !info.verified,
      );
      return refused ? (refused.note ?? `d/d${refused.variable} disagrees with autograd`) : null;
    },
    async deriveKey(item) {
      // The grader's own key derivation, so `gradlab check` accepts exactly what it can grade.
      try {
        deriveKeys(item, autograd);
        return null;
      } catch (error) {
        if (error instanceof LessonKeyError) return error.message;
        throw error;
      }
    },
  };
}

function deriveKeys(item: PracticeItem, autograd: AutogradEvaluator | undefined): void {
  const { answer } = item;
  const keys = new DerivedKeys();
  if (answer.type === 'number') {
    if (answer.from) keys.number(answer.from, autograd);
  } else if (answer.type === 'expression') {
    if (answer.from) keys.expression(answer.from, autograd, answer.vars);
  } else {
    for (const check of answer.checks) if (check.from) keys.number(check.from, autograd);
    for (const test of answer.compose) {
      const f = test.f;
      if (f) for (const wrt of Object.keys(test.at)) keys.number({ f, wrt, at: test.at }, autograd);
    }
  }
}
