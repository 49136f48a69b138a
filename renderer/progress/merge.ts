// Two copies of the student's progress (two tabs of the web build share one storage) merged
// item by item, so that neither loses what the other recorded: steps seen and cells run are
// united, and each practice item keeps the most attempts, the best score, the latest answer and
// every attempt either recorded.
import type { ItemProgress, ProgressDocument } from './progress-schema.ts';

/** Merges `other` into `mine` in place (the page holds on to mine's lesson and item objects). */
export function mergeProgressInto(mine: ProgressDocument, other: ProgressDocument): void {
  mine.currentLesson ??= other.currentLesson;
  mine.student ??= other.student;
  for (const [key, theirs] of Object.entries(other.lessons)) {
    const lesson = mine.lessons[key];
    if (!lesson) {
      mine.lessons[key] = structuredClone(theirs);
      continue;
    }
    for (const step of theirs.stepsSeen)
      if (!lesson.stepsSeen.includes(step)) lesson.stepsSeen.push(step);
    for (const cell of theirs.cellsRun)
      if (!lesson.cellsRun.includes(cell)) lesson.cellsRun.push(cell);
    for (const [id, item] of Object.entries(theirs.items)) {
      const own = lesson.items[id];
      if (own) Object.assign(own, mergedItem(own, item));
      else lesson.items[id] = { ...item };
    }
  }
}

function mergedItem(a: ItemProgress, b: ItemProgress): ItemProgress {
  const later = b.time > a.time ? b : a;
  const history = mergedHistory(a.history, b.history);
  return {
    // Each copy counted only its own attempts; the united history counts both.
    attempts: Math.max(a.attempts, b.attempts, history.length),
    score: Math.max(a.score, b.score),
    correct: a.correct || b.correct,
    hintsShown: Math.max(a.hintsShown, b.hintsShown),
    solutionShown: a.solutionShown || b.solutionShown,
    lastAnswer: later.lastAnswer,
    time: later.time,
    history,
  };
}

/** Every attempt of either copy, once each, in time order. */
function mergedHistory(a: ItemProgress['history'], b: ItemProgress['history']) {
  const seen = new Set(a.map((attempt) => `${attempt.time}\n${attempt.answer}`));
  const extra = b.filter((attempt) => !seen.has(`${attempt.time}\n${attempt.answer}`));
  return [...a, ...extra].sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : 0));
}
