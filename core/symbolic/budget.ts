// A work budget for symbolic computation, so that no input can make it run away: every node
// the simplifier builds is counted, and work past the limit stops with SymbolicLimitError.
// Pure code cannot be interrupted from outside, so the bound is in the work itself.

export class SymbolicLimitError extends Error {
  override name = 'SymbolicLimitError';
}

/** Nodes one top-level operation may build (a derivative of the largest input needs < 20k). */
export const DEFAULT_WORK_LIMIT = 200_000;

let remaining = DEFAULT_WORK_LIMIT;
let depth = 0;

/** Runs `work` with a fresh budget (nested calls share the outer one). */
export function withBudget<T>(work: () => T, limit = DEFAULT_WORK_LIMIT): T {
  if (depth > 0) return work();
  remaining = limit;
  depth++;
  try {
    return work();
  } finally {
    depth--;
  }
}

export function spend(units = 1): void {
  remaining -= units;
  if (remaining < 0)
    throw new SymbolicLimitError('the expression is too large to work with symbolically');
}

/**
 * Runs work that only improves a result (a tidier form) on half of what is left: when that runs
 * out, the other half is kept for the caller and `fallback` is the result.
 */
export function optional<T>(work: () => T, fallback: T): T {
  const allowance = Math.floor(remaining / 2);
  const kept = remaining - allowance;
  remaining = allowance;
  try {
    const result = work();
    remaining += kept;
    return result;
  } catch (error) {
    if (!(error instanceof SymbolicLimitError)) throw error;
    remaining = kept;
    return fallback;
  }
}
