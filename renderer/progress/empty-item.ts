// A practice item nobody has tried yet. Its type is left to inference so that this module needs
// nothing from progress-schema.ts, which uses it to fill fields that did not fit: both users
// check it against ItemProgress.
export function emptyItem() {
  return {
    attempts: 0,
    score: 0,
    correct: false,
    hintsShown: 0,
    solutionShown: false,
    lastAnswer: '',
    time: '',
    history: [],
  };
}
