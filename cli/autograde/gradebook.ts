// The gradebook CSV: one row per submission file, one column per practice item (points earned),
// the total, and the flags an instructor should look at (README: "The gradebook's columns").
import { csvText } from '../../core/grading/csv.ts';
import type { GradingCourse } from './course.ts';
import type { StudentReport } from './grade-submission.ts';

export function gradebookCsv(course: GradingCourse, reports: readonly StudentReport[]): string {
  const itemColumns = course.columns.map(({ lessonId, item }) => `${lessonId}/${item.id}`);
  const maxTotal = course.columns.reduce((sum, { item }) => sum + item.points, 0);
  const header = [
    'student_id',
    'name',
    ...itemColumns,
    `total (of ${points(maxTotal)})`,
    'status',
    'flags',
    'file',
  ];
  const rows = reports.map((report) =>
    report.kind === 'graded'
      ? [
          report.student.id,
          report.student.name,
          ...report.items.map((grade) => points(grade.points)),
          points(report.total),
          'graded',
          report.flags.join('; '),
          report.file,
        ]
      : ['', '', ...itemColumns.map(() => ''), '', report.reason, report.message, report.file],
  );
  return csvText([header, ...rows]);
}

/** Points with at most two decimals, as a gradebook shows them. */
export function points(value: number): string {
  return String(Math.round(value * 100) / 100);
}
