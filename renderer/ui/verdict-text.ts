// The one line a practice item's verdict shows: "Correct: …", "Not yet: …" or "Not read: …",
// the grader's sentence after it without repeating the verdict in other words.
export interface VerdictWords {
  /** False when the answer could not be read (it costs no attempt). */
  valid: boolean;
  correct: boolean;
  feedback: string;
}

/** Openings of the grader's sentences that say the verdict again ("Not right yet: …"). */
const REPEATED_VERDICT = /^(?:correct|not right yet|not yet)\s*[.:]?\s*/i;

export function verdictText(result: VerdictWords): string {
  const word = !result.valid ? 'Not read' : result.correct ? 'Correct' : 'Not yet';
  const sentence = result.feedback.trim().replace(REPEATED_VERDICT, '');
  if (sentence === '') return `${word}.`;
  return `${word}: ${sentence[0].toUpperCase()}${sentence.slice(1)}`;
}
