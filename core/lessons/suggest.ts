// "Did you mean": the closest known word to a misspelt one, if it is close enough to be a typo.

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two neighbouring
 * letters (`titel` -> `title` is one edit), case-insensitive.
 */
function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  const rows: number[][] = [Array.from({ length: right.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= left.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= right.length; j += 1) {
      const substitution = rows[i - 1][j - 1] + (left[i - 1] === right[j - 1] ? 0 : 1);
      let best = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, substitution);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1])
        best = Math.min(best, rows[i - 2][j - 2] + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[left.length][right.length];
}

/** The candidate within a third of the word's length in edits (at least 1, at most 3). */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  const allowed = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance <= allowed && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** ` (did you mean 'x'?)` or nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const guess = closestWord(word, candidates);
  return guess === undefined ? '' : ` (did you mean '${guess}'?)`;
}
