// A work budget for symbolic computation, so that no input can make it run away: every node
// the simplifier builds is counted, and work past the limit stops with SymbolicLimitError.
// Pure code cannot be interrupted from outside, so the bound is in the work itself.
//
// A budget belongs to one top-level operation: each entry point that can do unbounded work
// (simplify, differentiate, derive, equivalent, graphToSymbolic) makes its own unless its caller
// hands it one, and passes it to everything it builds, so nothing draws on what an earlier
// operation left.

export class SymbolicLimitError extends Error {
  override name = 'SymbolicLimitError';
}

/** Nodes one top-level operation may build (a derivative of the largest input needs < 20k). */
const DEFAULT_WORK_LIMIT = 200_000;

/** The work one top-level operation may still do. */
export class WorkBudget {
  private remaining: number;

  constructor(limit = DEFAULT_WORK_LIMIT) {
    this.remaining = limit;
  }

  spend(units: number): void {
    this.remaining -= units;
    if (this.remaining < 0)
      throw new SymbolicLimitError('the expression is too large to work with symbolically');
  }

  /**
   * Runs work that only improves a result (a tidier form) on half of what is left: when that
   * runs out, the other half is kept for the caller and `fallback` is the result.
   */
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
