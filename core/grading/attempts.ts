// Attempts at one practice item, STACK-style: each wrong valid attempt costs `penalty` of the
// marks a later right answer earns; an unreadable answer costs nothing; hints come in order;
// once the solution is shown, answers still get a verdict but no marks.
import type { PracticeItem } from '../lessons/types.ts';
import type { GradeOutcome } from './outcome.ts';

export interface AttemptState {
  /** Valid answers given so far. */
  attempts: number;
  wrongAttempts: number;
  hintsShown: number;
  solutionShown: boolean;
  correct: boolean;
  /** Best fraction of the points earned so far (0..1). */
  score: number;
}

export const NO_ATTEMPTS: AttemptState = {
  attempts: 0,
  wrongAttempts: 0,
  hintsShown: 0,
  solutionShown: false,
  correct: false,
  score: 0,
};

/** Applies the penalty to a fresh verdict and records the attempt. */
export function recordAttempt(
  item: PracticeItem,
  state: AttemptState,
  outcome: GradeOutcome,
): { outcome: GradeOutcome; state: AttemptState } {
  if (!outcome.valid) return { outcome, state };
  if (!outcome.correct)
    return {
      outcome: { ...outcome, score: 0 },
      state: { ...state, attempts: state.attempts + 1, wrongAttempts: state.wrongAttempts + 1 },
    };
  const earned = state.solutionShown ? 0 : Math.max(0, 1 - item.penalty * state.wrongAttempts);
  const note = state.solutionShown
    ? ' (No marks: the solution was shown.)'
    : earned < 1
      ? ` (${Math.round(earned * 100)}% of the marks after ${state.wrongAttempts} wrong ${state.wrongAttempts === 1 ? 'attempt' : 'attempts'}.)`
      : '';
  return {
    outcome: { ...outcome, score: earned, feedback: outcome.feedback + note },
    state: {
      ...state,
      attempts: state.attempts + 1,
      correct: true,
      score: Math.max(state.score, earned),
    },
  };
}

/** The next hint in order, or null when all are shown. */
export function nextHint(
  item: PracticeItem,
  state: AttemptState,
): { hint: string | null; state: AttemptState } {
  if (state.hintsShown >= item.hints.length) return { hint: null, state };
  return {
    hint: item.hints[state.hintsShown],
    state: { ...state, hintsShown: state.hintsShown + 1 },
  };
}

export function revealSolution(
  item: PracticeItem,
  state: AttemptState,
): { solution: string | null; explanation: string | null; state: AttemptState } {
  return {
    solution: item.solution ?? null,
    explanation: item.explanation ?? null,
    state: { ...state, solutionShown: true },
  };
}
