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
  const feedback = result.feedback.trim();
  const sentence = feedback.replace(REPEATED_VERDICT, '');
  if (sentence === '') return `${word}.`;
  // What followed a dropped "Not right yet:" starts a sentence; code such as x.grad keeps its case.
  const start = sentence === feedback ? sentence[0] : sentence[0].toUpperCase();
  return `${word}: ${start}${sentence.slice(1)}`;
}
