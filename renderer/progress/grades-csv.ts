// "Export grades": one CSV row per practice item the student attempted.
import type { ProgressDocument } from './progress.ts';

const header = ['lesson', 'item', 'attempts', 'score', 'time'];

/** RFC 4180 quoting; a leading =+-@ is prefixed so spreadsheets never run it as a formula. */
function csvField(text: string): string {
  if (/^[=+\-@]/.test(text)) text = "'" + text;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function gradesCsv(progress: ProgressDocument): string {
  const rows = [header];
  for (const lesson of Object.values(progress.lessons)) {
    for (const [itemId, item] of Object.entries(lesson.items)) {
      if (item.attempts === 0 && !item.solutionShown) continue;
      rows.push([lesson.title, itemId, String(item.attempts), item.score.toFixed(2), item.time]);
    }
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
