// "Export grades": one CSV row per practice item the student attempted.
import { csvText } from '../../core/grading/csv.ts';
import type { ProgressDocument } from './progress.ts';

const header = ['lesson', 'item', 'attempts', 'score', 'time'];

export function gradesCsv(progress: ProgressDocument): string {
  const rows = [header];
  for (const lesson of Object.values(progress.lessons)) {
    for (const [itemId, item] of Object.entries(lesson.items)) {
      if (item.attempts === 0 && !item.solutionShown) continue;
      rows.push([lesson.title, itemId, String(item.attempts), item.score.toFixed(2), item.time]);
    }
  }
  return csvText(rows);
}
