// "Export grades": the CSV an instructor opens in a spreadsheet.
import { describe, expect, it } from 'vitest';
import { gradesCsv } from '../../renderer/progress/grades-csv.ts';
import type { ProgressDocument } from '../../renderer/progress/progress.ts';
import { emptyItem } from '../../renderer/progress/empty-item.ts';

const time = '2026-11-27T05:00:00.000Z';

function progressWith(title: string, items: ProgressDocument['lessons'][string]['items']) {
  const doc: ProgressDocument = {
    version: 1,
    currentLesson: null,
    lessons: {
      'builtin:a.md': { title, step: 0, stepsSeen: [0], cellsRun: [], stepCount: 3, items },
    },
    student: null,
  };
  return doc;
}

describe('gradesCsv', () => {
  it('writes one row per attempted item: lesson, item, attempts, score, time', () => {
    const csv = gradesCsv(
      progressWith('Derivatives', {
        cube: { ...emptyItem(), attempts: 2, score: 0.9, correct: true, time },
        untouched: emptyItem(),
      }),
    );
    expect(csv).toBe(`lesson,item,attempts,score,time\r\nDerivatives,cube,2,0.90,${time}\r\n`);
  });

  it('quotes commas and quotes, and never lets a cell start a formula', () => {
    const csv = gradesCsv(
      progressWith('=HYPERLINK("x"), "quoted"', {
        a: { ...emptyItem(), attempts: 1, time },
      }),
    );
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x""), ""quoted""",a,1,0.00,${time}`);
  });
});
