// course.yaml: its title and lesson order are read, and every mistake in it is reported at its
// line and column so an instructor can fix it from the message alone.
import { describe, expect, it } from 'vitest';
import { courseLessons, readCourseFile } from '../../core/lessons/course-file.ts';

const files = ['intro.md', 'chain-rule.md', 'extra.md'];

describe('course.yaml', () => {
  it('gives the title and the chosen lessons in its order', () => {
    const text = 'title: Calculus for ML\nlessons:\n  - chain-rule.md\n  - intro.md\n';
    const { outline, problems } = readCourseFile('course.yaml', text, files);
    expect(problems).toEqual([]);
    expect(outline.title).toBe('Calculus for ML');
    const lessons = courseLessons(
      files.map((fileName) => ({ fileName })),
      outline,
    );
    expect(lessons.map((lesson) => lesson.fileName)).toEqual(['chain-rule.md', 'intro.md']);
  });

  it('without a lesson list, the course is every lesson file', () => {
    const { outline } = readCourseFile('course.yaml', 'title: All\n', files);
    expect(
      courseLessons(
        files.map((fileName) => ({ fileName })),
        outline,
      ),
    ).toHaveLength(3);
  });

  it('names a missing lesson file at its line, with the closest file name', () => {
    const text = 'title: T\nlessons:\n  - intro.md\n  - chain-rul.md\n  - intro.md\n';
    const { problems } = readCourseFile('course.yaml', text, files);
    expect(problems).toEqual([
      {
        file: 'course.yaml',
        line: 4,
        column: 5,
        message: "no lesson file 'chain-rul.md' in this folder (did you mean 'chain-rule.md'?)",
      },
      { file: 'course.yaml', line: 5, column: 5, message: "'intro.md' is listed twice" },
    ]);
  });

  it('reports unknown keys and bad YAML where they are', () => {
    const unknown = readCourseFile('course.yaml', 'title: T\ntitel: U\n', files).problems;
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ line: 2, column: 1 });
    expect(unknown[0]!.message).toContain('titel');
    const broken = readCourseFile('course.yaml', 'title: "T\nlessons: []\n', files).problems;
    expect(broken[0]).toMatchObject({ file: 'course.yaml', line: 1 });
    expect(broken[0]!.message).toContain('bad YAML');
  });
});
