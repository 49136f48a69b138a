// A work budget for symbolic computation, so that no input can make it run away: every node
// the simplifier builds is counted, and work past the limit stops with SymbolicLimitError.
// Pure code cannot be interrupted from outside, so the bound is in the work itself.
//
// A budget is a scope: withBudget opens one for a top-level operation and it ends with it.
// Each entry point that can do unbounded work (simplify, differentiate, derive, equivalent,
// graphToSymbolic) opens its own, so nothing draws on what an earlier operation left.

export class SymbolicLimitError extends Error {
  override name = 'SymbolicLimitError';
}

/** Nodes one top-level operation may build (a derivative of the largest input needs < 20k). */
const DEFAULT_WORK_LIMIT = 200_000;

/** The work one top-level operation may still do. */
class WorkBudget {
  private remaining: number;

  constructor(limit: number) {
    this.remaining = limit;
  }

  spend(units: number): void {
    this.remaining -= units;
    if (this.remaining < 0)
      throw new SymbolicLimitError('the expression is too large to work with symbolically');
  }

  optional<T>(work: () => T, fallback: T): T {
    const allowance = Math.floor(this.remaining / 2);
    const kept = this.remaining - allowance;
    this.remaining = allowance;
    try {
      const result = work();
      this.remaining += kept;
      return result;
    } catch (error) {
      if (!(error instanceof SymbolicLimitError)) throw error;
      this.remaining = kept;
      return fallback;
    }
  }
}

// The scope of the operation running now. Symbolic work is synchronous, so one slot is enough;
// withBudget alone sets it and always clears it, so no state outlives an operation.
// eslint-disable-next-line no-restricted-syntax -- the running operation's scope, cleared on exit
let scope: WorkBudget | null = null;

/** Runs `work` in a budget of its own (work nested in a scope shares the outer one). */
export function withBudget<T>(work: () => T, limit = DEFAULT_WORK_LIMIT): T {
  if (scope !== null) return work();
  scope = new WorkBudget(limit);
  try {
    return work();
  } finally {
    scope = null;
  }
}

/**
 * Counts work against the running operation's budget. Outside any scope (a caller building one
 * node, such as neg(e)) the work is one step and is not counted.
 */
export function spend(units = 1): void {
  scope?.spend(units);
}

/**
 * Runs work that only improves a result (a tidier form) on half of what is left: when that runs
 * out, the other half is kept for the caller and `fallback` is the result.
 */
export function optional<T>(work: () => T, fallback: T): T {
  return scope === null
    ? withBudget(() => optional(work, fallback))
    : scope.optional(work, fallback);
}
