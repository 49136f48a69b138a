// The lesson list's line under each lesson: seeing a step is not running its cells.
import { describe, expect, it } from 'vitest';
import { progressSummary, type LessonEntry } from '../../renderer/ui/sidebar.ts';
import type { LessonProgress } from '../../renderer/progress/progress.ts';

const entry: LessonEntry = {
  key: 'k',
  id: 'k',
  title: 'T',
  stepCount: 5,
  cellCount: 7,
  itemCount: 2,
};
const visited = (overrides: Partial<LessonProgress>): LessonProgress => ({
  title: 'T',
  step: 0,
  stepsSeen: [],
  cellsRun: [],
  stepCount: 5,
  items: {},
  ...overrides,
});

describe('progress summary', () => {
  it('counts steps seen apart from cells run', () => {
    expect(progressSummary(entry, visited({ stepsSeen: [0, 1, 2, 3] }))).toBe(
      '4/5 steps seen · 0/7 cells run · 0/2 practice',
    );
    expect(progressSummary(entry, visited({ stepsSeen: [0, 1], cellsRun: [0, 2, 9] }))).toBe(
      '2/5 steps seen · 2/7 cells run · 0/2 practice',
    );
  });

  it('leaves out what a lesson does not have', () => {
    expect(progressSummary({ ...entry, cellCount: 0, itemCount: 0 }, undefined)).toBe(
      '0/5 steps seen',
    );
  });
});
