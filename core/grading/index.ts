// Public API of core/grading (import from here; the rest is internal).
//
// - gradeAnswer(item, answer, {autograd?, python?, attempts?}) → {outcome, attempts}: the verdict
//   `{correct, score, feedback, parsed, parsedLatex, valid, mistake?, method?}` with the STACK
//   penalty applied from the attempts so far; an unreadable answer (valid: false) costs nothing.
//   Throws LessonKeyError when the item's expected answer cannot be derived.
// - nextHint / revealSolution / NO_ATTEMPTS: hints in order and the solution, as attempt state.
// - IsolatedPython: what code answers need from the Python runtime (run cells in a new namespace).
// - solutionGrader(autograd, python?): core/lessons' gradeSolution service.
export { gradeAnswer, verdict, MAX_CODE_LENGTH } from './grade.ts';
export type { GradeContext } from './grade.ts';
export type { GradeOutcome, MistakeKind } from './outcome.ts';
export { LessonKeyError } from './outcome.ts';
export { NO_ATTEMPTS, nextHint, recordAttempt, revealSolution } from './attempts.ts';
export type { AttemptState } from './attempts.ts';
export type { IsolatedPython, PythonCellResult } from './code-answer.ts';
export { solutionGrader } from './services.ts';
