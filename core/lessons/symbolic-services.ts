// The lesson checks core/symbolic can answer on its own: maths that must parse, `from:` keys
// that must derive to finite values, and derivative panels whose symbolic derivative must
// agree with autograd (when an autograd evaluator is given).
import { parseMath } from '../symbolic/parse.ts';
import { derive } from '../symbolic/derive.ts';
import type { AutogradEvaluator } from '../symbolic/derive.ts';
import type { LessonServices } from './services.ts';
import type { DerivedNumber, PracticeItem } from './types.ts';

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
      for (const key of derivedKeys(item)) {
        const outcome = derive(key.f, key.wrt, key.at ? { at: key.at } : {});
        if (!outcome.ok) return `${key.f}: ${outcome.message}`;
        if (!key.at) continue;
        for (const info of Object.values(outcome.derivation.derivatives))
          if (info.value === undefined || !Number.isFinite(info.value))
            return `d(${key.f})/d${info.variable} is not a finite number at ${pointText(key.at)}`;
      }
      return null;
    },
  };
}

interface DerivedKey {
  f: string;
  wrt: string[];
  at?: Record<string, number>;
}

function derivedKeys(item: PracticeItem): DerivedKey[] {
  const fromNumber = (from: DerivedNumber): DerivedKey => ({
    f: from.f,
    wrt: [from.wrt],
    at: from.at,
  });
  const { answer } = item;
  if (answer.type === 'number') return answer.from ? [fromNumber(answer.from)] : [];
  if (answer.type === 'expression')
    return answer.from ? [{ f: answer.from.f, wrt: [answer.from.wrt] }] : [];
  return [
    ...answer.checks.flatMap((check) => (check.from ? [fromNumber(check.from)] : [])),
    ...answer.compose.flatMap((test) =>
      test.f ? [{ f: test.f, wrt: Object.keys(test.at), at: test.at }] : [],
    ),
  ];
}

function pointText(point: Record<string, number>): string {
  return Object.entries(point)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
}
