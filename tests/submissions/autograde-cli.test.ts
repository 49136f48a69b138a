// `gradlab autograde` from the outside: a class's files, one of them tampered with, one answered
// against an older lesson, and files it cannot grade: the gradebook, the flags, the exit status.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../cli/autograde/course.ts';
import type { Submission } from '../../core/grading/submission.ts';
import { repoRoot } from '../support/shared.ts';

const folder = mkdtempSync(join(tmpdir(), 'gradlab-autograde-'));
const lessons = join(folder, 'lessons');
mkdirSync(lessons);
copyFileSync(join(repoRoot, 'lessons/01-derivatives.md'), join(lessons, '01-derivatives.md'));
const course = loadCourse(lessons);
const derivatives = course.lessons.get('derivatives')!;
const solution = (id: string) => derivatives.items.find((item) => item.id === id)!.solution!;

function submission(
  id: string,
  answers: Record<string, { answer: string; claimed: number }>,
  lessonHash = derivatives.textHash,
): Submission {
  return {
    format: 'gradlab-submission',
    version: 1,
    app: { name: 'gradlab', version: '0.1.0' },
    exportedAt: '2026-12-07T10:00:00.000Z',
    student: { name: `Student ${id}`, id },
    lessons: [
      {
        id: 'derivatives',
        title: 'Derivatives',
        items: Object.entries(answers).map(([item, { answer, claimed }]) => ({
          id: item,
          attempts: [{ answer, time: '2026-12-07T09:00:00.000Z', lessonHash }],
          solutionShown: false,
          claimed: { score: claimed, correct: claimed > 0 },
        })),
      },
    ],
  };
}

const honest = {
  'square-at-three': { answer: solution('square-at-three'), claimed: 1 },
  'quadratic-derivative': { answer: 'x^3', claimed: 0 },
  'cubic-code': { answer: solution('cubic-code'), claimed: 1 },
};

function write(name: string, content: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  return text
    .trimEnd()
    .split('\r\n')
    .map((line) =>
      [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, field]) =>
        field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field,
      ),
    );
}

let run: { status: number | null; stdout: string; stderr: string };
let rows: string[][];

beforeAll(() => {
  const files = [
    write('a.json', submission('a', honest)),
    write(
      'b.json',
      submission('b', { ...honest, 'quadratic-derivative': { answer: 'x^3', claimed: 1 } }),
    ),
    write('c.json', submission('c', honest, 'old-hash')),
    write('truncated.json', JSON.stringify(submission('d', honest)).slice(0, 80)),
    write('foreign.json', { cells: [] }),
    write('newer.json', { ...submission('e', honest), version: 2 }),
    write('corrupt.json', { ...submission('f', honest), student: { name: 'F' } }),
  ];
  const result = spawnSync(
    process.execPath,
    [
      'bin/gradlab.js',
      'autograde',
      ...files,
      '--lessons',
      lessons,
      '--out',
      join(folder, 'grades.csv'),
      '--feedback',
      join(folder, 'feedback'),
      '--jobs',
      '1',
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  run = { status: result.status, stdout: result.stdout, stderr: result.stderr };
  rows = parseCsv(readFileSync(join(folder, 'grades.csv'), 'utf8'));
}, 240_000);

describe('gradlab autograde', () => {
  it('writes one column per item of the lessons, a total and the flags', () => {
    const points = derivatives.items.reduce((sum, item) => sum + item.points, 0);
    expect(rows[0]).toEqual([
      'student_id',
      'name',
      ...derivatives.items.map((item) => `derivatives/${item.id}`),
      `total (of ${points})`,
      'status',
      'flags',
      'file',
    ]);
  });

  it('re-grades the answers: right ones earn their points, wrong ones none', () => {
    const column = (name: string) => rows[0].indexOf(`derivatives/${name}`);
    const a = rows[1];
    expect(a.slice(0, 2)).toEqual(['a', 'Student a']);
    expect(a[column('square-at-three')]).toBe('1');
    expect(a[column('quadratic-derivative')]).toBe('0');
    const cubicCode = derivatives.items.find((item) => item.id === 'cubic-code')!;
    expect(a[column('cubic-code')]).toBe(String(cubicCode.points));
    expect(a[column('cubic-number')]).toBe('0');
    expect(a.slice(-3, -1)).toEqual(['graded', '']);
  });

  it('flags a claimed score the re-grade does not give, and a lesson changed since', () => {
    expect(rows[2].at(-2)).toBe(
      'derivatives/quadratic-derivative: claimed score 1 differs from the re-graded 0 (possible tampering)',
    );
    expect(rows[3].at(-2)).toMatch(/lesson changed since answered/);
    expect(rows[3].at(-4)).toBe(rows[1].at(-4)); // same total as the honest copy
  });

  it('gives each file it cannot grade its own row with the reason, and exits 1', () => {
    const reasons = rows.slice(4).map((row) => [row.at(-3), row.at(-1)?.replace(/^.*\//, '')]);
    expect(reasons).toEqual([
      ['corrupt', 'truncated.json'],
      ['foreign', 'foreign.json'],
      ['newer', 'newer.json'],
      ['corrupt', 'corrupt.json'],
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^autograde: 7 submissions: 3 graded; 4 not graded .*; 1 with a claimed score that differs \(possible tampering\); 1 with answers to a lesson that changed since\n$/,
    );
  });

  it('writes a feedback page per student that works offline', () => {
    const page = readFileSync(join(folder, 'feedback/a.html'), 'utf8');
    expect(page).toContain('<link rel="stylesheet" href="katex/katex.min.css">');
    expect(page).toContain('class="katex"');
    expect(page).toMatch(/Not right: /);
    expect(existsSync(join(folder, 'feedback/katex/fonts/KaTeX_Main-Regular.woff2'))).toBe(true);
  });
});
