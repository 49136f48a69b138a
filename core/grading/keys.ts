// Expected answers derived from `from: {f, wrt, at}`: the number or the derivative expression
// computed by core/symbolic and cross-checked with autograd. A key that cannot be derived is a
// lesson error (LessonKeyError), never a silently wrong key.
import type { DerivedExpression, DerivedNumber } from '../lessons/types.ts';
import type { Expr } from '../symbolic/expr.ts';
import type { AutogradEvaluator } from '../symbolic/derive.ts';
import { derive } from '../symbolic/derive.ts';
import { parseMath } from '../symbolic/parse.ts';
import { simplify } from '../symbolic/simplify.ts';
import { symbolsOf } from '../symbolic/expr.ts';
import { LessonKeyError } from './outcome.ts';

/**
 * Keys already derived, kept by whoever grades many answers (an item is graded many times, and a
 * code answer's checks derive theirs more than once); bounded, oldest dropped first.
 */
export class DerivedKeys {
  private readonly cache = new Map<string, DerivedKey>();

  /** `variables`: those the item declares (its answer's `vars`), besides those of f. */
  expression(
    from: DerivedExpression,
    autograd?: AutogradEvaluator,
    variables: readonly string[] = [],
  ): DerivedKey {
    const id = JSON.stringify(['expression', from.f, from.wrt, variables, autograd !== undefined]);
    return this.cached(id, () => deriveKey(from, autograd, variables));
  }

  number(from: DerivedNumber, autograd?: AutogradEvaluator): DerivedNumberKey {
    const id = JSON.stringify(['number', from.f, from.wrt, from.at, autograd !== undefined]);
    return this.cached(id, () => deriveNumberKey(from, autograd));
  }

  private cached<T extends DerivedKey>(id: string, derive: () => T): T {
    const hit = this.cache.get(id);
    if (hit) return hit as T;
    const value = derive();
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(id, value);
    return value;
  }
}

const CACHE_SIZE = 256;

/** Everything the grader knows about the function an item differentiates. */
export interface DerivedKey {
  f: Expr;
  /** The variables of f, in order of appearance. */
  variables: string[];
  wrt: string;
  /** ∂f/∂v for every variable v of f. */
  partials: Record<string, Expr>;
  /** The expected derivative ∂f/∂wrt. */
  derivative: Expr;
}

export interface DerivedNumberKey extends DerivedKey {
  at: Record<string, number>;
  value: number;
  /** f at the point. */
  fValue: number;
}

/**
 * `wrt` must be a variable of f, or one the item declares (in `at` or `vars`): d/du of a
 * function of v alone is a fair question, `wrt: y` for a function of x a typo.
 */
function deriveKey(
  from: DerivedExpression,
  autograd: AutogradEvaluator | undefined,
  pointVariables: readonly string[] = [],
): DerivedKey {
  const parsed = parseMath(from.f);
  if (!parsed.ok)
    throw new LessonKeyError(
      `from.f '${from.f}' does not parse: ${parsed.message} (column ${parsed.column})`,
    );
  const variables = [...new Set([...symbolsOf(parsed.expr), ...pointVariables])];
  if (!variables.includes(from.wrt))
    throw new LessonKeyError(
      `from.wrt '${from.wrt}' is not a variable of '${from.f}' (it has ${variables.join(', ') || 'none'})`,
    );
  const outcome = derive(parsed.expr, variables, autograd ? { autograd } : {});
  if (!outcome.ok) throw new LessonKeyError(`cannot differentiate '${from.f}': ${outcome.message}`);
  const partials: Record<string, Expr> = {};
  for (const [v, info] of Object.entries(outcome.derivation.derivatives)) {
    if (!info.derivative)
      throw new LessonKeyError(
        `the derivative of '${from.f}' by ${v} is not trustworthy: ${info.note}`,
      );
    partials[v] = info.derivative;
  }
  return {
    f: simplify(parsed.expr),
    variables,
    wrt: from.wrt,
    partials,
    derivative: partials[from.wrt],
  };
}

function deriveNumberKey(
  from: DerivedNumber,
  autograd: AutogradEvaluator | undefined,
): DerivedNumberKey {
  const key = deriveKey(from, autograd, Object.keys(from.at));
  const missing = key.variables.filter((v) => typeof from.at[v] !== 'number');
  if (missing.length)
    throw new LessonKeyError(`'from.at' gives no value for ${missing.join(', ')}`);
  const outcome = derive(key.f, [from.wrt], { at: from.at, ...(autograd ? { autograd } : {}) });
  if (!outcome.ok) throw new LessonKeyError(outcome.message);
  const info = outcome.derivation.derivatives[from.wrt];
  const value = info.value!;
  if (!Number.isFinite(value))
    throw new LessonKeyError(
      `the derivative of '${from.f}' is not defined at the point (${value})`,
    );
  return { ...key, at: from.at, value, fValue: outcome.derivation.value! };
}
