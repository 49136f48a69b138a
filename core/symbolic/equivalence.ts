// Are two expressions the same function? First the simplified difference (exact when it is
// zero), then WeBWorK's test: values at random points of a domain where both are defined,
// within a relative tolerance, re-drawing points where either side is undefined.
import type { Expr } from './expr.ts';
import { freeSymbols } from './expr.ts';
import type { Point } from './evaluate.ts';
import { evaluate } from './evaluate.ts';
import { isZeroExpr, simplify, sub } from './simplify.ts';
import { SymbolicLimitError, WorkBudget } from './budget.ts';
import { seededRandom } from './random.ts';

export interface EquivalenceOptions {
  /** Sampling interval per variable; others use `defaultLimits`. */
  limits?: Readonly<Record<string, readonly [number, number]>>;
  defaultLimits?: readonly [number, number];
  /** Points where both sides must agree. */
  points?: number;
  /** Draws allowed in all (points where a side is undefined are drawn again). */
  maxDraws?: number;
  relativeTolerance?: number;
  absoluteTolerance?: number;
  seed?: number;
}

type EquivalenceMethod = 'symbolic' | 'numeric';

export type EquivalenceResult =
  | { equal: true; method: EquivalenceMethod; pointsChecked: number }
  | { equal: false; method: 'numeric'; counterexample: Point; values: [number, number] }
  | { equal: null; reason: string };

type Settings = Required<Omit<EquivalenceOptions, 'limits'>> & Pick<EquivalenceOptions, 'limits'>;

const DEFAULT_EQUIVALENCE: Settings = {
  defaultLimits: [-2, 2],
  points: 8,
  maxDraws: 200,
  relativeTolerance: 1e-9,
  absoluteTolerance: 1e-12,
  seed: 20240601,
};

const MINIMUM_POINTS = 3;

export function close(a: number, b: number, relative: number, absolute: number): boolean {
  return Math.abs(a - b) <= Math.max(absolute, relative * Math.max(Math.abs(a), Math.abs(b)));
}

export function equivalent(a: Expr, b: Expr, options: EquivalenceOptions = {}): EquivalenceResult {
  const o: Settings = { ...DEFAULT_EQUIVALENCE, ...options };
  let symbolic = false;
  try {
    const budget = new WorkBudget();
    symbolic = isZeroExpr(simplify(sub(a, b, budget), budget));
  } catch (error) {
    if (!(error instanceof SymbolicLimitError)) throw error;
  }
  const numeric = sampleDifference(a, b, o);
  if (numeric.equal === false || numeric.equal === null) {
    // The simplified difference can vanish where the sides still differ in domain (x/x vs 1):
    // a point where both are defined and differ decides.
    if (numeric.equal === null && symbolic)
      return { equal: true, method: 'symbolic', pointsChecked: 0 };
    return numeric;
  }
  return {
    equal: true,
    method: symbolic ? 'symbolic' : 'numeric',
    pointsChecked: numeric.pointsChecked,
  };
}

function sampleDifference(a: Expr, b: Expr, o: Settings): EquivalenceResult {
  const variables = [...new Set([...freeSymbols(a), ...freeSymbols(b)])].sort();
  const random = seededRandom(o.seed);
  const wanted = variables.length === 0 ? 1 : o.points;
  let checked = 0;
  for (let draw = 0; draw < o.maxDraws && checked < wanted; draw++) {
    const point: Record<string, number> = {};
    for (const v of variables) {
      const [low, high] = o.limits?.[v] ?? o.defaultLimits;
      point[v] = low + (high - low) * random();
    }
    const va = evaluate(a, point);
    const vb = evaluate(b, point);
    if (!Number.isFinite(va) || !Number.isFinite(vb)) continue;
    if (!close(va, vb, o.relativeTolerance, o.absoluteTolerance))
      return { equal: false, method: 'numeric', counterexample: point, values: [va, vb] };
    checked++;
  }
  // WeBWorK's rule in small: a few agreeing points suffice when the domain is narrow.
  if (checked < Math.min(MINIMUM_POINTS, wanted))
    return {
      equal: null,
      reason: `found only ${checked} of ${wanted} sample points where both expressions are defined`,
    };
  return { equal: true, method: 'numeric', pointsChecked: checked };
}
